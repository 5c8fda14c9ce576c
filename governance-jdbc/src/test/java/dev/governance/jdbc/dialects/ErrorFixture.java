package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs failing statements as an identity with a JSONL trail, and looks at the error and at the trail. */
final class ErrorFixture {
    static final String TOKEN = "tkn_9f8e7d6c5b4a3210";
    final Path audit;

    ErrorFixture() throws Exception {
        audit = Files.createTempDirectory("errors").resolve("audit.jsonl");
    }

    Connection open(String url, Properties identity, String user) throws SQLException {
        identity.setProperty("governance.audit.sinks", "jsonl:" + audit);
        if (user != null) {
            identity.setProperty("user", user);
            identity.setProperty("password", "");
        }
        return DriverManager.getConnection(url, identity);
    }

    Connection agent(String url, String user) throws SQLException {
        return open(url, TestConnections.agent(), user);
    }

    Connection service(String url, String user) throws SQLException {
        return open(url, TestConnections.service(), user);
    }

    static SQLException fails(Connection c, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }, sql);
    }

    static void assertContains(SQLException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    static void assertWithout(SQLException e, String value) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(value), "value leaked: " + t.getMessage());
        }
    }

    /** The trail holds the statement's error record, and no data value anywhere. */
    void assertTrailClean(String sqlPart, String value) throws Exception {
        String trail = "";
        for (int attempt = 0; attempt < 100; attempt++) {
            trail = Files.exists(audit) ? Files.readString(audit) : "";
            if (trail.contains(sqlPart) && trail.contains("\"error\":\"")) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(trail.contains("\"error\":\""), "no error recorded: " + trail);
        assertFalse(trail.contains(value), "the trail holds a data value: " + trail);
    }
}
