package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy file half-written while connections use it (a writer that truncates and writes, caught in between):
 * the policy in force stays in force, the trail says why the new version was not taken (file and line), and once
 * the file is whole the new policy applies — each step seen through statements and a raw look at the database.
 */
class PolicyReloadFaultTest {
    private static final String OLD = """
            version: 1
            rules:
              - id: no-deletes
                when: { statement: [DELETE] }
                action: deny
                message: "deleting is switched off"
            """;
    private static final String NEW = OLD + """
              - id: no-inserts
                when: { statement: [INSERT] }
                action: deny
                message: "inserting is switched off"
            """;

    @TempDir
    Path dir;

    private final String db = "h2:mem:p" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    private int nextId = 1;
    private int tick = 5;

    @Test
    void aTruncatedPolicyKeepsTheOldOneUntilTheWholeFileIsThere() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(policy, OLD);
        Properties p = FaultTrail.audited(TestConnections.agent(), file);
        p.setProperty("governance.policy", policy.toString());
        try (Connection raw = DriverManager.getConnection("jdbc:" + db); Statement r = raw.createStatement();
             Connection c = DriverManager.getConnection("jdbc:governed:" + db, p); Statement s = c.createStatement()) {
            r.execute("CREATE TABLE items(id INT PRIMARY KEY)");
            oldPolicyHolds(s, r);

            String half = NEW.substring(0, NEW.indexOf("[INSERT]") + 4); // cut inside the new rule's flow list
            write(policy, half);
            JsonNode rejected = awaitEvent(s, p, file, e -> e.hasNonNull("error"));
            String error = rejected.path("error").asText();
            assertTrue(error.startsWith("rejected, last good policy kept: "), error);
            assertTrue(error.contains(policy.toString()) && error.contains("line "), "names file and line: " + error);
            oldPolicyHolds(s, r);

            write(policy, NEW);
            SQLException denied = awaitRefusal(s, r);
            assertEquals("42501", denied.getSQLState());
            assertTrue(denied.getMessage().contains("no-inserts"), denied.getMessage());
            int before = count(r);
            assertEquals("42501", assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM items WHERE id = 1"))
                    .getSQLState());
            assertEquals(before, count(r), "the refused delete changed nothing");
        }
        List<JsonNode> loaded = FaultTrail.named(FaultTrail.events(p, file), "policy-loaded", null);
        assertEquals(3, loaded.size(), "old, rejected half, new: " + loaded);
        assertTrue(loaded.get(1).path("error").asText().startsWith("rejected"));
        assertTrue(!loaded.get(0).hasNonNull("error") && !loaded.get(2).hasNonNull("error"));
        assertTrue(!loaded.get(0).path("policy").equals(loaded.get(2).path("policy")), "a new version: " + loaded);
    }

    /**
     * A writer caught after its first line leaves {@code version: 1} — a valid policy without rules, which would
     * allow everything. A version that changes between two looks at the file is not taken: the old policy holds
     * until the file stays the same across a check interval.
     */
    @Test
    void aValidButUnfinishedPrefixIsNotTakenWhileTheFileIsStillChanging() throws Exception {
        Path policy = dir.resolve("prefix.yaml");
        Path file = dir.resolve("prefix.jsonl");
        Files.writeString(policy, OLD);
        Properties p = FaultTrail.audited(TestConnections.agent(), file);
        p.setProperty("governance.policy", policy.toString());
        try (Connection raw = DriverManager.getConnection("jdbc:" + db); Statement r = raw.createStatement();
             Connection c = DriverManager.getConnection("jdbc:governed:" + db, p); Statement s = c.createStatement()) {
            r.execute("CREATE TABLE items(id INT PRIMARY KEY)");
            oldPolicyHolds(s, r);
            write(policy, "version: 1\n");
            // Seen at least twice by the holder (each statement looks once the interval passed), never taken.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
            while (System.nanoTime() < until) {
                assertEquals("42501", assertThrows(SQLException.class,
                        () -> s.executeUpdate("DELETE FROM items WHERE id = 1")).getSQLState(),
                        "the unfinished file never switched the rules off");
                write(policy, "version: 1\n" + "#".repeat((int) (System.nanoTime() % 7) + 1) + "\n");
                Thread.sleep(100);
            }
            write(policy, NEW);
            awaitRefusal(s, r);
            assertTrue(count(r) >= 1);
        }
    }

    /** Under OLD: an insert runs (the raw connection sees it), a delete is refused and deletes nothing. */
    private void oldPolicyHolds(Statement s, Statement raw) throws SQLException {
        int id = nextId++;
        assertEquals(1, s.executeUpdate("INSERT INTO items VALUES (" + id + ")"));
        SQLException denied = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM items WHERE id = " + id));
        assertEquals("42501", denied.getSQLState());
        assertTrue(denied.getMessage().contains("no-deletes"), denied.getMessage());
        try (ResultSet rs = raw.executeQuery("SELECT COUNT(*) FROM items WHERE id = " + id)) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "inserted and not deleted");
        }
    }

    private static int count(Statement raw) throws SQLException {
        try (ResultSet rs = raw.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Writes in place (truncate, write) and moves the modification time on, so that the holder sees a change. */
    private void write(Path policy, String content) throws Exception {
        Files.writeString(policy, content);
        Files.setLastModifiedTime(policy, FileTime.from(Instant.now().plusSeconds(tick++)));
    }

    /** Runs statements (each lets the holder look at the file) until the trail has a matching policy-loaded event. */
    private static JsonNode awaitEvent(Statement s, Properties p, Path file, Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            s.executeQuery("SELECT 1").close();
            for (JsonNode e : FaultTrail.named(FaultTrail.events(p, file), "policy-loaded", null)) {
                if (match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such policy-loaded event in the trail");
    }

    /** Inserts until the new policy refuses one; returns that refusal (the raw count checks nothing ran). */
    private SQLException awaitRefusal(Statement s, Statement raw) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            int id = nextId++;
            int before = count(raw);
            try {
                s.executeUpdate("INSERT INTO items VALUES (" + id + ")");
            } catch (SQLException e) {
                assertEquals(before, count(raw), "the refused insert did not run");
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the new policy never came into force");
    }
}
