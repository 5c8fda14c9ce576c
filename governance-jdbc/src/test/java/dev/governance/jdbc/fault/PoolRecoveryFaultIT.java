package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestConnections;
import dev.governance.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pooled governed connection whose PostgreSQL backend is terminated in the middle of a transaction: the agent gets
 * the driver's own failure, HikariCP recognises the dead connection by its SQLState and evicts it, the next borrow
 * is a working connection on a new backend, nothing of the killed transaction is in the database, the trail holds
 * both the killed work and the recovered work, and no connection is left behind.
 */
class PoolRecoveryFaultIT {
    @TempDir
    Path dir;

    private final String table = "fault_pool_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void hikariEvictsTheKilledConnectionAndTheNextBorrowWorks() throws Exception {
        Databases.requirePostgres();
        Path trail = dir.resolve("audit.jsonl");
        Properties agent = FaultTrail.audited(TestConnections.agent(), trail);
        String app = table + "_pool";
        try (Connection raw = Databases.openPostgres(); Statement admin = raw.createStatement()) {
            admin.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL)");
            admin.execute("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
            try {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(TestDatabase.POSTGRES.governedUrl());
                config.setUsername(Databases.postgresUser());
                config.setPassword(Databases.postgresPassword());
                config.setMaximumPoolSize(1); // the next borrow can only be the killed connection or its replacement
                config.setPoolName(app);
                agent.forEach((k, v) -> config.addDataSourceProperty((String) k, v));
                config.addDataSourceProperty("ApplicationName", app);
                int killedPid;
                try (HikariDataSource pool = new HikariDataSource(config)) {
                    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                        c.setAutoCommit(false);
                        assertEquals(1, s.executeUpdate("UPDATE " + table + " SET v = 5 WHERE id = 1"));
                        killedPid = pidOf(raw, app);
                        admin.execute("SELECT pg_terminate_backend(" + killedPid + ")");
                        waitUntilGone(raw, killedPid);
                        SQLException killed = assertThrows(SQLException.class,
                                () -> s.executeUpdate("UPDATE " + table + " SET v = 6 WHERE id = 2"));
                        String state = killed.getSQLState();
                        assertTrue(state != null && (state.equals("57P01") || state.startsWith("08")),
                                state + ": " + killed.getMessage());
                    } // Hikari sees the fatal SQLState and evicts instead of returning it to the pool
                    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                        assertTrue(c.isValid(2), "the next borrow is a live connection");
                        assertNotEquals(killedPid, pidOf(raw, app), "on a new backend");
                        assertEquals(1, s.executeUpdate("UPDATE " + table + " SET v = 3 WHERE id = 2"));
                        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                            assertTrue(rs.next());
                            assertEquals(2, rs.getInt(1));
                        }
                    }
                    assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "nothing borrowed is left");
                    assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= 1);
                }
                try (ResultSet rs = admin.executeQuery("SELECT v FROM " + table + " ORDER BY id")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getInt(1), "the killed transaction's update is not in the database");
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1), "the recovered borrow's update is");
                }
                waitUntilNoBackend(raw, app);

                List<JsonNode> events = FaultTrail.events(agent, trail);
                List<JsonNode> statements = FaultTrail.named(events, "statement", table);
                assertTrue(statements.stream().anyMatch(e -> e.path("sql").asText().contains("SET v = ?")
                        && e.path("error").asText().matches("(08|57P)\\w*: .*")),
                        "the killed statement's outcome carries the driver's failure: " + statements);
                assertTrue(statements.stream().anyMatch(e -> e.path("phase").asText().equals("outcome")
                        && e.path("rows").asInt(-1) == 1 && e.path("sql").asText().contains("WHERE id = ?")
                        && !e.path("connectionId").asText().isEmpty()),
                        "the recovered update's outcome is recorded: " + statements);
            } finally {
                admin.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static int pidOf(Connection raw, String app) throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, app);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the pooled connection's backend is listed");
                return rs.getInt(1);
            }
        }
    }

    private static void waitUntilGone(Connection raw, int pid) throws Exception {
        waitFor(raw, "SELECT 1 FROM pg_stat_activity WHERE pid = " + pid, "backend " + pid + " is still there");
    }

    private static void waitUntilNoBackend(Connection raw, String app) throws Exception {
        waitFor(raw, "SELECT 1 FROM pg_stat_activity WHERE application_name = '" + app + "'",
                "the closed pool left a connection behind");
    }

    private static void waitFor(Connection raw, String query, String failure) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Statement s = raw.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(query)) {
                    if (!rs.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError(failure);
    }
}
