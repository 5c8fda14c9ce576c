package dev.governance.jdbc.rules;

import dev.governance.jdbc.testing.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Access lists see views as the lineage does (written from docs/policy.md, "Access"): reading a view reads the tables
 * behind it — nested views and the functions its definition calls followed — unless an access entry lists the view
 * under {@code views}; writing through a view writes the tables behind it. Each refusal is checked against the
 * database with the raw driver (nothing changed, nothing created); each allowed read returns its values.
 */
final class ViewAccessScenarios implements AutoCloseable {
    static final String AGENT = "agent-views";
    static final String SECRET = "classified memo seven";

    final RuleHarness db;
    final String orders = RuleTarget.unique("vw_orders");
    final String secrets = RuleTarget.unique("vw_secrets");
    final String notes = RuleTarget.unique("vw_notes");
    /** A view over the unlisted table, a join of listed and unlisted, a view over that view. */
    final String overSecret = RuleTarget.unique("vw_s");
    final String joined = RuleTarget.unique("vw_j");
    final String nested = RuleTarget.unique("vw_n");
    /** Over listed tables only; over the unlisted table but under views:; over it and named in read: only. */
    final String overOrders = RuleTarget.unique("vw_o");
    final String boundary = RuleTarget.unique("vw_b");
    final String readOnly = RuleTarget.unique("vw_r");
    final String overNotes = RuleTarget.unique("vw_w");
    /** A schema (MariaDB: a database) other than the tables', holding a view over the unlisted table. */
    final String otherSchema = RuleTarget.unique("vw_sch");
    final String elsewhere = RuleTarget.unique("vw_x");
    final String mixedCase = RuleTarget.unique("Vw_Mixed");
    final String laundered = RuleTarget.unique("agent_v");
    /** The schema the fixture's tables are in, as the server names it. */
    final String home;
    private final Deque<String> drops = new ArrayDeque<>();
    private int refusals;
    private int allowed;

    ViewAccessScenarios(RuleTarget target, Path dir) throws Exception {
        db = new RuleHarness(target, dir, """
                version: 1
                identities:
                  agent: { subject: "%s" }
                access:
                  - identity: agent
                    read: ["*%s", "*%s"]
                    write: ["*%s", "*agent_*"]
                    views: ["*%s"]
                """.formatted(AGENT, orders, readOnly, notes, boundary), List.of(orders, secrets, notes));
        home = target.isPostgres() ? "public" : target.isMariaDb() ? "test" : "PUBLIC";
        db.raw("CREATE TABLE " + orders + " (id INT PRIMARY KEY, item VARCHAR(40))",
                "INSERT INTO " + orders + " VALUES (1, 'book'), (2, 'lamp')",
                "CREATE TABLE " + secrets + " (id INT PRIMARY KEY, v VARCHAR(40))",
                "INSERT INTO " + secrets + " VALUES (1, '" + SECRET + "')",
                "CREATE TABLE " + notes + " (id INT PRIMARY KEY, body VARCHAR(40))",
                "INSERT INTO " + notes + " VALUES (1, 'first')");
        view(overSecret, "SELECT id, v FROM " + secrets);
        view(joined, "SELECT o.id, o.item, s.v FROM " + orders + " o JOIN " + secrets + " s ON s.id = o.id");
        view(nested, "SELECT id, v FROM " + overSecret);
        view(overOrders, "SELECT id, item FROM " + orders);
        view(boundary, "SELECT id, v FROM " + secrets);
        view(readOnly, "SELECT id, v FROM " + secrets);
        view(overNotes, "SELECT id, body FROM " + notes);
        view(quoted(mixedCase), "SELECT id, v FROM " + secrets);
        created(target.isMariaDb() ? "CREATE DATABASE " + otherSchema : "CREATE SCHEMA " + otherSchema,
                target.isMariaDb() ? "DROP DATABASE IF EXISTS " + otherSchema
                        : "DROP SCHEMA IF EXISTS " + otherSchema + " CASCADE");
        view(otherSchema + "." + elsewhere, "SELECT id, v FROM " + home + "." + secrets);
    }

    /** Creates a view (raw) and remembers to drop it. */
    void view(String name, String query) throws SQLException {
        created("CREATE VIEW " + name + " AS " + query, "DROP VIEW IF EXISTS " + name);
    }

