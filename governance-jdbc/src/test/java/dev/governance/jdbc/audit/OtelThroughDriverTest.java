package dev.governance.jdbc.audit;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.testing.TestConnections;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statements through the driver become spans in the application's OpenTelemetry (the global one here). */
class OtelThroughDriverTest {
    private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    @BeforeAll
    static void installSdk() {
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(EXPORTER)).build())
                .build();
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(sdk);
    }

    @AfterAll
    static void removeSdk() {
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void allowedAndDeniedStatementsBecomeSpans() throws Exception {
        String subject = "otel-agent-" + UUID.randomUUID();
        Properties agent = TestConnections.as(subject, "agent");
        String url = "jdbc:governed:h2:mem:o" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, TestConnections.service()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders(id INT PRIMARY KEY, status VARCHAR(20))");
            s.execute("INSERT INTO orders VALUES (1, 'paid')");
        }
        try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT status FROM orders WHERE id = 1")) {
                assertTrue(rs.next());
            }
            PolicyViolationException refused = assertThrows(PolicyViolationException.class,
                    () -> s.executeUpdate("DROP TABLE orders"));
            assertEquals("42501", refused.getSQLState());
            assertEquals(List.of("agent-no-drop"), refused.ruleIds());
        }
        AuditTrail.of(new SettingsLoader().load(agent).settings().audit()).flush();

        List<SpanData> mine = EXPORTER.getFinishedSpanItems().stream()
                .filter(span -> subject.equals(span.getAttributes().get(AttributeKey.stringKey("governance.subject"))))
                .toList();
        assertEquals(2, mine.size(), mine.toString());
        SpanData select = mine.stream().filter(span -> span.getName().startsWith("SELECT")).findFirst().orElseThrow();
        assertEquals("SELECT public.orders", select.getName());
        assertEquals("h2", select.getAttributes().get(AttributeKey.stringKey("db.system.name")));
        assertEquals("SELECT status FROM orders WHERE id = ?", select.getAttributes().get(AttributeKey.stringKey("db.query.text")));
        assertEquals("allow", select.getAttributes().get(AttributeKey.stringKey("governance.decision")));
        assertEquals("agent", select.getAttributes().get(AttributeKey.stringKey("governance.kind")));
        assertEquals(List.of("public.orders"), select.getAttributes().get(AttributeKey.stringArrayKey("governance.tables.read")));
        assertFalse(select.getStatus().getStatusCode() == StatusCode.ERROR);

        SpanData drop = mine.stream().filter(span -> span.getName().startsWith("DROP")).findFirst().orElseThrow();
        assertEquals(StatusCode.ERROR, drop.getStatus().getStatusCode());
        assertEquals("deny", drop.getAttributes().get(AttributeKey.stringKey("governance.decision")));
        assertTrue(drop.getAttributes().get(AttributeKey.stringArrayKey("governance.rules")).contains("agent-no-drop"));
    }
}
