package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/**
 * MCP over stdin/stdout as the configured identity. stdout carries only the protocol: anything else that prints
 * to {@code System.out} is sent to stderr. Serves until stdin ends.
 */
final class StdioServer {
    private StdioServer() {
    }

    static void run(McpTools tools) throws StartupException, InterruptedException {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        requireIdentity(tools.database());
        CountDownLatch ended = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            }
        };
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, protocol);
        McpSyncServer server = ServerInfo.build(McpServer.sync(transport), tools);
        System.err.println("governance-jdbc mcp: serving MCP on stdio");
        ended.await();
        server.closeGracefully();
    }

    /** Fails at start, with the driver's reason, when the configured identity can't connect. */
    private static void requireIdentity(Database database) throws StartupException {
        try (GovernedConnection c = database.open(null)) {
            System.err.println("governance-jdbc mcp: connected as " + c.identity().subject() + " ("
                    + c.identity().kind().label() + ")");
        } catch (SQLException e) {
            throw new StartupException("can't connect with the configured identity: " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
