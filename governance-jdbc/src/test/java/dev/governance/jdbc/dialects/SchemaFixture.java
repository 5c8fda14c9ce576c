package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two schemas (databases on MariaDB) holding a table of the same name: the default one and the one the connection
 * was moved to. Each table's {@code contact} column is masked by a rule only in the moved-to schema, and the access
 * list names schemas, so reads, masking and the audit record each show which table the server used.
 */
final class SchemaFixture {
    final Path dir;
    final Path audit;

    SchemaFixture() throws IOException {
        dir = Files.createTempDirectory("schemas");
        audit = dir.resolve("audit.jsonl");
    }

    /** An agent whose access list allows {@code readable} (globs) and whose masking hides {@code masked} columns. */
    Properties agent(String user, List<String> readable, String masked) throws IOException {
        return agent(user, readable, List.of(), masked);
    }

    Properties agent(String user, List<String> readable, List<String> writable, String masked) throws IOException {
        Path policy = dir.resolve("policy-" + System.nanoTime() + ".yaml");
        Files.writeString(policy, String.join("\n",
                "version: 1",
                "identities:",
                "  agents: { kind: agent }",
                "access:",
                "  - identity: agents",
                "    read: [" + String.join(", ", readable.stream().map(g -> "\"" + g + "\"").toList()) + "]",
                writable.isEmpty() ? "" : "    write: [" + String.join(", ", writable.stream().map(g -> "\"" + g + "\"")
                        .toList()) + "]",
                "masking:",
                "  detect: auto",
                "  columns:",
                "    - match: [\"" + masked + "\"]",
                "      strategy: redact",
                ""));
        Properties p = TestConnections.agent();
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.audit.sinks", "jsonl:" + audit);
        if (user != null) {
            p.setProperty("user", user);
            p.setProperty("password", "");
        }
        return p;
    }

    static Connection open(String url, Properties p) throws SQLException {
        return DriverManager.getConnection(url, p);
    }

    /** Every cell of a query as text, row by row. */
    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** The audit trail's statement records for {@code sqlPart} (written asynchronously: waits for them). */
    List<String> records(String sqlPart) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<String> found = new ArrayList<>();
            if (Files.exists(audit)) {
                for (String line : Files.readAllLines(audit)) {
                    if (line.contains("\"event\":\"statement\"") && line.contains(sqlPart)) {
                        found.add(line);
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    /** The last record of {@code sqlPart} names exactly {@code table} as read. */
    void assertRead(String sqlPart, String table) throws IOException, InterruptedException {
        List<String> found = records(sqlPart);
        assertTrue(!found.isEmpty(), "no audit record for " + sqlPart);
        String last = found.get(found.size() - 1);
        assertTrue(last.contains("\"read\":[\"" + table + "\"]"), "expected " + table + " read in " + last);
    }

    /**
     * The moved-to table's rows through {@code c}: ids and statuses raw, {@code contact} masked by the rule on that
     * schema; the audit record names {@code resolved}. {@code marker} labels the query so its record can be found.
     */
    void assertMovedRows(Connection c, String table, String marker, String resolved) throws Exception {
        List<List<String>> rows = rows(c, "SELECT id, status, contact, 0 AS " + marker + " FROM " + table + " ORDER BY id");
        assertEquals(List.of(List.of("7", "shipped", "****", "0"), List.of("8", "new", "****", "0")), rows);
        assertRead(marker, resolved);
    }

    static void assertDenied(Connection c, String sql) {
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> rows(c, sql));
        assertEquals("42501", e.getSQLState(), e.getMessage());
    }
}
