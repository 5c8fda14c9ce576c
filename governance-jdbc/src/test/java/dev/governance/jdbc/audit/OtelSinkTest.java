package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.Settings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtelSinkTest {
    private InMemorySpanExporter exporter;
    private OpenTelemetrySdk sdk;

    @BeforeEach
    void sdk() {
        exporter = InMemorySpanExporter.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
    }

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void oneSpanPerStatementWithSemconvAndGovernanceAttributes() throws Exception {
        AuditEvent allowed = AuditEvent.builder(EventType.STATEMENT)
                .connectionId("c1")
                .identity(new AuditEvent.Who("agent-7", "agent", List.of("ops"), true, "alice"))
                .environment("production")
                .database("PostgreSQL", "jdbc:postgresql://db/app?password=pw")
                .sql("SELECT email FROM public.customers WHERE email = ?")
                .type("SELECT")
                .tables(List.of("public.customers"), List.of())
                .decision("allow", List.of(), "enforce")
                .masked(List.of(new AuditEvent.Masked("public.customers.email", "email")))
                .rows(3L)
                .durationMicros(1500L)
                .build();
        AuditEvent denied = AuditEvent.builder(EventType.STATEMENT)
                .identity(new AuditEvent.Who("agent-7", "agent", List.of(), true, null))
                .database("H2", "jdbc:h2:mem:x")
                .sql("DROP TABLE public.orders")
                .type("DROP")
                .tables(List.of(), List.of("public.orders"))
                .decision("deny", List.of("no-drop"), "enforce")
                .error("42501: denied by rule no-drop")
                .build();
        AuditEvent intent = AuditEvent.builder(EventType.STATEMENT).phase(Phase.INTENT)
                .identity(new AuditEvent.Who("agent-7", "agent", List.of(), true, null))
                .sql("UPDATE public.orders SET status = ? WHERE id = ?").type("UPDATE")
                .tables(List.of("public.orders"), List.of("public.orders"))
                .decision("allow", List.of(), "enforce").build();

        Span appSpan = sdk.getTracer("app").spanBuilder("handle request").startSpan();
        try (AuditTrail trail = AuditTrail.create(List.of(new OtelSink(sdk)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            Scope scope = appSpan.makeCurrent();
            try {
                trail.record(allowed);
            } finally {
                scope.close();
            }
            trail.record(Events.connect("agent-7"));
            trail.record(denied);
            trail.recordSync(intent);
            trail.record(intent.outcome(1L, 900L, null));
            assertTrue(trail.flush());
        } finally {
            appSpan.end();
        }

        List<SpanData> spans = exporter.getFinishedSpanItems().stream()
                .filter(s -> !s.getName().equals("handle request")).toList();
        assertEquals(List.of("SELECT public.customers", "DROP public.orders", "UPDATE public.orders"),
                spans.stream().map(SpanData::getName).toList(), "no span for connect or for the intent");

        SpanData select = spans.get(0);
        assertEquals(SpanKind.CLIENT, select.getKind());
        assertEquals(appSpan.getSpanContext().getSpanId(), select.getParentSpanId(), "nested under the caller's span");
        assertEquals("postgresql", attr(select, OtelSink.DB_SYSTEM_NAME));
        assertEquals("postgresql", attr(select, OtelSink.DB_SYSTEM));
        assertEquals("SELECT email FROM public.customers WHERE email = ?", attr(select, OtelSink.DB_QUERY_TEXT));
        assertEquals("SELECT", attr(select, OtelSink.DB_OPERATION_NAME));
        assertEquals("public.customers", attr(select, OtelSink.DB_COLLECTION_NAME));
        assertEquals("agent-7", attr(select, OtelSink.SUBJECT));
        assertEquals("agent", attr(select, OtelSink.KIND));
        assertEquals("alice", attr(select, OtelSink.ON_BEHALF_OF));
        assertEquals("allow", attr(select, OtelSink.DECISION));
        assertEquals(List.of(), select.getAttributes().get(OtelSink.RULES));
        assertEquals(List.of("public.customers"), select.getAttributes().get(OtelSink.TABLES_READ));
        assertEquals(List.of(), select.getAttributes().get(OtelSink.TABLES_WRITTEN));
        assertEquals(List.of("public.customers.email"), select.getAttributes().get(OtelSink.MASKED));
        assertEquals(3L, select.getAttributes().get(OtelSink.ROWS));
        assertEquals(StatusCode.UNSET, select.getStatus().getStatusCode());
        assertEquals(1500L, TimeUnit.NANOSECONDS.toMicros(select.getEndEpochNanos() - select.getStartEpochNanos()));

        SpanData drop = spans.get(1);
        assertEquals(StatusCode.ERROR, drop.getStatus().getStatusCode());
        assertEquals("deny", attr(drop, OtelSink.DECISION));
        assertEquals(List.of("no-drop"), drop.getAttributes().get(OtelSink.RULES));
        assertEquals(List.of("public.orders"), drop.getAttributes().get(OtelSink.TABLES_WRITTEN));
        assertEquals("h2", attr(drop, OtelSink.DB_SYSTEM_NAME));
        assertEquals("governance.denied", attr(drop, OtelSink.ERROR_TYPE));
        assertNull(drop.getAttributes().get(OtelSink.ROWS));

        assertEquals(StatusCode.UNSET, spans.get(2).getStatus().getStatusCode());
        assertEquals(1L, spans.get(2).getAttributes().get(OtelSink.ROWS));
    }

    @Test
    void withoutAnInstalledGlobalOpenTelemetryNothingIsForcedToNoop() throws Exception {
        io.opentelemetry.api.GlobalOpenTelemetry.resetForTest();
        try (AuditTrail trail = AuditTrail.create(List.of(new OtelSink()), Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.record(Events.statement("agent-1", 1));
            assertTrue(trail.flush());
            assertTrue(trail.healthy());
        }
        assertTrue(!io.opentelemetry.api.GlobalOpenTelemetry.isSet(), "the application can still install its SDK");
        io.opentelemetry.api.GlobalOpenTelemetry.set(sdk);
        try (AuditTrail trail = AuditTrail.create(List.of(new OtelSink()), Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.record(Events.statement("agent-1", 2));
            assertTrue(trail.flush());
        } finally {
            io.opentelemetry.api.GlobalOpenTelemetry.resetForTest();
        }
        assertEquals(List.of("UPDATE public.orders"),
                exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    }

    private static String attr(SpanData span, AttributeKey<String> key) {
        return span.getAttributes().get(key);
    }
}
