package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the writer hands batches to its sinks: every sink's call is started before the writer waits for any, each
 * sink still gets every event once and in order, a durable batch is written and flushed in that one call before
 * its acknowledgement, and a writer that fell behind takes everything waiting as one batch.
 */
class SinkDeliveryTest {

    /** Logs its calls ("write durable 1-3", "flush"); {@link #gate}, when set, holds a write until opened. */
    static final class Logging implements AuditSink {
        final String name;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate;
        volatile CountDownLatch entered = new CountDownLatch(1);
        /** Counted down by each write: another sink can wait for this one to be called. */
        volatile CountDownLatch wrote;

        Logging(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long open() {
            return 0;
        }

        @Override
        public void write(List<SequencedEvent> batch, boolean durable) throws Exception {
            entered.countDown();
            CountDownLatch g = gate;
            if (g != null && !g.await(60, TimeUnit.SECONDS)) {
                throw new java.io.IOException("the gate never opened");
            }
            for (SequencedEvent e : batch) {
                seqs.add(e.seq());
            }
            batchSizes.add(batch.size());
            calls.add("write " + (durable ? "durable " : "") + batch.get(0).seq() + "-" + batch.get(batch.size() - 1).seq());
            CountDownLatch w = wrote;
            if (w != null) {
                w.countDown();
            }
        }

        @Override
        public void flush() {
            calls.add("flush");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void everySinksCallStartsBeforeTheWriterWaitsForAny() throws Exception {
        Logging first = new Logging("first");
        Logging second = new Logging("second");
        try (AuditTrail trail = AuditTrail.create(List.of(first, second), Settings.OnFailure.FAIL_CLOSED, 64,
                Duration.ofSeconds(30))) {
            assertEquals(1, trail.recordSync(Events.statement("a", 1)));
            // The first sink's write waits until the second sink has written the same batch: handed over one sink
            // after the other, the first would hang past its bound and the trail would refuse.
            CountDownLatch secondWrote = new CountDownLatch(1);
            second.wrote = secondWrote;
            first.gate = secondWrote;
            assertEquals(2, trail.recordSync(Events.statement("a", 2)));
            assertTrue(trail.healthy(), String.valueOf(trail.failure()));
            first.gate = null;
        }
        assertEquals(List.of(1L, 2L), first.seqs);
        assertEquals(List.of(1L, 2L), second.seqs);
    }

    @Test
    void eachSinkGetsEveryEventOnceInOrderFromEightThreads() throws Exception {
        Logging first = new Logging("first");
        Logging second = new Logging("second");
        FakeSinks.Collecting slow = new FakeSinks.Collecting(1);
        try (AuditTrail trail = AuditTrail.create(List.of(first, slow, second), Settings.OnFailure.FAIL_CLOSED, 64)) {
            Load.hammer(trail, 8, 500, 0);
            assertTrue(trail.flush());
        }
        List<Long> expected = new ArrayList<>();
        for (long seq = 1; seq <= 8 * 500; seq++) {
            expected.add(seq);
        }
        assertEquals(expected, first.seqs);
        assertEquals(expected, second.seqs);
        assertEquals(expected, slow.events.stream().map(SequencedEvent::seq).toList());
    }

    @Test
    void aDurableBatchIsWrittenDurablyAndFlushedBeforeItsAcknowledgement() throws Exception {
        Logging sink = new Logging("log");
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 64)) {
            long seq = trail.recordSync(Events.statement("a", 1));
            List<String> calls = List.copyOf(sink.calls);
            assertEquals(List.of("write durable " + seq + "-" + seq, "flush"), calls,
                    "forced and flushed before recordSync returned");
            trail.record(Events.statement("a", 2));
            assertTrue(trail.flush());
            List<String> after = List.copyOf(sink.calls);
            assertEquals("flush", after.get(after.size() - 1), "a flush request flushes before it is answered");
            assertTrue(after.contains("write 2-2") || after.contains("write durable 2-2"), after.toString());
        }
    }

    @Test
    void aWriterThatFellBehindTakesEverythingWaitingAsOneBatch() throws Exception {
        Logging sink = new Logging("log");
        int capacity = 4096;
        int waiting = 3000; // more than the 512 a batch held before
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, capacity)) {
            CountDownLatch release = new CountDownLatch(1);
            sink.gate = release;
            trail.record(Events.statement("a", 0));
            assertTrue(sink.entered.await(60, TimeUnit.SECONDS), "the first batch is in the sink's write");
            for (int n = 1; n <= waiting; n++) {
                trail.record(Events.statement("a", n)); // queued: the writer is busy with the first batch
            }
            release.countDown();
            sink.gate = null;
            assertTrue(trail.flush());
        }
        assertEquals(List.of(1, waiting), sink.batchSizes);
        assertEquals(waiting + 1, sink.seqs.size());
    }
}
