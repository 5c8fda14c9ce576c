package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes on disk per statement record, plain and in compressed closed segments (docs/benchmarks.md). */
class AuditVolumeTest {
    private static final int RECORDS = 20_000;

    @TempDir
    Path dir;

    @Test
    void closedSegmentsAreSeveralTimesSmallerAndStillVerify() throws Exception {
        Path live = dir.resolve("volume.jsonl");
        JsonlSink sink = new JsonlSink(live, new SegmentPolicy(1024 * 1024, null, 0, null, true));
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 512)) {
            for (int i = 0; i < RECORDS; i++) {
                // A mix of statement shapes, as an application repeats its queries with other values.
                trail.record(Events.statement("agent-" + (i % 7), i % 50));
            }
            assertTrue(trail.flush());
            assertTrue(sink.awaitHousekeeping(60_000));
        }
        AuditFiles.Trail trail = AuditFiles.trail(live);
        long plainBytes = 0;
        long compressedBytes = 0;
        long compressedRecords = 0;
        for (AuditFiles.Segment s : trail.closed()) {
            assertTrue(s.compressed(), s.name());
            compressedBytes += Files.size(s.path());
            try (var in = s.open()) {
                byte[] bytes = in.readAllBytes();
                plainBytes += bytes.length;
                for (byte b : bytes) {
                    compressedRecords += b == '\n' ? 1 : 0;
                }
            }
        }
        double plainPerRecord = (double) plainBytes / compressedRecords;
        double compressedPerRecord = (double) compressedBytes / compressedRecords;
        System.out.printf("audit volume: %d records in %d closed segments: %.0f bytes/record plain, %.0f compressed (%.1fx)%n",
                compressedRecords, trail.closed().size(), plainPerRecord, compressedPerRecord,
                plainPerRecord / compressedPerRecord);
        assertTrue(compressedPerRecord * 4 < plainPerRecord, "compressed segments are at least 4x smaller");
        AuditVerifier.Result result = AuditVerifier.verify(live);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(RECORDS, result.lastSeq());
    }
}
