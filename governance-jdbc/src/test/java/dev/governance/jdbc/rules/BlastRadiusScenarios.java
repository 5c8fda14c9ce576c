package dev.governance.jdbc.rules;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * max-rows counts what the database changed: rows deleted by ON DELETE CASCADE (through grandchildren too), set by
 * ON DELETE SET NULL, and changed by triggers. PostgreSQL counts them all (its per-transaction counters); H2 and
 * MariaDB count cascaded deletes and refuse, with the reason, what can't be counted (triggers, SET NULL).
 */
final class BlastRadiusScenarios implements AutoCloseable {
    static final String AGENT = "agent-limited";
    static final String RULE = "three-rows-at-most";

    final RuleHarness db;
    final String parent = RuleTarget.unique("br_parent");
    final String child = RuleTarget.unique("br_child");
    final String grandchild = RuleTarget.unique("br_grandchild");
    final String loose = RuleTarget.unique("br_loose");
    final String items = RuleTarget.unique("br_items");
    final String log = RuleTarget.unique("br_log");
    final String plain = RuleTarget.unique("br_plain");
    private final String trigger = "TRG_" + log.toUpperCase();

    BlastRadiusScenarios(RuleTarget target, Path dir) throws Exception {
        db = new RuleHarness(target, dir, """
                version: 1
                identities:
                  limited: { subject: "%s" }
                rules:
                  - id: %s
                    when: { identity: limited, statement: [INSERT, UPDATE, DELETE, MERGE] }
                    max-rows: 3
                """.formatted(AGENT, RULE), List.of(parent, child, grandchild, loose, items, log, plain));
        db.raw("CREATE TABLE " + parent + " (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE " + child + " (id INT PRIMARY KEY, parent_id INT,"
                        + " FOREIGN KEY (parent_id) REFERENCES " + parent + " (id) ON DELETE CASCADE)",
                "CREATE TABLE " + grandchild + " (id INT PRIMARY KEY, child_id INT,"
                        + " FOREIGN KEY (child_id) REFERENCES " + child + " (id) ON DELETE CASCADE)",
                "CREATE TABLE " + loose + " (id INT PRIMARY KEY, parent_id INT,"
                        + " FOREIGN KEY (parent_id) REFERENCES " + parent + " (id) ON DELETE SET NULL)",
                "CREATE TABLE " + items + " (id INT PRIMARY KEY, status VARCHAR(20))",
                "CREATE TABLE " + log + " (id INT PRIMARY KEY, n INT)",
                "CREATE TABLE " + plain + " (id INT PRIMARY KEY, status VARCHAR(20))",
                // parent 1: five children; parent 2: one child with two grandchildren; parent 3: one child;
                // parent 4: four loosely attached rows; parent 5: nothing attached
                "INSERT INTO " + parent + " VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')",
                "INSERT INTO " + child + " VALUES (10, 1), (11, 1), (12, 1), (13, 1), (14, 1), (20, 2), (30, 3)",
                "INSERT INTO " + grandchild + " VALUES (200, 20), (201, 20)",
                "INSERT INTO " + loose + " VALUES (40, 4), (41, 4), (42, 4), (43, 4)",
                "INSERT INTO " + items + " VALUES (1, 'new'), (2, 'new')",
                "INSERT INTO " + log + " VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0)",
                "INSERT INTO " + plain + " VALUES (1, 'new'), (2, 'new'), (3, 'new'), (4, 'new')");
        if (target.isPostgres()) {
            db.raw("CREATE FUNCTION " + log + "_bump() RETURNS trigger AS $$ BEGIN UPDATE " + log
                    + " SET n = n + 1; RETURN NEW; END $$ LANGUAGE plpgsql",
                    "CREATE TRIGGER " + trigger + " AFTER UPDATE ON " + items + " FOR EACH ROW EXECUTE FUNCTION "
                            + log + "_bump()");
        } else if (target.isMariaDb()) {
            db.raw("CREATE TRIGGER " + trigger + " AFTER UPDATE ON " + items + " FOR EACH ROW UPDATE " + log
                    + " SET n = n + 1");
        } else {
            db.raw("CREATE TRIGGER " + trigger + " AFTER UPDATE ON " + items + " FOR EACH ROW CALL \""
                    + LogTouchingTrigger.class.getName() + "\"");
        }
    }

