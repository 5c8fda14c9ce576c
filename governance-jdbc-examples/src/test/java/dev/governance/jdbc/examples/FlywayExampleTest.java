package dev.governance.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.examples.flyway.FlywayExample;
import dev.governance.jdbc.examples.support.ExampleDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flyway run by an agent in production: schema changes approved by a reviewer elsewhere, housekeeping passes. */
class FlywayExampleTest {

    private static String store(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("approvals") + ";AUTO_SERVER=TRUE";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void waitModeAReviewerThreadApprovesEachSchemaChange(String kind, @TempDir Path dir) throws Exception {
        String store = store(dir);
        Path audit = dir.resolve("audit.jsonl");
        List<ApprovalRequest> approved = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread reviewer = new Thread(() -> {
            try {
                while (!done.get()) {
                    approved.addAll(FlywayExample.approvePending(store, "dana"));
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "reviewer");
        try (ExampleDatabase db = TestDatabases.create(kind)) {
            reviewer.start();
            MigrateResult result;
            try {
                result = FlywayExample.migrate(FlywayExample.agentDataSource(db, store, "wait", "jsonl:" + audit));
            } finally {
                done.set(true);
                reviewer.join();
            }
            assertEquals(3, result.migrationsExecuted);
            assertEquals(2, approved.size(), "two schema changes, each approved once: " + approved);
            assertTrue(approved.stream().anyMatch(r -> r.fullSql().contains("CREATE TABLE customers")), approved.toString());
            assertTrue(approved.stream().anyMatch(r -> r.fullSql().contains("CREATE INDEX customers_name")), approved.toString());
            assertTrue(approved.stream().allMatch(r -> r.subject().equals("migration-agent")));
            try (Connection raw = db.raw(); Statement st = raw.createStatement();
                 ResultSet rs = st.executeQuery("SELECT email FROM customers WHERE id = 1")) {
                assertTrue(rs.next());
                assertEquals("ada@example.com", rs.getString(1));
            }
        }
        String trail = Files.readString(audit);
        assertTrue(trail.contains("\"subject\":\"migration-agent\""));
        assertTrue(trail.contains("approval-requested"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void failModeNamesTheStatementAndTheRequestAndARerunContinues(String kind, @TempDir Path dir) throws Exception {
        String store = store(dir);
        try (ExampleDatabase db = TestDatabases.create(kind)) {
            var agent = FlywayExample.agentDataSource(db, store, "fail", "otel");
            FlywayException first = assertThrows(FlywayException.class, () -> FlywayExample.migrate(agent));
            String message = first.getMessage();
            assertTrue(message.contains("VG001"), message);
            assertTrue(message.contains("CREATE TABLE customers"), message);
            List<ApprovalRequest> approved = FlywayExample.approvePending(store, "dana");
            assertEquals(1, approved.size());
            assertTrue(message.contains(approved.get(0).id()), "the error names the request: " + message);

            FlywayException second = assertThrows(FlywayException.class, () -> FlywayExample.retryAfterApproval(agent));
            assertTrue(second.getMessage().contains("CREATE INDEX customers_name"), second.getMessage());
            assertEquals(1, FlywayExample.approvePending(store, "dana").size());

            MigrateResult result = FlywayExample.retryAfterApproval(agent);
            assertEquals(2, result.migrationsExecuted, "V2 and V3 ran on the third attempt");
            try (Connection raw = db.raw(); Statement st = raw.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM customers")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
