package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcSinkTest {
    private static final String URL = "jdbc:h2:mem:audit-jdbc-sink;DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void registerH2() throws Exception {
        // DriverManager stops loading services at the first broken entry; don't depend on the order.
        Class.forName("org.h2.Driver");
    }

    @Test
    void oneRowPerEventInACreatedTableAndTheSeqContinues() throws Exception {
        try (AuditTrail trail = AuditTrail.create(List.of(Sinks.create("jdbc:" + URL.substring(5))),
                Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.record(Events.connect("agent-1"));
            for (int i = 1; i <= 4; i++) {
                trail.record(Events.statement("agent-1", i));
            }
            assertTrue(trail.flush());
        }
        try (Connection c = DriverManager.getConnection(URL);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, event, subject, kind, statement_type, decision, rules,"
                     + " tables_written, row_count, record FROM governance_audit ORDER BY seq")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertEquals(n, rs.getLong("seq"));
                if (n == 1) {
                    assertEquals("connect", rs.getString("event"));
                    assertFalse(rs.getString("record").contains("PASSWORD"), rs.getString("record"));
                } else {
                    assertEquals("statement", rs.getString("event"));
                    assertEquals("agent-1", rs.getString("subject"));
                    assertEquals("UPDATE", rs.getString("statement_type"));
                    assertEquals("public.orders", rs.getString("tables_written"));
                    assertTrue(rs.getString("record").startsWith("{\"seq\":" + n + ","), rs.getString("record"));
                }
            }
            assertEquals(5, n);
        }
        // A second trail with the table ahead of a fresh JSONL file: seq continues, the file states the gap.
        Path file = dir.resolve("fresh.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JdbcSink(URL), new JsonlSink(file)),
                Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(6, trail.recordSync(Events.connect("agent-2")));
        }
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(1, result.gaps());
        assertEquals(6, result.lastSeq());
    }

    /** A table from before instances and chains gets their columns on first use, and its old rows stay. */
    @Test
    void aTableFromBeforeChainsGetsTheirColumns() throws Exception {
        String url = "jdbc:h2:mem:audit-old-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE governance_audit (seq BIGINT NOT NULL PRIMARY KEY, ts TIMESTAMP NOT NULL,"
                    + " event VARCHAR(32) NOT NULL, phase VARCHAR(16), connection_id VARCHAR(128),"
                    + " subject VARCHAR(512), kind VARCHAR(16), environment VARCHAR(128),"
                    + " statement_type VARCHAR(32), decision VARCHAR(32), rules VARCHAR(1024), tables_read CLOB,"
                    + " tables_written CLOB, sql_text CLOB, row_count BIGINT, duration_micros BIGINT, error CLOB,"
                    + " record CLOB NOT NULL)");
            s.execute("INSERT INTO governance_audit (seq, ts, event, record) VALUES (5, CURRENT_TIMESTAMP,"
                    + " 'connect', '{\"seq\":5}')");
        }
        try (AuditTrail trail = AuditTrail.create(List.of(new JdbcSink(url, "orders-1")),
                Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(1, trail.recordSync(Events.connect("agent-1")), "a new instance's chain starts at 1");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT instance, seq, hash FROM governance_audit ORDER BY instance")) {
            assertTrue(rs.next());
            assertEquals("", rs.getString("instance"), "the old row: instance ''");
            assertEquals(null, rs.getString("hash"), "and no chain");
            assertTrue(rs.next());
            assertEquals("orders-1", rs.getString("instance"));
            assertEquals(64, rs.getString("hash").length(), "the new row is chained");
            assertFalse(rs.next());
        }
    }

    @Test
    void refusesAGovernedAuditDatabase() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcSink("jdbc:governed:h2:mem:x"));
    }

    @Test
    void unreachableDatabaseMakesTheTrailFail() throws Exception {
        try (AuditTrail trail = AuditTrail.create(List.of(new JdbcSink("jdbc:nosuchdriver:x")),
                Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertFalse(trail.healthy());
            assertEquals("VG010", assertThrows(dev.governance.jdbc.AuditUnavailableException.class,
                    trail::checkAvailable).getSQLState());
        }
    }
}
