package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.Settings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One OpenTelemetry log record per event, with the record's fields as attributes, while spans are sampled at 0 %. */
class OtelLogRecordTest {
    @TempDir
    Path dir;

    @Test
    void everyEventIsALogRecordEvenWhenNoSpanIsSampled() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
        Path file = dir.resolve("audit.jsonl");
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOff())
                        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs)).build())
                .build();
        {
            try (AuditTrail trail = AuditTrail.create(List.of(new OtelSink(sdk), new JsonlSink(file)),
                    Settings.OnFailure.FAIL_CLOSED, 64)) {
                trail.record(Events.connect("alice"));
                for (int n = 0; n < 50; n++) {
                    trail.record(Events.statement("agent-7", n));
                }
                trail.record(AuditEvent.builder(EventType.APPROVAL_REQUESTED).requestId("req-1")
                        .identity(new AuditEvent.Who("agent-7", "agent", List.of(), true, null))
                        .sql("DROP TABLE t").reason("cleanup").build());
                Span parent = sdk.getTracer("app").spanBuilder("request").startSpan();
                try (Scope ignored = parent.makeCurrent()) {
                    trail.record(Events.statement("agent-9", 1000));
                }
                parent.end();
                assertTrue(trail.flush());
            }
        }
        assertEquals(0, spans.getFinishedSpanItems().size(), "spans are sampled away");
        List<LogRecordData> all = logs.getFinishedLogRecordItems();
        List<LogRecordData> records = all.stream()
                .filter(r -> !"governance.audit.anchor".equals(r.getEventName())).toList();
        LogRecordData anchor = all.get(all.size() - 1);
        assertEquals("governance.audit.anchor", anchor.getEventName(), "the chain head, published at close");
        assertEquals(53L, anchor.getAttributes().get(AttributeKey.longKey("governance.audit.seq")));
        List<String> lines = Files.readAllLines(file);
        assertEquals(lines.size(), records.size(), "one log record per event");
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < records.size(); i++) {
            LogRecordData r = records.get(i);
            JsonNode line = mapper.readTree(lines.get(i));
            assertEquals(line.get("seq").asLong(), r.getAttributes().get(AttributeKey.longKey("governance.audit.seq")));
            assertEquals(line.get("event").asText(), r.getAttributes().get(AttributeKey.stringKey("governance.event")));
            assertEquals("governance.audit." + line.get("event").asText(), r.getEventName());
            assertEquals(java.time.Instant.parse(line.get("ts").asText()),
                    java.time.Instant.ofEpochSecond(0, r.getTimestampEpochNanos()));
            if (line.get("event").asText().equals("statement")) {
                var a = r.getAttributes();
                assertEquals(line.at("/identity/subject").asText(), a.get(AttributeKey.stringKey("governance.subject")));
                assertEquals(line.at("/identity/kind").asText(), a.get(AttributeKey.stringKey("governance.kind")));
                assertEquals(line.at("/identity/onBehalfOf").asText(), a.get(AttributeKey.stringKey("governance.on_behalf_of")));
                assertEquals(List.of("ops"), a.get(AttributeKey.stringArrayKey("governance.groups")));
                assertEquals(line.get("sql").asText(), a.get(AttributeKey.stringKey("db.query.text")));
                assertEquals(line.get("fingerprint").asText(), a.get(AttributeKey.stringKey("governance.fingerprint")));
                assertEquals(line.at("/decision/action").asText(), a.get(AttributeKey.stringKey("governance.decision")));
                assertEquals(List.of("public.orders"), a.get(AttributeKey.stringArrayKey("governance.tables.written")));
                assertEquals(List.of("public.orders.status"), a.get(AttributeKey.stringArrayKey("governance.columns")));
                assertEquals("postgresql", a.get(AttributeKey.stringKey("db.system.name")));
                assertEquals(line.at("/database/url").asText(), a.get(AttributeKey.stringKey("governance.database.url")));
                assertEquals(812L, a.get(AttributeKey.longKey("governance.duration_micros")));
                boolean denied = line.at("/decision/action").asText().equals("deny");
                assertEquals(denied ? Severity.WARN : Severity.INFO, r.getSeverity());
            }
        }
        LogRecordData approval = records.get(51);
        assertEquals("req-1", approval.getAttributes().get(AttributeKey.stringKey("governance.approval.request_id")));
        assertEquals("cleanup", approval.getAttributes().get(AttributeKey.stringKey("governance.reason")));
        assertEquals(new ObjectMapper().readTree(lines.get(52)).get("hash").asText(),
                anchor.getAttributes().get(AttributeKey.stringKey("governance.audit.hash")));
        LogRecordData nested = records.get(52);
        assertTrue(nested.getSpanContext().isValid(), "the log record carries the application's trace context");
        sdk.close();
    }
}
