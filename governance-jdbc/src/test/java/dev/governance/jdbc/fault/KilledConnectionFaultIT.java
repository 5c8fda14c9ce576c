package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database connection under a governed agent killed by the server (PostgreSQL {@code pg_terminate_backend},
 * MariaDB {@code KILL} / {@code KILL QUERY}) in the middle of a statement and in the middle of a transaction: the
 * real driver's own failure reaches the caller as a SQLException with the driver's SQLState (connection class 08 or
 * the server's "terminated" state, which pools treat as a dead connection), the database holds nothing half done
 * (looked at through a raw connection), the trail records the intent and the failed outcome, and the next
 * connection works.
 */
class KilledConnectionFaultIT {
    @TempDir
    Path dir;

    private final String table = "fault_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    // ---------------------------------------------------------------- PostgreSQL

    @Test
    void postgresBackendTerminatedMidStatement() throws Exception {
        Databases.requirePostgres();
        String app = table + "_a";
        try (Connection raw = Databases.openPostgres(); Statement admin = raw.createStatement()) {
            createTable(admin);
            try (Connection holder = Databases.openPostgres(); Statement hold = holder.createStatement()) {
                holder.setAutoCommit(false);
                hold.executeUpdate("UPDATE " + table + " SET v = v WHERE id = 2"); // row 2 locked: the agent waits on it
                Properties p = agent(app);
                try (Connection agent = DriverManager.getConnection(postgresGoverned(), p);
                     Statement s = agent.createStatement()) {
                    CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> update(s,
                            "UPDATE " + table + " SET v = 99 WHERE id <= 2"));
                    int pid = waitForLockWait(raw, app);
                    try (PreparedStatement kill = raw.prepareStatement("SELECT pg_terminate_backend(?)")) {
                        kill.setInt(1, pid);
                        try (ResultSet rs = kill.executeQuery()) {
                            assertTrue(rs.next() && rs.getBoolean(1), "backend " + pid + " terminated");
                        }
                    }
                    SQLException killed = failure(update);
                    assertKilledState(killed);
                    assertFalse(agent.isValid(2), "the killed connection says it is no longer valid");
                    SQLException after = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
                    assertTrue(after.getSQLState() != null && after.getSQLState().startsWith("08"), stateOf(after));
                }
                holder.rollback();
                assertValues(admin, "0,0");
                List<JsonNode> events = FaultTrail.events(p, trail());
                JsonNode intent = intentOf(events, "SET v = ?");
                JsonNode outcome = outcomeOf(events, intent);
                assertTrue(outcome.path("error").asText().startsWith(killedStatePrefix(outcome)), outcome.toString());
                assertTrue(outcome.path("rows").isNull(), "no rows counted for the killed statement: " + outcome);
                recovers(postgresGoverned(), admin, app);
            } finally {
                admin.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void postgresBackendTerminatedMidTransaction() throws Exception {
        Databases.requirePostgres();
        String app = table + "_t";
        try (Connection raw = Databases.openPostgres(); Statement admin = raw.createStatement()) {
            createTable(admin);
            try {
                Properties p = agent(app);
                try (Connection agent = DriverManager.getConnection(postgresGoverned(), p);
                     Statement s = agent.createStatement()) {
                    agent.setAutoCommit(false);
                    assertEquals(1, s.executeUpdate("UPDATE " + table + " SET v = 5 WHERE id = 1"));
                    int pid = pidOf(raw, app);
                    admin.execute("SELECT pg_terminate_backend(" + pid + ")");
                    waitUntilGone(raw, pid);
                    SQLException second = assertThrows(SQLException.class,
                            () -> s.executeUpdate("UPDATE " + table + " SET v = 6 WHERE id = 2"));
                    assertKilledState(second);
                    SQLException commit = assertThrows(SQLException.class, agent::commit);
                    assertTrue(commit.getSQLState() != null && commit.getSQLState().startsWith("08"), stateOf(commit));
                }
                assertValues(admin, "0,0"); // the first update died with its transaction
                List<JsonNode> events = FaultTrail.events(p, trail());
                JsonNode firstIntent = intentOf(events, "WHERE id = ?");
                assertEquals(1, outcomeOf(events, firstIntent).path("rows").asInt(),
                        "the first update ran (and was lost with the transaction, as the database says)");
                List<JsonNode> intents = FaultTrail.named(events, "statement", table).stream()
                        .filter(e -> e.path("phase").asText().equals("intent")).toList();
                assertEquals(2, intents.size(), "both updates were recorded before they ran: " + intents);
                JsonNode secondOutcome = outcomeOf(events, intents.get(1));
                assertTrue(secondOutcome.path("error").asText().matches("(08|57P)\\w*: .*"), secondOutcome.toString());
                recovers(postgresGoverned(), admin, app);
            } finally {
                admin.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    // ---------------------------------------------------------------- MariaDB

    @Test
    void mariaDbQueryKilledMidStatementLeavesTheConnectionUsable() throws Exception {
        Databases.requireMariaDb();
        try (Connection raw = Databases.openMariaDb(); Statement admin = raw.createStatement()) {
            createTable(admin);
            try (Connection holder = Databases.openMariaDb(); Statement hold = holder.createStatement()) {
                holder.setAutoCommit(false);
                hold.executeQuery("SELECT v FROM " + table + " WHERE id = 2 FOR UPDATE").close();
                Properties p = agent(null);
                try (Connection agent = DriverManager.getConnection(mariaDbGoverned(), p);
                     Statement s = agent.createStatement()) {
                    long id = connectionId(s);
                    CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> update(s,
                            "UPDATE " + table + " SET v = 99 WHERE id <= 2"));
                    waitForMariaDbLockWait(raw, id);
                    admin.execute("KILL QUERY " + id);
                    SQLException killed = failure(update);
                    assertEquals("70100", killed.getSQLState(), stateOf(killed));
                    holder.rollback();
                    assertValues(admin, "0,0");
                    // KILL QUERY ends the statement, not the session: the same governed connection goes on.
                    assertEquals(1, s.executeUpdate("UPDATE " + table + " SET v = 7 WHERE id = 1"));
                    assertValues(admin, "7,0");
                }
                List<JsonNode> events = FaultTrail.events(p, trail());
                JsonNode outcome = outcomeOf(events, intentOf(events, "SET v = ? WHERE id <= ?"));
                assertTrue(outcome.path("error").asText().startsWith("70100: "), outcome.toString());
            } finally {
                admin.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void mariaDbConnectionKilledMidTransaction() throws Exception {
        Databases.requireMariaDb();
        try (Connection raw = Databases.openMariaDb(); Statement admin = raw.createStatement()) {
            createTable(admin);
            try {
                Properties p = agent(null);
                try (Connection agent = DriverManager.getConnection(mariaDbGoverned(), p);
                     Statement s = agent.createStatement()) {
                    long id = connectionId(s);
                    agent.setAutoCommit(false);
                    assertEquals(1, s.executeUpdate("UPDATE " + table + " SET v = 5 WHERE id = 1"));
                    admin.execute("KILL " + id);
                    SQLException second = assertThrows(SQLException.class,
                            () -> s.executeUpdate("UPDATE " + table + " SET v = 6 WHERE id = 2"));
                    assertTrue(second.getSQLState() != null && second.getSQLState().startsWith("08")
                            || "70100".equals(second.getSQLState()), stateOf(second));
                    assertThrows(SQLException.class, agent::commit);
                    assertFalse(agent.isValid(2));
                }
                assertValues(admin, "0,0");
                List<JsonNode> events = FaultTrail.events(p, trail());
                List<JsonNode> intents = FaultTrail.named(events, "statement", table).stream()
                        .filter(e -> e.path("phase").asText().equals("intent")).toList();
                assertEquals(2, intents.size(), intents.toString());
                assertEquals(1, outcomeOf(events, intents.get(0)).path("rows").asInt());
                assertFalse(outcomeOf(events, intents.get(1)).path("error").isNull());
                recovers(mariaDbGoverned(), admin, null);
            } finally {
                admin.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Path trail() {
        return dir.resolve("audit.jsonl");
    }

    private Properties agent(String applicationName) {
        Properties p = FaultTrail.audited(TestConnections.agent(), trail());
        if (applicationName != null) {
            p.setProperty("user", Databases.postgresUser());
            p.setProperty("password", Databases.postgresPassword());
            p.setProperty("ApplicationName", applicationName);
        } else {
            p.setProperty("user", Databases.mariaDbUser());
            p.setProperty("password", Databases.mariaDbPassword());
        }
        return p;
    }

    private static String postgresGoverned() {
        return TestDatabase.POSTGRES.governedUrl();
    }

    private static String mariaDbGoverned() {
        return TestDatabase.MARIADB.governedUrl();
    }

    private void createTable(Statement admin) throws SQLException {
        admin.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL)");
        admin.execute("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
    }

    private void assertValues(Statement raw, String expected) throws SQLException {
        StringBuilder seen = new StringBuilder();
        try (ResultSet rs = raw.executeQuery("SELECT v FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                seen.append(seen.length() == 0 ? "" : ",").append(rs.getInt(1));
            }
        }
        assertEquals(expected, seen.toString(), "values as the raw driver sees them");
    }

    /** A fresh governed connection does what the killed one could not. */
    private void recovers(String url, Statement raw, String applicationName) throws SQLException {
        try (Connection again = DriverManager.getConnection(url, agent(applicationName));
             Statement s = again.createStatement()) {
            assertTrue(again.isValid(2));
            assertEquals(1, s.executeUpdate("UPDATE " + table + " SET v = 3 WHERE id = 2"));
        }
        try (ResultSet rs = raw.executeQuery("SELECT v FROM " + table + " WHERE id = 2")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1), "the recovered connection's update is in the database");
        }
    }

    private static Integer update(Statement s, String sql) {
        try {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static SQLException failure(CompletableFuture<Integer> update) throws Exception {
        try {
            Integer rows = update.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the killed statement returned " + rows);
        } catch (ExecutionException e) {
            return assertInstanceOf(SQLException.class, e.getCause(), String.valueOf(e.getCause()));
        }
    }

    /** PostgreSQL ends a terminated backend with 57P01 (admin shutdown); pgjdbc reports a lost link as 08xxx. */
    private static void assertKilledState(SQLException e) {
        String state = e.getSQLState();
        assertTrue(state != null && (state.equals("57P01") || state.startsWith("08")), stateOf(e));
    }

    private static String killedStatePrefix(JsonNode outcome) {
        String error = outcome.path("error").asText();
        return error.startsWith("57P01") ? "57P01: " : "08";
    }

    private static String stateOf(SQLException e) {
        return e.getSQLState() + ": " + e.getMessage();
    }

    private JsonNode intentOf(List<JsonNode> events, String sqlPart) {
        List<JsonNode> intents = FaultTrail.named(events, "statement", table).stream()
                .filter(e -> e.path("phase").asText().equals("intent") && e.path("sql").asText().contains(sqlPart))
                .toList();
        assertFalse(intents.isEmpty(), "an intent record for " + sqlPart + " in " + events);
        return intents.get(0);
    }

    /** The outcome that completes {@code intent}: the next statement record of the same connection and SQL. */
    private static JsonNode outcomeOf(List<JsonNode> events, JsonNode intent) {
        return events.stream()
                .filter(e -> e.path("phase").asText().equals("outcome")
                        && e.path("connectionId").asText().equals(intent.path("connectionId").asText())
                        && e.path("sql").asText().equals(intent.path("sql").asText())
                        && e.path("seq").asLong() > intent.path("seq").asLong())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + intent + " in " + events));
    }

    private static int pidOf(Connection raw, String app) throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, app);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the governed connection's backend is listed");
                return rs.getInt(1);
            }
        }
    }

    private static int waitForLockWait(Connection raw, String app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (PreparedStatement ps = raw.prepareStatement("SELECT pid FROM pg_stat_activity"
                + " WHERE application_name = ? AND wait_event_type = 'Lock'")) {
            ps.setString(1, app);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the governed update never waited on the held row");
    }

    private static void waitUntilGone(Connection raw, int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (PreparedStatement ps = raw.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("backend " + pid + " is still there");
    }

    private static long connectionId(Statement governed) throws SQLException {
        try (ResultSet rs = governed.executeQuery("SELECT CONNECTION_ID()")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static void waitForMariaDbLockWait(Connection raw, long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // The statement is in the server and can't finish while the holder keeps its row: that is mid-statement.
        // (innodb_trx does not always list an autocommit statement's lock wait on this server.)
        try (PreparedStatement ps = raw.prepareStatement("SELECT 1 FROM information_schema.processlist"
                + " WHERE id = ? AND command = 'Query' AND info LIKE 'UPDATE %'")) {
            ps.setLong(1, id);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the governed update never started waiting");
    }
}
