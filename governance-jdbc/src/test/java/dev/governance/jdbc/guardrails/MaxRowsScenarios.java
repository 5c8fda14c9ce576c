package dev.governance.jdbc.guardrails;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** max-rows: 2 for agents on UPDATE/DELETE, the same scenarios on every database. */
final class MaxRowsScenarios {
    static final String POLICY = """
            version: 1
            identities:
              agents: { kind: agent }
            rules:
              - id: small-blast-radius
                when:   { identity: agents, statement: [UPDATE, DELETE] }
                max-rows: 2
            """;

    interface Opener {
        Connection open() throws SQLException;
    }

    private final Connection service;
    private final Opener agent;
    private final String items;
    private final String log;

    /** {@code items(id, status)} holds ids 1..5 with status 'new'; {@code log(id, note)} is empty. */
    MaxRowsScenarios(Connection service, Opener agent, String items, String log) {
        this.service = service;
        this.agent = agent;
        this.items = items;
        this.log = log;
    }

    static Path writePolicy(Path dir) throws Exception {
        Path file = dir.resolve("max-rows.yaml");
        Files.writeString(file, POLICY);
        return file;
    }

    List<String> statuses() throws SQLException {
        return Guard.column(service, "SELECT status FROM " + items + " ORDER BY id");
    }

    static void vg020(Throwable thrown, String context) {
        Guard.assertRefusal(thrown, "VG020", Set.of("small-blast-radius"), context);
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    void autocommitOn() throws Exception {
        try (Connection a = agent.open()) {
            assertTrue(a.getAutoCommit());
            assertEquals(2, update(a, "UPDATE " + items + " SET status = 'two' WHERE id <= 2"));
            assertEquals(List.of("two", "two", "new", "new", "new"), statuses(), "two rows are within the limit and committed");

            SQLException e = assertThrows(SQLException.class,
                    () -> update(a, "UPDATE " + items + " SET status = 'three' WHERE id >= 3"));
            vg020(e, "UPDATE of 3 rows");
            assertEquals(List.of("two", "two", "new", "new", "new"), statuses(), "the 3-row UPDATE was rolled back");
            assertTrue(a.getAutoCommit(), "autocommit is back on after the driver's transaction");

            e = assertThrows(SQLException.class, () -> {
                try (Statement s = a.createStatement()) {
                    s.executeLargeUpdate("DELETE FROM " + items + " WHERE id >= 3");
                }
            });
            vg020(e, "DELETE of 3 rows (executeLargeUpdate)");
            e = assertThrows(SQLException.class, () -> {
                try (Statement s = a.createStatement()) {
                    s.execute("DELETE FROM " + items + " WHERE status = 'new'");
                }
            });
            vg020(e, "DELETE of 3 rows (execute)");
            e = assertThrows(SQLException.class, () -> {
                try (PreparedStatement p = a.prepareStatement("UPDATE " + items + " SET status = ? WHERE id > ?")) {
                    p.setString(1, "prepared");
                    p.setInt(2, 1);
                    p.executeUpdate();
                }
            });
            vg020(e, "prepared UPDATE of 4 rows");
            assertEquals(5L, Guard.count(service, items));
            assertEquals(List.of("two", "two", "new", "new", "new"), statuses());
            assertTrue(a.getAutoCommit());

            // the connection goes on working, and later changes commit on their own
            assertEquals(1, update(a, "UPDATE " + items + " SET status = 'one' WHERE id = 5"));
            assertEquals("one", statuses().get(4));
            Guard.assertUsable(a, true, "after VG020");
        }
    }

    void autocommitOff() throws Exception {
        try (Connection a = agent.open()) {
            a.setAutoCommit(false);
            assertEquals(1, update(a, "INSERT INTO " + log + " VALUES (1, 'earlier work')"));
            assertEquals(2, update(a, "UPDATE " + items + " SET status = 'two' WHERE id IN (1, 2)"));

            SQLException e = assertThrows(SQLException.class,
                    () -> update(a, "UPDATE " + items + " SET status = 'three' WHERE id >= 3"));
            vg020(e, "UPDATE of 3 rows in a transaction");
            assertTrue(!a.getAutoCommit(), "still in the caller's transaction");
            assertEquals(List.of("two", "two", "new", "new", "new"),
                    Guard.column(a, "SELECT status FROM " + items + " ORDER BY id"),
                    "earlier uncommitted work kept, the exceeding statement undone");
            assertEquals(List.of("earlier work"), Guard.column(a, "SELECT note FROM " + log));
            assertEquals(List.of("new", "new", "new", "new", "new"), statuses(), "nothing committed yet");

            e = assertThrows(SQLException.class, () -> {
                try (Statement s = a.createStatement()) {
                    s.addBatch("UPDATE " + items + " SET status = 'b1' WHERE id = 5");
                    s.addBatch("DELETE FROM " + items + " WHERE id >= 3");
                    s.executeBatch();
                }
            });
            vg020(e, "batch with a 3-row DELETE");
            assertEquals(3L, Long.parseLong(Guard.column(a, "SELECT COUNT(*) FROM " + items + " WHERE id >= 3").get(0)),
                    "the 3-row DELETE of the batch was undone");

            a.commit();
            List<String> committed = statuses();
            assertEquals(5, committed.size());
            assertEquals(List.of("two", "two"), committed.subList(0, 2), "the caller could commit its earlier work");
            assertEquals(List.of("new", "new"), committed.subList(2, 4));
            assertEquals(List.of("earlier work"), Guard.column(service, "SELECT note FROM " + log));
            a.setAutoCommit(true);
        }
    }
}
