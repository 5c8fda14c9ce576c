package dev.governance.jdbc.maskingattacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values escape masking through the session: a variable set from a sensitive column and read back, a warning that
 * quotes a value. Each scenario runs setup statements on one masked connection, then reads a result through every
 * getter (none may hold a fixture secret in any encoding); ordinary session use stays unmasked.
 */
final class SessionChannels implements AutoCloseable {
    static final List<String> SECRETS = List.of("tkn_Q7vX93kLm2PzR4", "tkn_W8bN27cHs5JqT1", "tkn_E3mK64dGf9LyU6");

    final String rawUrl;
    final Properties credentials;
    final String table = "sc_customers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Path policy;
    private final Path audit;

    SessionChannels(String rawUrl, Properties credentials, Path dir) throws Exception {
        this.rawUrl = rawUrl;
        this.credentials = credentials;
        this.policy = Files.writeString(dir.resolve("session-policy.yaml"), """
                version: 1
                masking:
                  detect: auto
                  columns:
                    - match: ["*.token"]
                      strategy: redact
                """);
        this.audit = dir.resolve("audit.jsonl");
        try (Connection raw = raw(); Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40), token VARCHAR(40))");
            s.execute("INSERT INTO " + table + " VALUES (1, 'Ann', '" + SECRETS.get(0) + "'), (2, 'Bob', '"
                    + SECRETS.get(1) + "'), (3, 'Cy', '" + SECRETS.get(2) + "')");
        }
    }

    Connection raw() throws SQLException {
        return DriverManager.getConnection(rawUrl, credentials);
    }

    Connection agent() throws SQLException {
        Properties p = new Properties();
        p.putAll(credentials);
        p.setProperty("governance.identity.subject", "agent-session");
        p.setProperty("governance.identity.kind", "agent");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.audit.sinks", "jsonl:" + audit);
        return DriverManager.getConnection("jdbc:governed:" + rawUrl.substring("jdbc:".length()), p);
    }

    /**
     * Runs {@code setup}, then {@code read}: it runs and nothing in it leaks. A setup statement may be refused as
     * unreadable (42501: the channel is closed before it opens); any other failure fails the test.
     */
    void noLeak(String read, String... setup) throws Exception {
        noLeak(false, read, setup);
    }

    /** Like {@link #noLeak(String, String...)}, and the setup is ordinary SQL: it runs, it isn't refused. */
    void runsAndNoLeak(String read, String... setup) throws Exception {
        noLeak(true, read, setup);
    }

    private void noLeak(boolean setupRuns, String read, String... setup) throws Exception {
        String t = table;
        try (Connection c = agent()) {
            try (Statement s = c.createStatement()) {
                for (String sql : setup) {
                    try {
                        s.execute(sql.replace("$T", t));
                    } catch (SQLException e) {
                        assertFalse(setupRuns, sql + ": refused: " + e.getMessage());
                        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
                    }
                }
            }
            String query = read.replace("$T", t);
            LeakProbe.Outcome outcome = LeakProbe.probe(c, query, LeakProbe.withEncodings(SECRETS));
            assertFalse(outcome.refused(), query + ": " + outcome.refusal());
            assertTrue(outcome.rows() > 0, query + ": no rows");
            assertEquals(List.of(), outcome.leaks(), query);
        }
    }

    /** Runs {@code statement} on an ungoverned connection (ANALYZE: statistics the database keeps). */
    void raw(String statement) throws SQLException {
        try (Connection raw = raw(); Statement s = raw.createStatement()) {
            s.execute(statement.replace("$T", table));
        }
    }

    /** Runs {@code setup}, then {@code read} gives {@code expected} in its first cell, unmasked. */
    void plain(String expected, String read, String... setup) throws Exception {
        try (Connection c = agent()) {
            try (Statement s = c.createStatement()) {
                for (String sql : setup) {
                    s.execute(sql.replace("$T", table));
                }
                try (ResultSet rs = s.executeQuery(read.replace("$T", table))) {
                    assertTrue(rs.next(), read);
                    assertEquals(expected, rs.getString(1), read);
                }
            }
        }
    }

    /** The audit trail of this fixture holds none of its secrets. */
    void trailClean() throws Exception {
        if (Files.exists(audit)) {
            dev.governance.jdbc.audit.AuditTrail.of(new dev.governance.jdbc.config.SettingsLoader()
                    .load(propertiesForTrail()).settings().audit()).flush();
            String trail = Files.readString(audit);
            for (String secret : SECRETS) {
                assertFalse(trail.contains(secret), "the trail holds " + secret);
            }
        }
    }

    private Properties propertiesForTrail() {
        Properties p = new Properties();
        p.setProperty("governance.identity.subject", "agent-session");
        p.setProperty("governance.identity.kind", "agent");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.audit.sinks", "jsonl:" + audit);
        return p;
    }

    @Override
    public void close() throws Exception {
        try (Connection raw = raw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
