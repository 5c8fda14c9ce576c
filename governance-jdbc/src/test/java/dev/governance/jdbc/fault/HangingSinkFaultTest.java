package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.AuditUnavailableException;
import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.audit.AuditSink;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.EventType;
import dev.governance.jdbc.audit.JsonlSink;
import dev.governance.jdbc.audit.SequencedEvent;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sink that hangs (blocks in {@code write} until released) next to a JSONL file: a caller waiting for a durable
 * record gets VG010 once the sink's call bound passes, every later caller at once, none is held by the full queue
 * (ten times its capacity is recorded meanwhile), the file keeps getting every event, and when the sink answers again
 * it is caught up — each event exactly once, in order — and the trail is healthy.
 */
class HangingSinkFaultTest {
    private static final int CAPACITY = 16;

    @TempDir
    Path dir;

    /** Collects what it is given; while {@link #hang} is set, a write blocks until it is released. */
    static final class HangingSink implements AuditSink {
        final List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch hang;
        final CountDownLatch hung = new CountDownLatch(1);

        @Override
        public String name() {
            return "hanging";
        }

        @Override
        public long open() {
            return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
        }

        @Override
        public void write(List<SequencedEvent> batch, boolean durable) throws InterruptedException {
            CountDownLatch gate = hang;
            if (gate != null) {
                hung.countDown();
                gate.await();
            }
            for (SequencedEvent e : batch) {
                seqs.add(e.seq());
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aHangingSinkRefusesWithVg010HoldsNoCallerAndIsCaughtUpWhenItAnswers() throws Exception {
        HangingSink hanging = new HangingSink();
        Path file = dir.resolve("audit.jsonl");
        int events = 0;
        try (AuditTrail trail = AuditTrail.create(List.of(hanging, new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED,
                CAPACITY, Duration.ofMillis(300))) {
            assertEquals(1, trail.recordSync(event(++events)));

            CountDownLatch release = new CountDownLatch(1);
            hanging.hang = release;
            AuditUnavailableException late = assertThrows(AuditUnavailableException.class,
                    () -> trail.recordSync(event(2)));
            events++;
            assertEquals("VG010", late.getSQLState());
            assertTrue(late.getMessage().contains("hanging") && late.getMessage().contains("did not answer"),
                    late.getMessage());
            assertTrue(hanging.hung.await(0, TimeUnit.SECONDS), "the sink is stuck in write");
            assertFalse(trail.healthy());
            assertEquals("VG010", assertThrows(AuditUnavailableException.class, trail::checkAvailable).getSQLState());
            for (int i = 0; i < CAPACITY * 10; i++) { // far more than the queue holds: nobody waits for the stuck sink
                assertThrows(AuditUnavailableException.class, () -> trail.record(event(0)), "refused, and kept");
                events++;
            }
            awaitLines(file, events); // the other sink got every event while this one hung

            release.countDown();
            hanging.hang = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!trail.healthy() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(trail.healthy(), "answered again: caught up and healthy: " + trail.failure());
            trail.checkAvailable();
            assertEquals(events + 1, trail.recordSync(event(++events)));
        }
        List<Long> expected = new ArrayList<>();
        for (long seq = 1; seq <= events; seq++) {
            expected.add(seq);
        }
        assertEquals(expected, hanging.seqs, "every event once, in order: the call that hung counted when it returned");
        List<JsonNode> trail = FaultTrail.read(file);
        assertEquals(events, trail.size());
        assertEquals(events, trail.get(trail.size() - 1).path("seq").asLong());
    }

    private static AuditEvent event(int n) {
        return AuditEvent.builder(EventType.STATEMENT).connectionId("hang-" + n).sql("SELECT ?").build();
    }

    private static void awaitLines(Path file, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= n) {
                return;
            }
            Thread.sleep(20);
        }
        assertEquals(n, Files.readAllLines(file).size(), "records in the file");
    }
}
