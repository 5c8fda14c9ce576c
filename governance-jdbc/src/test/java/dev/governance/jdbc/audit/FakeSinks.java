package dev.governance.jdbc.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Test sinks: one that collects, slowly if asked; one that throws while told to. */
final class FakeSinks {
    private FakeSinks() {
    }

    static final class Collecting implements AuditSink {
        final List<SequencedEvent> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean broken = new AtomicBoolean();
        final AtomicInteger writes = new AtomicInteger();
        final List<ChainAnchor> anchors = Collections.synchronizedList(new ArrayList<>());
        private final long delayMillis;

        Collecting(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public String name() {
            return "collecting";
        }

        @Override
        public long open() throws Exception {
            if (broken.get()) {
                throw new java.io.IOException("sink is broken");
            }
            return 0;
        }

        @Override
        public void write(List<SequencedEvent> batch, boolean durable) throws Exception {
            writes.incrementAndGet();
            if (broken.get()) {
                throw new java.io.IOException("sink is broken");
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            events.addAll(batch);
        }

        @Override
        public void anchor(ChainAnchor anchor) {
            anchors.add(anchor);
        }

        @Override
        public void close() {
        }
    }
}
