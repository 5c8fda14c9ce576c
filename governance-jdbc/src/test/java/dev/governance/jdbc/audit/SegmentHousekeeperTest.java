package dev.governance.jdbc.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compressing one closed segment: the same bytes come back, in place of the plain file, with its time. */
class SegmentHousekeeperTest {
    @TempDir
    Path dir;

    @Test
    void aSegmentOfSeveralChunksCompressesToTheSameBytesAndReplacesThePlainFile() throws Exception {
        Path plain = dir.resolve("governance-audit.000000001.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; lines.length() < 3 * (1 << 20) + 12_345; i++) { // more than one read chunk, and a partial one
            lines.append("{\"seq\":").append(i).append(",\"sql\":\"SELECT ").append(i * 7919L % 100_003)
                    .append(" FROM orders\"}\n");
        }
        byte[] original = lines.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(plain, original);
        FileTime written = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(plain, written);

        SegmentHousekeeper.compress(plain);

        Path gz = dir.resolve("governance-audit.000000001.jsonl.gz");
        assertFalse(Files.exists(plain), "the plain file is gone once the .gz is in place");
        assertFalse(Files.exists(dir.resolve("governance-audit.000000001.jsonl.gz.tmp")));
        assertEquals(written, Files.getLastModifiedTime(gz), "retention by age keeps the segment's own time");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertArrayEquals(original, in.readAllBytes());
        }
        assertTrue(Files.size(gz) * 4 < original.length, "compressed: " + Files.size(gz) + " of " + original.length);
    }
}
