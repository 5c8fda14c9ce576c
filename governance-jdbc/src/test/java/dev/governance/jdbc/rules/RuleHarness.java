package dev.governance.jdbc.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs statements as agents under one policy and looks at the database with the raw driver: a refused statement
 * changed nothing (every table of the fixture, every cell), an allowed one ran.
 */
final class RuleHarness implements AutoCloseable {
    final RuleTarget target;
    final Connection raw;
    private final String policy;
    private final String audit;
    private final List<String> tables;
    /** Raw queries whose answers are part of the snapshot too (what isn't a table: a sequence's state). */
    private final List<String> watched = new java.util.ArrayList<>();

    RuleHarness(RuleTarget target, Path dir, String policyText, List<String> tables) throws Exception {
        this.target = target;
        this.raw = target.raw();
        this.policy = Files.writeString(dir.resolve("policy-" + System.nanoTime() + ".yaml"), policyText).toString();
        this.audit = dir.resolve("audit.jsonl").toString();
        this.tables = tables;
    }

    String auditFile() {
        return audit;
    }

    String policyFile() {
        return policy;
    }

    /** Flushes what the driver still holds for the trail {@code file}. */
    void flush(Path file) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("governance.identity.subject", "trail-reader");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.policy", policy);
        p.setProperty("governance.audit.sinks", "jsonl:" + file);
        dev.governance.jdbc.audit.AuditTrail.of(new dev.governance.jdbc.config.SettingsLoader().load(p).settings()
                .audit()).flush();
    }

    /** Flushes this harness's audit trail and asserts it holds none of {@code secrets}. */
    void trailHoldsNone(String... secrets) throws Exception {
        flush(Path.of(audit));
        java.nio.file.Path file = java.nio.file.Path.of(audit);
        String trail = Files.exists(file) ? Files.readString(file) : "";
        assertTrue(!trail.isEmpty(), "the trail recorded nothing");
        for (String secret : secrets) {
            assertTrue(!trail.contains(secret), "the audit trail holds " + secret);
        }
    }

    void raw(String... statements) throws SQLException {
        try (Statement s = raw.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Makes the raw {@code query}'s answer part of every snapshot. */
    void watch(String query) {
        watched.add(query);
    }

    /** Every row of every fixture table, every column read as text, in key order; and every watched answer. */
    String snapshot() throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String query : watched) {
            try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery(query)) {
                out.append(query).append(':');
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.append(' ').append(rs.getString(i));
                    }
                }
                out.append('\n');
            }
        }
        for (String table : tables) {
            out.append(table).append(":");
            try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    out.append(" (");
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        out.append(i > 1 ? "," : "").append(rs.getString(i));
                    }
                    out.append(')');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    Connection agent(String subject) throws SQLException {
        return target.agent(subject, policy, audit);
    }

    /** {@code sql} as {@code subject} is refused with {@code sqlState}, naming {@code rule}; nothing changed. */
    void refused(String subject, String sql, String sqlState, String rule, Object... parameters) throws Exception {
        refusedSaying(subject, sql, sqlState, List.of(rule), parameters);
    }

    /** {@code sql} as {@code subject} is refused with {@code sqlState}, its message saying each of {@code says}. */
    void refusedSaying(String subject, String sql, String sqlState, List<String> says, Object... parameters)
            throws Exception {
        String context = target.name() + " " + subject + ": " + sql;
        String before = snapshot();
        try (Connection agent = agent(subject)) {
            SQLException e = null;
            try {
                run(agent, sql, parameters);
            } catch (SQLException thrown) {
                e = thrown;
            }
            assertNotNull(e, context + ": ran");
            assertEquals(sqlState, e.getSQLState(), context + ": " + e.getMessage());
            for (String said : says) {
                assertTrue(e.getMessage().contains(said), context + ": " + e.getMessage());
            }
            assertEquals(before, snapshot(), context + ": the database changed");
            usable(agent, context);
        }
    }

    /** {@code sql} as {@code subject} runs and changes the database. */
    void allowed(String subject, String sql, Object... parameters) throws Exception {
        String context = target.name() + " " + subject + ": " + sql;
        String before = snapshot();
        try (Connection agent = agent(subject)) {
            try {
                run(agent, sql, parameters);
            } catch (SQLException e) {
                fail(context + ": refused: " + e.getSQLState() + " " + e.getMessage(), e);
            }
            if (!agent.getAutoCommit()) {
                agent.commit();
            }
        }
        assertTrue(!before.equals(snapshot()), context + ": nothing changed");
    }

    private static void run(Connection c, String sql, Object... parameters) throws SQLException {
        if (parameters.length == 0) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.execute();
        }
    }

    private static void usable(Connection agent, String context) throws SQLException {
        try (Statement s = agent.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), context + ": connection unusable after the refusal");
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = raw.createStatement()) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                s.execute("DROP TABLE IF EXISTS " + tables.get(i));
            }
        } finally {
            raw.close();
        }
    }
}
