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
 * chain, 256 MB segments compressed when closed): records per second one caller sustains against the bounded queue,
 * so past the first iteration the score is the trail's rate. {@code bytesPerRecord}: what a typical statement record
 * costs on disk; the CPU and allocation counters: what every audit thread spends per record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditWriterBenchmark {

    /**
     * The trail, and what is reported next to the score, measured between iterations. One state: JMH's counters
     * need their own state class, and a second state for the trail would be a second instance of it.
     *
     * <p>CPU and allocation count every thread of the trail: the writer, each sink's thread and the housekeeper
     * that compresses closed segments. All of them compete with the application for the cores.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Trail {
        public double bytesPerRecord;
        /** CPU time of every audit thread per record: 1e9 / this is what one free core sustains. */
        public double auditCpuNanosPerRecord;
        /** The part of it on the writer thread (numbering, scrubbing, hand-over to the sinks). */
        public double writerCpuNanosPerRecord;
        /** The part on the sinks' threads (encoding, hash chain, writing the file; the OpenTelemetry sink). */
        public double sinkCpuNanosPerRecord;
        /** The part on the housekeeper's thread (compressing closed segments). */
        public double housekeeperCpuNanosPerRecord;
        /** Bytes every audit thread allocates per record. */
        public double auditAllocatedPerRecord;
        // JMH zeroes the counters before each iteration: the benchmark sets them again from these
        private double bytes;
        private final double[] cpu = new double[AuditThreads.KINDS];
        private double allocated;
        private long firstRecords = -1;
        private final long[] totalCpu = new long[AuditThreads.KINDS];
        private long housekeeperTotal;
        private long totalAllocated;
        private final AuditThreads threads = new AuditThreads();

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

        /**
         * Cumulative from the end of the first warm-up iteration (the code is compiled by then) for the writer and
         * the sinks. The housekeeper compresses a whole closed segment at a time, in the background, and falls
         * behind on a busy machine: the setup waits until every closed segment is compressed and divides the
         * housekeeper's CPU over the trial by the records in the closed segments.
         */
        @Setup(Level.Iteration)
        public void measure() throws IOException, AuditUnavailableException {
            long records = trail.recordSync(event); // its seq: every record so far, forced to disk
            long liveFirstSeq = liveFirstSeq(records);
            bytes = (double) Files.size(file) / (records - liveFirstSeq + 1);
            awaitCompression();
            AuditThreads.Sample sample = threads.sample();
            housekeeperTotal += sample.cpu()[AuditThreads.HOUSEKEEPER];
            if (liveFirstSeq > 1) {
                cpu[AuditThreads.HOUSEKEEPER] = (double) housekeeperTotal / (liveFirstSeq - 1);
            }
            if (firstRecords < 0) {
                firstRecords = records;
                return;
            }
            for (int k : new int[] {AuditThreads.WRITER, AuditThreads.SINK}) {
                totalCpu[k] += sample.cpu()[k];
            }
            totalAllocated += sample.allocated();
            if (records > firstRecords) {
                for (int k : new int[] {AuditThreads.WRITER, AuditThreads.SINK}) {
                    cpu[k] = (double) totalCpu[k] / (records - firstRecords);
                }
                allocated = (double) totalAllocated / (records - firstRecords);
            }
        }

        /** Waits (up to a minute) until no closed segment is left uncompressed. */
        private void awaitCompression() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (System.nanoTime() < deadline) {
                try (var files = Files.list(directory)) {
                    if (files.noneMatch(f -> f.getFileName().toString().matches("governance-audit\\.\\d+\\.jsonl(\\.gz\\.tmp)?"))) {
                        return;
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** The seq of the live file's first record (closed segments hold the ones before it). */
        private long liveFirstSeq(long records) throws IOException {
            try (var lines = Files.lines(file)) {
                String first = lines.findFirst().orElse(null);
                if (first == null) {
                    return records + 1;
                }
                int at = first.indexOf("\"seq\":") + 6;
                int end = at;
                while (end < first.length() && Character.isDigit(first.charAt(end))) {
                    end++;
                }
                return Long.parseLong(first.substring(at, end));
            }
        }
    }

    @Benchmark
    public void record(Trail trail) throws AuditUnavailableException {
        trail.trail.record(trail.event);
        trail.bytesPerRecord = trail.bytes;
        trail.writerCpuNanosPerRecord = trail.cpu[AuditThreads.WRITER];
        trail.sinkCpuNanosPerRecord = trail.cpu[AuditThreads.SINK];
        trail.housekeeperCpuNanosPerRecord = trail.cpu[AuditThreads.HOUSEKEEPER];
        trail.auditCpuNanosPerRecord = trail.cpu[AuditThreads.WRITER] + trail.cpu[AuditThreads.SINK]
                + trail.cpu[AuditThreads.HOUSEKEEPER];
        trail.auditAllocatedPerRecord = trail.allocated;
    }
}
