package dev.governance.jdbc.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** The MCP server on an H2 file database (shared between processes), over stdio and HTTP. */
class McpH2IT {
    @TempDir
    Path dir;

    @Test
    void stdioAndHttp() throws Exception {
        String db = "h2:" + dir.resolve("data") + ";AUTO_SERVER=TRUE";
        String store = "jdbc:h2:" + dir.resolve("approvals") + ";AUTO_SERVER=TRUE";
        McpScenarios.Db h2 = new McpScenarios.Db() {
            @Override
            public String governedUrl() {
                return "jdbc:governed:" + db;
            }

            @Override
            public Connection raw() throws SQLException {
                return DriverManager.getConnection("jdbc:" + db);
            }

            @Override
            public String approvalStore() {
                return store;
            }
        };
        // This JVM hosts both files' AUTO_SERVER for the whole test: the hosting never moves to a server process
        // that exits (which would break the other processes' connections).
        try (Connection hostData = h2.raw(); Connection hostApprovals = DriverManager.getConnection(store);
             McpFixture fixture = new McpFixture(dir)) {
            McpScenarios scenarios = new McpScenarios(h2, fixture, UUID.randomUUID().toString().substring(0, 8));
            scenarios.createTables();
            Path stdioAudit = scenarios.stdioAgent();
            Path httpAudit = scenarios.http();
            McpScenarios.auditNamesCallers(stdioAudit, Map.of("agent-7", "mcp-it-stdio"));
            McpScenarios.auditNamesCallers(httpAudit, Map.of("pii-reader-1", "mcp-it-http", "agent-9", "mcp-it-http"));
        }
    }
}
