package dev.governance.jdbc.benchmarks;

import dev.governance.jdbc.AuditUnavailableException;
import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.audit.AuditSink;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.audit.EventType;
import dev.governance.jdbc.audit.JsonlSink;
import dev.governance.jdbc.audit.OtelSink;
import dev.governance.jdbc.config.Settings;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The audit trail alone, with the default sinks ({@code otel} without an SDK, and {@code jsonl:} with its hash
 * chain): records per second one caller sustains against the bounded queue, so past the first iteration the
 * score is the writer's rate. {@code bytesPerRecord}: what a typical statement record costs on disk.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditWriterBenchmark {

    /** Reported next to the score; measured on the file between iterations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Written {
        public double bytesPerRecord;
        private double measured; // JMH zeroes the counter before each iteration: the benchmark sets it again

        @Setup(Level.Iteration)
        public void measure(Trail trail) throws IOException, AuditUnavailableException {
            long records = trail.trail.recordSync(trail.event); // its seq: every record so far, forced to disk
            measured = records == 0 ? 0 : (double) Files.size(trail.file) / records;
        }
    }

    @State(Scope.Thread)
    public static class Trail {
        private Path directory;
        private Path file;
        private AuditTrail trail;
        private AuditEvent event;

        @Setup(Level.Trial)
        public void open() throws IOException {
            directory = Files.createTempDirectory("governance-bench-trail-");
            file = directory.resolve("governance-audit.jsonl");
            List<AuditSink> sinks = List.of(new OtelSink(), new JsonlSink(file));
            trail = AuditTrail.create(sinks, Settings.OnFailure.FAIL_CLOSED, 8192);
            event = AuditEvent.builder(EventType.STATEMENT)
                    .connectionId("c-5f0c2d9e")
                    .identity(new AuditEvent.Who("spiffe://prod.example/ns/agents/sa/support-bot", "agent", List.of(),
                            true, "alice@example.com"))
                    .environment("production")
                    .database("PostgreSQL", "jdbc:postgresql://db.internal:5432/shop")
                    .sql("SELECT id, customer, status, total FROM public.orders WHERE id = ?")
                    .fingerprint("b1946ac92492d2347c6235b4d2611184")
                    .type("SELECT")
                    .tables(List.of("public.orders"), List.of())
                    .columns(List.of("public.orders.id", "public.orders.customer", "public.orders.status",
                            "public.orders.total"))
                    .decision("allow", List.of(), "enforce")
                    .rows(1L)
                    .durationMicros(118L)
                    .build();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            trail.close();
            AuditVerifier.Result result = AuditVerifier.verify(file);
            System.out.printf("%naudit writer: %s%n", result.summary());
            try {
                if (result.status() != AuditVerifier.Status.INTACT) {
                    throw new IllegalStateException("the trail's chain does not verify: " + result.summary());
                }
            } finally {
                try (var files = Files.walk(directory)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    @Benchmark
    public void record(Trail trail, Written written) throws AuditUnavailableException {
        trail.trail.record(trail.event);
        written.bytesPerRecord = written.measured;
    }
}
