package dev.governance.jdbc.mcp;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.identity.IdentityResolver;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MCP over streamable HTTP at {@code /mcp}, on an embedded Jetty. Each request is authenticated by
 * {@link BearerFilter}; its tool calls run as that request's identity. Requests from other sites are refused by
 * {@link OriginCheck}.
 */
final class HttpServer {
    static final String ENDPOINT = "/mcp";

    private HttpServer() {
    }

    static void run(McpTools tools, ServerConfig config, String hostPort, List<String> allowedOrigins)
            throws Exception {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 1) {
            throw new StartupException("--http " + hostPort + ": expected HOST:PORT, e.g. 127.0.0.1:8765");
        }
        String host = hostPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new StartupException("--http " + hostPort + ": the port is not a number");
        }
        IdentityResolver verifier = verifier(config);
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint(ENDPOINT)
                .securityValidator(OriginCheck.forBinding(host, allowedOrigins))
                .contextExtractor(request -> {
                    Map<String, Object> context = new HashMap<>();
                    Object token = request.getAttribute(BearerFilter.TOKEN_ATTRIBUTE);
                    if (token != null) {
                        context.put(Caller.TOKEN, token);
                    }
                    return McpTransportContext.create(context);
                })
                .build();
        McpSyncServer mcp = ServerInfo.build(McpServer.sync(transport), tools);

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        FilterHolder bearer = new FilterHolder(new BearerFilter(verifier));
        bearer.setAsyncSupported(true);
        context.addFilter(bearer, "/*", EnumSet.of(DispatcherType.REQUEST));
        ServletHolder servlet = new ServletHolder(transport);
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, ENDPOINT);
        jetty.setHandler(context);
        jetty.start();
        System.err.println("governance-jdbc mcp: serving MCP (streamable HTTP) at http://" + host + ":"
                + connector.getLocalPort() + ENDPOINT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mcp.closeGracefully();
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        jetty.join();
    }

    /** Bearer tokens are verified with the configured JWK set, issuer and audience, exactly as the driver does. */
    private static IdentityResolver verifier(ServerConfig config) throws StartupException {
        if (config.settings().identity().jwks() == null) {
            throw new StartupException("--http needs governance.identity.jwks, .issuer and .audience in the"
                    + " configuration: every request's bearer token is verified with them");
        }
        try {
            return IdentityResolver.create(config.settings().identity());
        } catch (ConfigurationException e) {
            throw new StartupException(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
