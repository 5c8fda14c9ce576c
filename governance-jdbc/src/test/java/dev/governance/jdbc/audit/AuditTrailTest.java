package dev.governance.jdbc.audit;

import dev.governance.jdbc.AuditUnavailableException;
import dev.governance.jdbc.SqlStates;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    @TempDir
    Path dir;

    @Test
    void eightThreadsIntoOneFileGiveEveryEventOnceInOneVerifiedChain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 64)) {
            Load.hammer(trail, THREADS, PER_THREAD, 0);
            assertTrue(trail.flush());
        }
        List<JsonNode> records = read(file);
        assertEquals(THREADS * PER_THREAD, records.size());
        boolean[] seen = new boolean[THREADS * PER_THREAD];
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            assertEquals(i + 1, r.get("seq").asLong(), "seq without gaps, in file order");
            assertEquals("statement", r.get("event").asText());
            int t = Integer.parseInt(r.at("/identity/subject").asText().substring("agent-".length()));
            int n = Integer.parseInt(r.get("fingerprint").asText().substring(3));
            assertFalse(seen[t * PER_THREAD + n], "each statement exactly once");
            seen[t * PER_THREAD + n] = true;
        }
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(THREADS * PER_THREAD, result.lastSeq());
    }

    @Test
    void aSlowSinkMakesCallersWaitButLosesNothing() throws Exception {
        FakeSinks.Collecting slow = new FakeSinks.Collecting(2);
        Path file = dir.resolve("slow.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(slow, new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 8)) {
            Load.hammer(trail, THREADS, PER_THREAD, 0);
        }
        assertEquals(THREADS * PER_THREAD, slow.events.size());
        for (int i = 0; i < slow.events.size(); i++) {
            assertEquals(i + 1, slow.events.get(i).seq());
        }
        assertTrue(slow.writes.get() < THREADS * PER_THREAD, "batched while callers waited");
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(file).status());
        assertEquals(THREADS * PER_THREAD, read(file).size());
    }

    @Test
    void aNewTrailOnTheSameFileContinuesTheChain() throws Exception {
        Path file = dir.resolve("restart.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            for (int i = 0; i < 10; i++) {
                trail.record(Events.statement("agent-0", i));
            }
        }
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(11, trail.recordSync(Events.connect("bob")));
            trail.record(Events.statement("agent-0", 11));
        }
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(12, result.lastSeq());
    }

    @Test
    void recordSyncReturnsOnlyOnceTheEventIsInTheFile() throws Exception {
        Path file = dir.resolve("sync.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            for (int i = 1; i <= 20; i++) {
                long seq = trail.recordSync(Events.statement("agent-1", i));
                assertEquals(i, seq);
                List<JsonNode> records = read(file);
                assertEquals(i, records.get(records.size() - 1).get("seq").asLong());
            }
        }
    }

    @Test
    void failClosedUnwritableFileRefusesWithVg010() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("audit.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertFalse(trail.healthy());
            AuditUnavailableException checked = assertThrows(AuditUnavailableException.class, trail::checkAvailable);
            assertEquals(SqlStates.AUDIT_UNAVAILABLE, checked.getSQLState());
            assertEquals("VG010", assertThrows(AuditUnavailableException.class,
                    () -> trail.record(Events.statement("agent-2", 1))).getSQLState());
            assertEquals("VG010", assertThrows(AuditUnavailableException.class,
                    () -> trail.recordSync(Events.statement("agent-2", 2))).getSQLState());
            assertTrue(trail.failure().contains("audit.jsonl"), trail.failure());
        }
    }

    @Test
    void failClosedSinkThatStartsThrowingRefusesSyncRecordsAndRecovers() throws Exception {
        FakeSinks.Collecting sink = new FakeSinks.Collecting(0);
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(1, trail.recordSync(Events.statement("agent-3", 1)));
            sink.broken.set(true);
            assertThrows(AuditUnavailableException.class, () -> trail.recordSync(Events.statement("agent-3", 2)));
            assertFalse(trail.healthy());
            assertThrows(AuditUnavailableException.class, trail::checkAvailable);
            assertThrows(AuditUnavailableException.class, () -> trail.record(Events.statement("agent-3", 3)));
            sink.broken.set(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!trail.healthy() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(trail.healthy(), "retried after back-off");
            trail.checkAvailable();
            assertEquals(4, trail.recordSync(Events.statement("agent-3", 4)));
        }
        // Events accepted while failing were kept and written in order once the sink recovered.
        List<Long> seqs = new ArrayList<>();
        sink.events.forEach(e -> seqs.add(e.seq()));
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs);
    }

    @Test
    void failOpenNeverThrows() throws Exception {
        FakeSinks.Collecting sink = new FakeSinks.Collecting(0);
        sink.broken.set(true);
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_OPEN, 16)) {
            assertFalse(trail.healthy());
            trail.checkAvailable();
            trail.record(Events.statement("agent-4", 1));
            long seq = trail.recordSync(Events.statement("agent-4", 2));
            assertEquals(2, seq);
            assertFalse(trail.flush());
        }
        assertTrue(sink.events.isEmpty());
    }

    @Test
    void failOpenOverflowWritesAGapRecordThatVerifies() throws Exception {
        Path file = dir.resolve("gap.jsonl");
        FakeSinks.Collecting flaky = new FakeSinks.Collecting(0);
        // A JSONL sink that fails while `flaky` is broken, so we control the outage.
        AuditSink failingFile = new AuditSink() {
            final JsonlSink real = new JsonlSink(file);

            public String name() { return real.name(); }
            public long open() throws Exception { flaky.open(); return real.open(); }
            public void write(List<SequencedEvent> b, boolean d) throws Exception {
                if (flaky.broken.get()) {
                    throw new java.io.IOException("disk full");
                }
                real.write(b, d);
            }
            public void close() throws java.io.IOException { real.close(); }
        };
        int total = SinkState.MAX_BACKLOG + 50;
        try (AuditTrail trail = AuditTrail.create(List.of(failingFile), Settings.OnFailure.FAIL_OPEN, 64)) {
            trail.recordSync(Events.statement("agent-5", 0));
            flaky.broken.set(true);
            for (int i = 1; i <= total; i++) {
                trail.record(Events.statement("agent-5", i));
            }
            assertFalse(trail.flush(), "every event reached the writer while the sink was failing");
            flaky.broken.set(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(trail.flush() && trail.healthy()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(trail.healthy());
            assertEquals(total + 2, trail.recordSync(Events.statement("agent-5", total + 1)));
        }
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(1, result.gaps());
        assertEquals(50, result.lost());
        assertEquals(total + 2, result.lastSeq());
    }

    @Test
    void aSecondWriterOnTheSameFileIsRefusedUntilTheFirstCloses() throws Exception {
        Path file = dir.resolve("locked.jsonl");
        AuditTrail first = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16);
        try (AuditTrail second = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(1, first.recordSync(Events.connect("first")));
            assertFalse(second.healthy());
            assertTrue(second.failure().contains("already written"), second.failure());
            first.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!second.healthy() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(second.healthy(), "took the file over once it was free");
            assertEquals(2, second.recordSync(Events.connect("second")));
        }
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(file).status());
    }

    @Test
    void sharedPerDistinctSinksAndClosable() throws Exception {
        String sink = "jsonl:" + dir.resolve("shared.jsonl");
        var closed = new Settings.AuditSettings(List.of(sink), Settings.OnFailure.FAIL_CLOSED, false);
        var open = new Settings.AuditSettings(List.of(sink), Settings.OnFailure.FAIL_OPEN, true);
        AuditTrail a = AuditTrail.of(closed);
        AuditTrail b = AuditTrail.of(open);
        AuditTrail c = AuditTrail.of(new Settings.AuditSettings(List.of("jsonl:" + dir.resolve("other.jsonl")),
                Settings.OnFailure.FAIL_CLOSED, false));
        try {
            assertSame(a.writer(), b.writer(), "one writer per file whatever the on-failure mode");
            assertNotSame(a.writer(), c.writer());
            assertEquals(Settings.OnFailure.FAIL_OPEN, b.onFailure());
            a.record(Events.connect("x"));
            b.close(); // a shared trail is the registry's: closing one view closes nothing
            b.record(Events.connect("y"));
        } finally {
            AuditTrails.closeAll();
        }
        assertEquals(2, read(dir.resolve("shared.jsonl")).size());
        assertThrows(AuditUnavailableException.class, () -> a.record(Events.connect("z")));
        AuditTrail again = AuditTrail.of(closed);
        try {
            assertNotSame(a.writer(), again.writer(), "a closed trail is replaced on next use");
            assertEquals(3, again.recordSync(Events.connect("z")));
        } finally {
            AuditTrails.closeAll();
        }
    }

    static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(MAPPER.readTree(line));
        }
        return out;
    }
}