    /** Runs {@code ddl} raw and remembers {@code drop} (dropped newest first on close). */
    void created(String ddl, String drop) throws SQLException {
        db.raw(ddl);
        drops.push(drop);
    }

    String quoted(String name) {
        return db.target.isMariaDb() ? "`" + name + "`" : "\"" + name + "\"";
    }

    /**
     * The agent's {@code sql} is refused by the access list for what is behind a view (42501 naming {@code access},
     * the message saying "view"); nothing changed.
     */
    void refused(String sql, Object... parameters) throws Exception {
        db.refusedSaying(AGENT, sql, "42501", List.of("[access]", " view "), parameters);
        refusals++;
    }

    /** As {@link #refused}, the refusal's message saying {@code says}. */
    void refusedSaying(String sql, String says) throws Exception {
        refusedAfter(List.of(), sql, says);
    }

    /**
     * On one agent connection, {@code setup} runs (it is allowed), then {@code sql} is refused with 42501
     * {@code access} (its message saying {@code says}); the database is unchanged and the connection still usable.
     */
    void refusedAfter(List<String> setup, String sql, String says) throws Exception {
        String context = db.target.name() + ": " + setup + " then " + sql;
        String before = db.snapshot();
        try (Connection agent = db.agent(AGENT); Statement s = agent.createStatement()) {
            for (String step : setup) {
                s.execute(step);
            }
            SQLException e = null;
            try {
                s.execute(sql);
            } catch (SQLException thrown) {
                e = thrown;
            }
            assertNotNull(e, context + ": ran");
            assertEquals("42501", e.getSQLState(), context + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("access"), context + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(says), context + ": " + e.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next(), context + ": connection unusable after the refusal");
            }
        }
        assertEquals(before, db.snapshot(), context + ": the database changed");
        refusals++;
    }

    /** The agent's query runs (after {@code setup} on the same connection) and its first column reads {@code expected}. */
    void reads(List<String> setup, String sql, String... expected) throws Exception {
        String context = db.target.name() + ": " + sql;
        try (Connection agent = db.agent(AGENT); Statement s = agent.createStatement()) {
            for (String step : setup) {
                s.execute(step);
            }
            List<String> got = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    got.add(rs.getString(1));
                }
            }
            assertEquals(List.of(expected), got, context);
        } catch (SQLException e) {
            fail(context + ": refused: " + e.getSQLState() + " " + e.getMessage(), e);
        }
        allowed++;
    }

    void reads(String sql, String... expected) throws Exception {
        reads(List.of(), sql, expected);
    }

    /** The agent's write runs and changes the database. */
    void writes(String sql) throws Exception {
        db.allowed(AGENT, sql);
        allowed++;
    }

    /** Whether a relation of this name exists anywhere on the server (raw catalog look-up). */
    boolean exists(String name) throws SQLException {
        try (PreparedStatement ps = db.raw.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = LOWER(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** The variants every database shares; the caller adds its dialect's own. */
    void common() throws Exception {
        // a view over an unlisted table, reached in every position a table can take
        refused("SELECT v FROM " + overSecret);
        refused("SELECT * FROM " + overSecret.toUpperCase());
        refused("SELECT v FROM " + home + "." + overSecret);
        refused("SELECT v FROM " + overSecret + " WHERE id = ?", 1);
        refused("SELECT id FROM " + orders + " WHERE id IN (SELECT id FROM " + overSecret + ")");
        refused("WITH agent_cte AS (SELECT v FROM " + overSecret + ") SELECT * FROM agent_cte");
        refused("SELECT o.item, s.v FROM " + orders + " o JOIN " + overSecret + " s ON s.id = o.id");
        refused("SELECT item FROM " + orders + " UNION SELECT v FROM " + overSecret);
        refused("SELECT id FROM " + orders + " o WHERE EXISTS (SELECT 1 FROM " + overSecret + " s WHERE s.id = o.id)");
        refused("SELECT * FROM (SELECT v FROM " + overSecret + ") d");
        refused("SELECT (SELECT MAX(v) FROM " + overSecret + ") AS m");
        // a listed and an unlisted table; a view over that view; another schema; quoted, mixed case
        refused("SELECT item FROM " + joined);
        refused("SELECT v FROM " + nested);
        refused("SELECT v FROM " + otherSchema + "." + elsewhere);
        refused("SELECT v FROM " + quoted(mixedCase));
        // writes through an updatable view over the unlisted table (the raw snapshot shows the table unchanged)
        refused("UPDATE " + overSecret + " SET v = 'leaked' WHERE id = 1");
        refused("DELETE FROM " + overSecret + " WHERE id = 1");
        refused("INSERT INTO " + overSecret + " (id, v) VALUES (7, 'planted')");
        // named under read: only, not views: — the message says which table, which view, and the way out
        refusedSaying("SELECT v FROM " + readOnly, "reads " + (home + "." + secrets).toLowerCase()
                + " through view " + (home + "." + readOnly).toLowerCase()
                + ", which is outside this identity's access list; list the view under views: to read it as itself");
        // the agent's own view can't launder the read: nothing is created
        for (String launder : List.of("SELECT id, v FROM " + secrets, "SELECT id, v FROM " + overSecret,
                "SELECT o.id, s.v FROM " + orders + " o JOIN " + nested + " s ON s.id = o.id")) {
            db.refused(AGENT, "CREATE VIEW " + laundered + " AS " + launder, "42501", "access");
            refusals++;
            assertFalse(exists(laundered), db.target.name() + ": " + launder + " created the view");
        }

        // ordinary statements of the same shapes still run and read their values
        reads("SELECT item FROM " + overOrders + " ORDER BY id", "book", "lamp");
        reads("SELECT item FROM " + orders + " WHERE id IN (SELECT id FROM " + overOrders + ") ORDER BY id", "book",
                "lamp");
        reads("WITH agent_cte AS (SELECT item FROM " + overOrders + " WHERE id = 1) SELECT * FROM agent_cte", "book");
        reads("SELECT o.item FROM " + orders + " o JOIN " + overOrders + " v ON v.id = o.id WHERE o.id = 2", "lamp");
        reads("SELECT id FROM " + orders + " o WHERE EXISTS (SELECT 1 FROM " + overOrders + " v WHERE v.id = o.id)"
                + " ORDER BY id", "1", "2");
        // a view under views: is read as itself, its tables not counted
        reads("SELECT v FROM " + boundary, SECRET);
        reads("SELECT b.v FROM " + orders + " o JOIN " + boundary + " b ON b.id = o.id", SECRET);
        reads("SELECT body FROM " + overNotes, "first");
        db.raw("DROP VIEW IF EXISTS " + laundered);
        try (Connection agent = db.agent(AGENT); Statement s = agent.createStatement()) {
            s.execute("CREATE VIEW " + laundered + " AS SELECT id, item FROM " + orders);
        }
        drops.push("DROP VIEW IF EXISTS " + laundered);
        assertTrue(exists(laundered), "a view over listed tables is created");
        reads("SELECT item FROM " + laundered + " WHERE id = 1", "book");
    }

    /** Asserts how many variants ran; returns them for the report. */
    int[] counted(int minRefused, int minAllowed) {
        assertTrue(refusals >= minRefused, db.target.name() + ": " + refusals + " refusals");
        assertTrue(allowed >= minAllowed, db.target.name() + ": " + allowed + " allowed");
        System.out.println(db.target.name() + " view access variants: " + refusals + " refused, " + allowed + " allowed");
        return new int[] {refusals, allowed};
    }

    /** A target on a shared server, from the fixture every integration test uses. */
    static RuleTarget target(TestDatabase database) {
        database.require();
        Properties credentials = database.withCredentials(new Properties());
        return new RuleTarget(database == TestDatabase.POSTGRES ? "PostgreSQL" : "MariaDB", database.url(),
                credentials.getProperty("user"), credentials.getProperty("password"));
    }

    @Override
    public void close() throws Exception {
        try (Statement s = db.raw.createStatement()) {
            while (!drops.isEmpty()) {
                try {
                    s.execute(drops.pop());
                } catch (SQLException ignored) {
                    // best effort: the rest still goes
                }
            }
        } finally {
            db.close();
        }
    }
}
