package dev.governance.jdbc.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trail holds no data values: a failing statement whose database error quotes a value (a failed conversion, a
 * duplicate key, a too-long value, a missing parent) gives a masked agent the error without the value, and leaves
 * no trail — the agent's nor a service's, which sees its own error whole — holding it. Each statement is first run
 * with the raw driver, to show the database really quotes the value there; the SQLState stays as the database gave
 * it, and the error's shape (its first words) too.
 */
final class ErrorScenarios implements AutoCloseable {
    static final String TOKEN = "tkn_Zr83Kq41Wm7Xp2Ld";
    static final String EMAIL = "walter.errors@example.org";
    static final String SSN = "219-09-9999";
    static final String CARD = "4012888888881881";
    static final List<String> SECRETS = List.of(TOKEN, EMAIL, SSN, CARD);

    final RuleHarness db;
    /** customers: id, token, email, ssn, card (one row). */
    final String t = RuleTarget.unique("err_customers");
    /** A table keyed by a text column, holding the token and the email already. */
    final String keys = RuleTarget.unique("err_keys");
    /** A table referencing {@link #keys}. */
    final String child = RuleTarget.unique("err_child");
    /** Narrow columns: k VARCHAR(5), n INT, d DATE. */
    final String narrow = RuleTarget.unique("err_narrow");
    private final Path dir;
    private final String policy;
    private int trails;
    private final List<Path> audits = new ArrayList<>();

    ErrorScenarios(RuleTarget target, Path dir) throws Exception {
        this.dir = dir;
        this.policy = """
                version: 1
                masking:
                  detect: auto
                  unmasked-for: [{ kind: service }]
                """;
        db = new RuleHarness(target, dir, policy, List.of(t, keys, narrow, child)); // dropped last to first
        db.raw("CREATE TABLE " + t + " (id INT PRIMARY KEY, token VARCHAR(40), email VARCHAR(60), ssn VARCHAR(20),"
                        + " card VARCHAR(20))",
                "INSERT INTO " + t + " VALUES (1, '" + TOKEN + "', '" + EMAIL + "', '" + SSN + "', '" + CARD + "')",
                "CREATE TABLE " + keys + " (k VARCHAR(60) PRIMARY KEY)",
                "INSERT INTO " + keys + " VALUES ('" + TOKEN + "'), ('" + EMAIL + "'), ('other')",
                "CREATE TABLE " + child + " (id INT PRIMARY KEY, k VARCHAR(60) REFERENCES " + keys + " (k))",
                "CREATE TABLE " + narrow + " (k VARCHAR(5), n INT, d DATE)",
                "INSERT INTO " + narrow + " VALUES ('a', 1, NULL)");
    }

    /**
     * {@code sql} fails on the raw driver with a message holding {@code secret}; as a masked agent it fails with the
     * same SQLState, a message of the same shape without the value, and a usable connection; as a service it fails
     * with the value in its own message; nothing changed; neither trail holds any fixture secret.
     */
    void scrubbed(String secret, String sql, Object... parameters) throws Exception {
        String context = db.target.name() + ": " + sql;
        String before = db.snapshot();
        SQLException raw = failure(db.raw, sql, parameters);
        assertNotNull(raw, context + ": the raw driver ran it");
        assertTrue(raw.getMessage().contains(secret), context + ": the database doesn't quote " + secret
                + " (not a test of scrubbing): " + raw.getMessage());
        String message = raw.getMessage().replaceFirst("^\\(conn=\\d+\\) ", ""); // MariaDB's connection number
        String shape = message.substring(0, Math.min(12, message.indexOf(secret))).strip();

        try (Connection agent = governed("agent")) {
            SQLException e = failure(agent, sql, parameters);
            assertNotNull(e, context + ": ran as an agent");
            assertEquals(raw.getSQLState(), e.getSQLState(), context + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(shape), context + ": the error lost its shape '" + shape + "': "
                    + e.getMessage());
            for (Throwable c = e; c != null; c = c.getCause()) {
                for (String s : SECRETS) {
                    assertFalse(String.valueOf(c.getMessage()).contains(s), context + ": the agent saw " + s + ": "
                            + c.getMessage());
                }
            }
            usable(agent, context);
        }
        try (Connection service = governed("service")) {
            SQLException e = failure(service, sql, parameters);
            assertNotNull(e, context + ": ran as a service");
            assertTrue(e.getMessage().contains(secret), context + ": a service sees its own data: " + e.getMessage());
        }
        assertEquals(before, db.snapshot(), context + ": the database changed");
        trailsHoldNone(context);
    }

    /** An error that quotes no value reaches the agent whole: names stay so the agent can correct its SQL. */
    void whole(String sql, String... parts) throws Exception {
        try (Connection agent = governed("agent")) {
            SQLException e = failure(agent, sql);
            assertNotNull(e, sql + ": ran");
            for (String part : parts) {
                assertTrue(e.getMessage().contains(part), sql + ": '" + part + "' missing from " + e.getMessage());
            }
        }
    }

    private Connection governed(String kind) throws SQLException {
        Path audit = dir.resolve("errors-" + kind + "-" + (trails++) + ".jsonl");
        audits.add(audit);
        Properties p = new Properties();
        if (db.target.user() != null) {
            p.setProperty("user", db.target.user());
            if (db.target.password() != null && !db.target.password().isEmpty()) {
                p.setProperty("password", db.target.password());
            }
        }
        p.setProperty("governance.identity.subject", kind + "-errors");
        p.setProperty("governance.identity.kind", kind);
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.policy", db.policyFile());
        p.setProperty("governance.audit.sinks", "jsonl:" + audit);
        return DriverManager.getConnection("jdbc:governed:" + db.target.rawUrl().substring("jdbc:".length()), p);
    }

    private void trailsHoldNone(String context) throws Exception {
        for (Path audit : audits) {
            db.flush(audit);
            String trail = Files.exists(audit) ? Files.readString(audit) : "";
            assertTrue(trail.contains("\"error\""), context + ": no error recorded in " + audit);
            for (String s : SECRETS) {
                assertFalse(trail.contains(s), context + ": the trail holds " + s + ": " + trail);
            }
        }
        audits.clear();
    }

    private static SQLException failure(Connection c, String sql, Object... parameters) {
        try {
            if (parameters.length == 0) {
                try (Statement s = c.createStatement()) {
                    if (s.execute(sql)) {
                        try (ResultSet rs = s.getResultSet()) {
                            while (rs.next()) {
                                rs.getString(1); // a conversion may fail row by row
                            }
                        }
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        ps.setObject(i + 1, parameters[i]);
                    }
                    if (ps.execute()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) {
                                rs.getString(1);
                            }
                        }
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            return e;
        } finally {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // the connection's state is checked by the caller
            }
        }
    }

    private static void usable(Connection c, String context) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), context + ": connection unusable after the error");
        }
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
