package dev.governance.jdbc;

import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two driver instances (two JVMs) write their trails into one central PostgreSQL {@code jdbc:} sink at the same
 * time, through the driver with its default setup plus the sink; each instance's chain is kept apart and verifies.
 */
class CentralJdbcSinkIT {
    private static final int STATEMENTS = 300;

    @Test
    void twoJvmsWriteOneTableConcurrentlyAndBothChainsVerify(@TempDir Path dir) throws Exception {
        Databases.requirePostgres();
        String schema = "audit_central_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = Databases.openPostgres(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String sink = "jdbc:" + Databases.postgresUrl() + "?user=" + Databases.postgresUser() + "&currentSchema=" + schema;
            List<Process> children = new ArrayList<>();
            for (String instance : List.of("orders-1", "orders-2")) {
                children.add(new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                        CentralSinkWriterMain.class.getName(), sink, instance,
                        dir.resolve(instance + ".jsonl").toString(), String.valueOf(STATEMENTS))
                        .redirectErrorStream(true).start());
            }
            for (Process p : children) {
                assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child finished");
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.exitValue(), output);
                assertTrue(output.contains("ran " + STATEMENTS), output);
            }
            try (Connection c = Databases.openPostgres(); Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + schema);
                Map<String, AuditVerifier.Result> results = AuditVerifier.verifyTable(c);
                assertEquals(List.of("orders-1", "orders-2"), List.copyOf(results.keySet()));
                for (var e : results.entrySet()) {
                    assertEquals(AuditVerifier.Status.INTACT, e.getValue().status(), e.getKey() + ": " + e.getValue().summary());
                }
                // Rows interleaved in time, each instance complete: connect + statements + close (and the DDL).
                try (ResultSet rs = s.executeQuery("SELECT instance, COUNT(*), MIN(seq), MAX(seq),"
                        + " SUM(CASE WHEN event = 'statement' THEN 1 ELSE 0 END) FROM governance_audit"
                        + " GROUP BY instance ORDER BY instance")) {
                    for (String instance : List.of("orders-1", "orders-2")) {
                        assertTrue(rs.next());
                        assertEquals(instance, rs.getString(1));
                        assertEquals(1, rs.getLong(3));
                        assertEquals(rs.getLong(2), rs.getLong(4), "seq 1..N without holes");
                        assertTrue(rs.getLong(5) >= STATEMENTS, "every statement recorded: " + rs.getLong(5));
                    }
                }
                // Tampering with one row of one instance breaks that chain only.
                s.execute("UPDATE governance_audit SET record = replace(record, '\"rows\":1', '\"rows\":9')"
                        + " WHERE instance = 'orders-2' AND seq = (SELECT MIN(seq) FROM governance_audit"
                        + " WHERE instance = 'orders-2' AND record LIKE '%\"rows\":1%')");
                results = AuditVerifier.verifyTable(c);
                assertEquals(AuditVerifier.Status.INTACT, results.get("orders-1").status());
                assertEquals(AuditVerifier.Status.BROKEN, results.get("orders-2").status());
                assertTrue(results.get("orders-2").reason().contains("hash mismatch"), results.get("orders-2").summary());
            }
        } finally {
            try (Connection c = Databases.openPostgres(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
