package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.Settings;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PII in a WHERE clause and in a database error never reaches a sink while audit.literals=false. */
class NoSensitiveValuesTest {
    private static final List<String> PII = List.of("alice@example.com", "123-45-6789", "4111111111111111", "hunter2");

    @TempDir
    Path dir;

    @Test
    void noSinkSeesALiteral() throws Exception {
        Class.forName("org.h2.Driver");
        String url = "jdbc:h2:mem:audit-pii;DB_CLOSE_DELAY=-1";
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        Path file = dir.resolve("pii.jsonl");
        // Not closed: closing the SDK would clear the in-memory exporter.
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file), new JdbcSink(url), new OtelSink(sdk)),
                     Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.record(AuditEvent.builder(EventType.STATEMENT)
                    .identity(new AuditEvent.Who("agent-1", "agent", List.of(), true, null))
                    .database("PostgreSQL", "jdbc:postgresql://app:hunter2@db/app")
                    // A caller that forgot to normalize:
                    .sql("SELECT name FROM customers WHERE email = 'alice@example.com' OR ssn = '123-45-6789'"
                            + " OR card = 4111111111111111")
                    .type("SELECT").tables(List.of("public.customers"), List.of())
                    .decision("allow", List.of(), "enforce")
                    .masked(List.of(new AuditEvent.Masked("public.customers.email", "email")))
                    .error("23505: duplicate key value violates unique constraint \"c_email\"\n"
                            + "  Detail: Key (email)=(alice@example.com) already exists.")
                    .build());
            assertTrue(trail.flush());
        }
        String jsonl = Files.readString(file);
        assertTrue(jsonl.contains("WHERE email = ? OR ssn = ? OR card = ?"), jsonl);
        StringBuilder table = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM governance_audit")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    table.append(rs.getString(i)).append('|');
                }
            }
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(1, spans.size());
        String span = spans.get(0).getAttributes().toString() + spans.get(0).getStatus();
        for (String value : PII) {
            assertFalse(jsonl.contains(value), value + " in " + jsonl);
            assertFalse(table.toString().contains(value), value + " in " + table);
            assertFalse(span.contains(value), value + " in " + span);
        }
        assertTrue(table.toString().contains("SELECT name FROM customers WHERE email = ?"), table.toString());
    }

    @Test
    void literalsTrueKeepsTheSqlAsGiven() throws Exception {
        Path file = dir.resolve("literals.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16, true)) {
            trail.record(AuditEvent.builder(EventType.STATEMENT).sql("SELECT 1 WHERE a = 'x'").build());
        }
        assertTrue(Files.readString(file).contains("\"sql\":\"SELECT 1 WHERE a = 'x'\""));
    }
}