    /** What every database does the same way: cascades counted, ordinary changes within the limit run. */
    void cascadesAreCounted() throws Exception {
        // 1 parent + 5 children = 6 rows
        db.refused(AGENT, "DELETE FROM " + parent + " WHERE id = 1", "VG020", RULE);
        // 1 parent + 1 child + 2 grandchildren = 4 rows
        db.refused(AGENT, "DELETE FROM " + parent + " WHERE id = 2", "VG020", RULE);
        // the children alone: 5 rows
        db.refused(AGENT, "DELETE FROM " + child + " WHERE parent_id = 1", "VG020", RULE);
        // 1 child + 2 grandchildren + 1 more child = 4
        db.refused(AGENT, "DELETE FROM " + child + " WHERE id IN (20, 30)", "VG020", RULE);
        db.refused(AGENT, "DELETE FROM " + parent + " WHERE id = ?", "VG020", RULE, 1);
        // 1 parent + 4 rows set NULL = 5
        db.refused(AGENT, "DELETE FROM " + parent + " WHERE id = 4", "VG020", RULE);
        db.refused(AGENT, "DELETE FROM " + parent + " WHERE id IN (4, 5)", "VG020", RULE);
        // within the limit: parent 3 and its one child (2 rows); a child with its two grandchildren (3 rows)
        db.allowed(AGENT, "DELETE FROM " + parent + " WHERE id = 3");
        db.allowed(AGENT, "DELETE FROM " + child + " WHERE id = 20");
        // ordinary changes
        db.allowed(AGENT, "UPDATE " + plain + " SET status = 'done' WHERE id <= 3");
        db.refused(AGENT, "UPDATE " + plain + " SET status = 'done' WHERE id <= 4", "VG020", RULE);
        db.allowed(AGENT, "UPDATE " + parent + " SET name = 'renamed' WHERE id = 1");
        db.allowed(AGENT, "INSERT INTO " + items + " VALUES (3, 'new')");
        db.allowed(AGENT, "DELETE FROM " + parent + " WHERE id = 5");
    }

    /** Inside the caller's transaction: the exceeding cascade is undone back to its savepoint, earlier work kept. */
    void cascadeInsideATransaction() throws Exception {
        String before = db.snapshot();
        try (Connection agent = db.agent(AGENT)) {
            agent.setAutoCommit(false);
            try (Statement s = agent.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE " + plain + " SET status = 'kept' WHERE id = 4"));
                java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
                        () -> s.executeUpdate("DELETE FROM " + parent + " WHERE id = 1"));
                assertEquals("VG020", e.getSQLState(), e.getMessage());
            }
            agent.commit();
        }
        String after = db.snapshot();
        assertTrue(after.contains("(4,kept)"), after);
        assertEquals(before.replace("(4,done)", "(4,kept)").replace("(4,new)", "(4,kept)"), after,
                "only the earlier work was committed");
    }

    /** PostgreSQL: trigger changes are counted like any other. */
    void everythingCounted() throws Exception {
        // 1 item + 5 log rows bumped by the trigger = 6
        db.refused(AGENT, "UPDATE " + items + " SET status = 'x' WHERE id = 1", "VG020", RULE);
        db.refused(AGENT, "INSERT INTO " + items + " VALUES (1, 'y') ON CONFLICT (id) DO UPDATE SET status = 'y'",
                "VG020", RULE);
        db.refused(AGENT, "UPDATE " + items + " SET status = ? WHERE id = ?", "VG020", RULE, "p", 2);
        db.refused(AGENT, "MERGE INTO " + items + " i USING (VALUES (1)) v(id) ON i.id = v.id"
                + " WHEN MATCHED THEN UPDATE SET status = 'm'", "VG020", RULE);
    }

    /** H2, MariaDB: what can't be counted (a trigger) is refused before it runs, saying why. */
    void uncountableRefused() throws Exception {
        db.refused(AGENT, "UPDATE " + items + " SET status = 'x' WHERE id = 1", "42501", "cannot be counted");
        db.refused(AGENT, "UPDATE " + items + " SET status = 'x' WHERE id = 2", "42501", "has trigger");
        db.refused(AGENT, "UPDATE " + items + " SET status = 'x' WHERE id = 1", "42501", RULE);
        db.refused(AGENT, "UPDATE " + items + " SET status = ? WHERE id = ?", "42501", "cannot be counted", "p", 2);
        String upsert = db.target.isMariaDb()
                ? "INSERT INTO " + items + " VALUES (1, 'y') ON DUPLICATE KEY UPDATE status = 'y'"
                : "MERGE INTO " + items + " KEY (id) VALUES (1, 'y')";
        db.refused(AGENT, upsert, "42501", "cannot be counted");
    }

    @Override
    public void close() throws Exception {
        try {
            if (db.target.isPostgres()) {
                db.raw("DROP TABLE IF EXISTS " + items, "DROP FUNCTION IF EXISTS " + log + "_bump()");
            }
        } finally {
            db.close();
        }
    }
}
