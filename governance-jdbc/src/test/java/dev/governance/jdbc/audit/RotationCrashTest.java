package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 of a child JVM that rotates (and compresses) constantly: nothing acknowledged is lost, the chain verifies. */
class RotationCrashTest {
    @TempDir
    Path dir;

    @Test
    void killedDuringRotationLosesNoAcknowledgedRecordAndTheFolderVerifies() throws Exception {
        Path file = dir.resolve("governance-audit.jsonl");
        Set<Long> acked = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            acked.addAll(runAndKill(file, 200 + 150 * round));
            AuditFiles.Trail trail = AuditFiles.trail(file);
            AuditVerifier.Result result = AuditVerifier.verify(trail);
            assertNotEquals(AuditVerifier.Status.BROKEN, result.status(), "round " + round + ": " + result.summary());
            Set<Long> stored = new HashSet<>();
            new AuditReader(trail).forEachRecord(1, r -> stored.add(r.seq()));
            for (long seq : acked) {
                assertTrue(stored.contains(seq), "acknowledged seq " + seq + " is in some segment (round " + round + ")");
            }
            assertTrue(trail.closed().size() >= 3, "it rotated: " + trail.segments());
        }
        // A new trail on the folder continues the chain; afterwards the whole folder verifies intact.
        AuditVerifier.Result before = AuditVerifier.verify(AuditFiles.trail(file));
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file, new SegmentPolicy(4096, null, 0, null, true))),
                Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(before.lastSeq() + 1, trail.recordSync(Events.connect("after-crash")));
        }
        AuditVerifier.Result after = AuditVerifier.verify(AuditFiles.trail(file));
        assertEquals(AuditVerifier.Status.INTACT, after.status(), after.summary());
        assertEquals(1, after.firstSeq());
    }

    private static List<Long> runAndKill(Path file, int acks) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), file.toString(), "rotate")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread[] reader = new Thread[1];
        List<Long> acked = Load.acks(child, reader);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.size() < acks && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the writer was still running when killed");
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        reader[0].join(10_000);
        assertTrue(acked.size() >= acks, "acknowledged " + acked.size());
        return acked;
    }
}
