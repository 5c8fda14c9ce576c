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

    /**
     * The trail, and what is reported next to the score, measured between iterations. One state: JMH's counters
     * need their own state class, and a second state for the trail would be a second instance of it.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Trail {
        public double bytesPerRecord;
        /** CPU time the writer thread spends per record: 1e9 / this is what one free core sustains. */
        public double writerCpuNanosPerRecord;
        /** Bytes the writer thread allocates per record. */
        public double writerAllocatedPerRecord;
        // JMH zeroes the counters before each iteration: the benchmark sets them again from these
        private double bytes;
        private double cpu;
        private double allocated;
        private long lastRecords = -1;
        private long lastCpu;
        private long lastAllocated;

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

        @Setup(Level.Iteration)
        public void measure() throws IOException, AuditUnavailableException {
            long records = trail.recordSync(event); // its seq: every record so far, forced to disk
            bytes = records == 0 ? 0 : (double) Files.size(file) / records;
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long writer = writerThreadId();
            long cpuNow = threads.getThreadCpuTime(writer);
            long allocatedNow = threads.getThreadAllocatedBytes(writer);
            if (lastRecords >= 0 && records > lastRecords) { // over the previous iteration
                cpu = (double) (cpuNow - lastCpu) / (records - lastRecords);
                allocated = (double) (allocatedNow - lastAllocated) / (records - lastRecords);
            }
            lastRecords = records;
            lastCpu = cpuNow;
            lastAllocated = allocatedNow;
        }

        private static long writerThreadId() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("governance-audit-writer")) {
                    return t.getId();
                }
            }
            throw new IllegalStateException("no audit writer thread");
        }
    }

    @Benchmark
    public void record(Trail trail) throws AuditUnavailableException {
        trail.trail.record(trail.event);
        trail.bytesPerRecord = trail.bytes;
        trail.writerCpuNanosPerRecord = trail.cpu;
        trail.writerAllocatedPerRecord = trail.allocated;
    }
}
