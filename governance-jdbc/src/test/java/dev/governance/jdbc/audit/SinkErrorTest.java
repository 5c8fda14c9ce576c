package dev.governance.jdbc.audit;

import dev.governance.jdbc.AuditUnavailableException;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sink that throws Errors (not Exceptions) silences no other sink, never kills the writer, and fails closed. */
class SinkErrorTest {
    @TempDir
    Path dir;

    /** Throws whatever {@link #error} holds, from open and write. */
    static final class Throwing implements AuditSink {
        final AtomicReference<Error> error = new AtomicReference<>();
        int written;

        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public long open() {
            throwIfSet();
            return 0;
        }

        @Override
        public void write(List<SequencedEvent> batch, boolean durable) {
            throwIfSet();
            written += batch.size();
        }

        private void throwIfSet() {
            Error e = error.get();
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anErrorInOneSinkKeepsEveryRecordInTheFileRefusesWithVg010AndRecovers() throws Exception {
        Throwing throwing = new Throwing();
        Path file = dir.resolve("audit.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(throwing, new JsonlSink(file)),
                Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.recordSync(Events.statement("agent-1", 1));
            throwing.error.set(new NoSuchMethodError("io.opentelemetry.api.GlobalOpenTelemetry.isSet()"));
            AuditUnavailableException refused = assertThrows(AuditUnavailableException.class,
                    () -> trail.recordSync(Events.statement("agent-1", 2)));
            assertEquals("VG010", refused.getSQLState());
            assertTrue(refused.getMessage().contains("NoSuchMethodError"), refused.getMessage());
            assertFalse(trail.healthy());
            assertEquals("VG010", assertThrows(AuditUnavailableException.class, trail::checkAvailable).getSQLState());
            assertEquals("VG010", assertThrows(AuditUnavailableException.class,
                    () -> trail.record(Events.statement("agent-1", 3))).getSQLState());
            // The file got every event although the sink before it threw.
            assertTrue(trail.writer().writerAlive(), "the writer thread survives an Error");
            awaitLines(file, 3);
            throwing.error.set(new OutOfMemoryError("simulated"));
            // Refused (still failing), yet kept: the gate records a refusal, and it must reach the file.
            assertThrows(AuditUnavailableException.class, () -> trail.record(Events.statement("agent-1", 4)));
            awaitLines(file, 4);
            throwing.error.set(null);
            awaitHealthy(trail);
            trail.checkAvailable();
            assertEquals(5, trail.recordSync(Events.statement("agent-1", 5)));
        }
        assertEquals(5, throwing.written, "the backlog was handed over once the sink worked again");
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(5, result.lastSeq());
    }

    @Test
    void aSinkThatCannotBeBuiltStandsInAsFailingAndTheOthersWrite() throws Exception {
        Path file = dir.resolve("built.jsonl");
        AuditSink broken = new UnavailableSink("jdbc:broken", new ExceptionInInitializerError("no driver"), false);
        try (AuditTrail trail = AuditTrail.create(List.of(broken, new JsonlSink(file)),
                Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertFalse(trail.healthy());
            assertEquals("VG010", assertThrows(AuditUnavailableException.class, trail::checkAvailable).getSQLState());
            assertThrows(AuditUnavailableException.class, () -> trail.record(Events.statement("agent-2", 1)));
            awaitLines(file, 1);
        }
    }

    @Test
    void aDisabledSinkIsReportedAndDoesNotStopTheTrailWhileAnotherWrites() throws Exception {
        Path file = dir.resolve("disabled.jsonl");
        AuditSink otel = new UnavailableSink("otel", new NoClassDefFoundError("io/opentelemetry/api/logs/Logger"), true);
        try (AuditTrail trail = AuditTrail.create(List.of(otel, new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertTrue(trail.healthy());
            assertNull(trail.failure());
            assertEquals(1, trail.disabledSinks().size());
            assertTrue(trail.disabledSinks().get(0).contains("NoClassDefFoundError"), trail.disabledSinks().toString());
            assertEquals(1, trail.recordSync(Events.statement("agent-3", 1)));
        }
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(file).status());
    }

    @Test
    void whenEverySinkIsDisabledTheTrailCannotBeWrittenAndRefuses() throws Exception {
        AuditSink otel = new UnavailableSink("otel", new NoSuchMethodError("isSet"), true);
        try (AuditTrail trail = AuditTrail.create(List.of(otel), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertFalse(trail.healthy());
            assertTrue(trail.failure().contains("every audit sink is disabled"), trail.failure());
            assertEquals("VG010", assertThrows(AuditUnavailableException.class, trail::checkAvailable).getSQLState());
        }
    }

    private static void awaitLines(Path file, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (java.nio.file.Files.exists(file) && java.nio.file.Files.readAllLines(file).size() >= n) {
                return;
            }
            Thread.sleep(10);
        }
        assertEquals(n, java.nio.file.Files.readAllLines(file).size(), "records in the file");
    }

    private static void awaitHealthy(AuditTrail trail) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!trail.healthy() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(trail.healthy(), "recovered once the sink stopped throwing: " + trail.failure());
    }
}
