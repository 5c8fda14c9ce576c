package dev.governance.jdbc.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.config.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Intents (agents' writes) ride a group commit: every intent waiting when the writer takes a batch is made
 * durable by that batch's one force, and no caller is released before a durable write that holds its event.
 * Counted, not timed.
 */
class GroupCommitTest {
    private static final int THREADS = 16;
    private static final int PER_THREAD = 50;

    /** Records which events each durable write made durable, and how many durable writes there were. */
    private static final class ForcingSink implements AuditSink {
        final Set<Long> durable = Collections.synchronizedSet(new HashSet<>());
        final AtomicInteger forces = new AtomicInteger();

        @Override
        public String name() {
            return "forcing";
        }

        @Override
        public long open() {
            return 0;
        }

        @Override
        public void write(List<SequencedEvent> batch, boolean forced) throws InterruptedException {
            if (forced) {
                Thread.sleep(2); // what a force costs on a disk: callers pile up meanwhile
                forces.incrementAndGet();
                for (SequencedEvent s : batch) {
                    durable.add(s.seq());
                }
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void concurrentIntentsShareForcesAndEachIsDurableWhenItsCallerGoesOn() throws Exception {
        ForcingSink sink = new ForcingSink();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger notYetDurable = new AtomicInteger();
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 1024)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < PER_THREAD; i++) {
                            long seq = trail.recordSync(Events.statement("agent-" + thread, i));
                            if (!sink.durable.contains(seq)) {
                                notYetDurable.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                worker.start();
                threads.add(worker);
            }
            start.countDown();
            for (Thread worker : threads) {
                worker.join();
            }
        }
        assertEquals(null, failure.get());
        int intents = THREADS * PER_THREAD;
        assertEquals(intents, sink.durable.size(), "every intent made durable");
        assertEquals(0, notYetDurable.get(), "no caller released before its intent was durable");
        assertTrue(sink.forces.get() < intents / 2,
                "waiting intents share one force per batch: " + sink.forces.get() + " forces for " + intents + " intents");
    }
}
