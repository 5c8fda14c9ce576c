package dev.governance.jdbc.mcp;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/** The MCP server on the real PostgreSQL, over stdio and HTTP; approvals in a schema of its own. */
class McpPostgresIT {
    static final String URL = "postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    static Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:" + URL, "postgres", "");
    }

    @Test
    void stdioAndHttp() throws Exception {
        requirePostgres();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String approvals = "mcp_approvals_" + suffix;
        String store = "jdbc:" + URL + "?user=postgres&currentSchema=" + approvals;
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + approvals);
        }
        McpScenarios.Db pg = new McpScenarios.Db() {
            @Override
            public String governedUrl() {
                return "jdbc:governed:" + URL + "?user=postgres";
            }

            @Override
            public Connection raw() throws SQLException {
                return McpPostgresIT.raw();
            }

            @Override
            public String approvalStore() {
                return store;
            }
        };
        McpScenarios scenarios = null;
        try (McpFixture fixture = new McpFixture(dir)) {
            scenarios = new McpScenarios(pg, fixture, suffix);
            scenarios.createTables();
            Path stdioAudit = scenarios.stdioAgent();
            Path httpAudit = scenarios.http();
            McpScenarios.auditNamesCallers(stdioAudit, Map.of("agent-7", "mcp-it-stdio"));
            McpScenarios.auditNamesCallers(httpAudit, Map.of("pii-reader-1", "mcp-it-http", "agent-9", "mcp-it-http"));
        } finally {
            if (scenarios != null) {
                scenarios.dropTables();
            }
            try (Connection c = raw(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + approvals + " CASCADE");
            }
        }
    }

    /** Fails when databases are required (CI), else skips, unless PostgreSQL answers. */
    static void requirePostgres() {
        try (Connection c = raw()) {
            c.isValid(5);
        } catch (SQLException e) {
            if (Boolean.getBoolean("governance.it.require-databases") || "true".equals(System.getenv("CI"))) {
                fail("PostgreSQL is required at 127.0.0.1:5432 (scripts/start-databases.sh): " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable: " + e.getMessage());
        }
    }
}
