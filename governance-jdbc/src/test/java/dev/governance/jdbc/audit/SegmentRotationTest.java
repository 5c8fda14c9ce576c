package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.cli.AuditCommand;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation by size and by period under 8 writing threads, retention, compression, and verification across segments. */
class SegmentRotationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int THREADS = 8;
    private static final int PER_THREAD = 400;

    @TempDir
    Path dir;

    @Test
    void bySizeUnderEightThreadsEveryEventOnceInAChainOfSegments() throws Exception {
        Path live = dir.resolve("governance-audit.jsonl");
        JsonlSink sink = new JsonlSink(live, new SegmentPolicy(64 * 1024, null, 0, null, false));
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 64)) {
            Load.hammer(trail, THREADS, PER_THREAD, 0);
            assertTrue(trail.flush());
        }
        AuditFiles.Trail trail = AuditFiles.trail(live);
        assertTrue(trail.closed().size() >= 5, "rotated by size: " + trail.segments());
        for (AuditFiles.Segment s : trail.closed()) {
            assertTrue(s.name().matches("governance-audit\\.\\d{9}\\.jsonl"), s.name());
            assertEquals(s.firstSeq(), firstSeq(s), "named by its first seq");
            // A batch may cross the limit; the next batch goes to a new segment.
            assertTrue(Files.size(s.path()) < 64 * 1024 + 512 * 1024, s.name());
        }
        assertEveryEventOnce(trail);
        AuditVerifier.Result result = AuditVerifier.verify(live);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(THREADS * PER_THREAD, result.lastSeq());
        assertEquals(trail.segments().size(), result.segments());
        assertEquals(0, cli("verify", dir.toString()));
        assertEquals(0, cli("verify", live.toString()));
    }

    @Test
    void byPeriodUnderEightThreads() throws Exception {
        Path live = dir.resolve("period.jsonl");
        JsonlSink sink = new JsonlSink(live, new SegmentPolicy(0, Duration.ofMillis(150), 0, null, false));
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 64)) {
            Load.hammer(trail, THREADS, PER_THREAD, 10); // spread over several periods
            assertTrue(trail.flush());
        }
        AuditFiles.Trail trail = AuditFiles.trail(live);
        assertTrue(trail.closed().size() >= 2, "rotated by period: " + trail.segments());
        for (AuditFiles.Segment s : trail.closed()) {
            List<String> lines = lines(s);
            java.time.Instant first = java.time.Instant.parse(MAPPER.readTree(lines.get(0)).get("ts").asText());
            java.time.Instant last = java.time.Instant.parse(MAPPER.readTree(lines.get(lines.size() - 1)).get("ts").asText());
            assertTrue(Duration.between(first, last).toMillis() < 150 + 1000, "a segment spans about one period");
        }
        assertEveryEventOnce(trail);
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(live).status());
    }

    @Test
    void aQuietTrailClosesItsSegmentOnTimeAndTheChainContinuesInTheNextFile() throws Exception {
        Path live = dir.resolve("quiet.jsonl");
        JsonlSink sink = new JsonlSink(live, new SegmentPolicy(0, Duration.ofMillis(100), 0, null, false));
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.recordSync(Events.connect("a"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // The segment appears (rename) a moment before the new live file is opened.
            while ((AuditFiles.trail(live).closed().isEmpty() || !Files.exists(live)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, AuditFiles.trail(live).closed().size(), "rotated while idle");
            assertEquals(0, Files.size(live));
            assertEquals(2, trail.recordSync(Events.connect("b")));
        }
        List<String> second = Files.readAllLines(live);
        String firstHash = MAPPER.readTree(Files.readAllLines(AuditFiles.segmentPath(live, 1, false)).get(0))
                .get("hash").asText();
        assertEquals(firstHash, MAPPER.readTree(second.get(0)).get("prevHash").asText(),
                "the new segment's first record carries the previous segment's last hash");
    }

    @Test
    void compressedAndRetiredSegmentsStillVerifyAndRead() throws Exception {
        Path live = dir.resolve("gz.jsonl");
        JsonlSink sink = new JsonlSink(live, new SegmentPolicy(16 * 1024, null, 3, null, true));
        long raw;
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 64)) {
            for (int i = 0; i < 600; i++) {
                trail.record(Events.statement("agent-gz", i));
            }
            assertTrue(trail.flush());
            assertTrue(sink.awaitHousekeeping(30_000));
        }
        AuditFiles.Trail trail = AuditFiles.trail(live);
        assertEquals(3, trail.closed().size(), "retain=3: " + trail.segments());
        trail.closed().forEach(s -> assertTrue(s.compressed() && s.name().endsWith(".jsonl.gz"), s.name()));
        assertFalse(trail.retired().isEmpty(), "retired segments are listed");
        AuditFiles.Retired retired = trail.lastRetired();
        assertEquals(retired.lastSeq() + 1, trail.closed().get(0).firstSeq());
        AuditVerifier.Result result = AuditVerifier.verify(live);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(600, result.lastSeq());
        assertEquals(retired.lastSeq() + 1, result.firstSeq());

        // The reader pages across compressed segments and the live file, in seq order.
        AuditReader reader = new AuditReader(trail);
        long next = result.firstSeq();
        long count = 0;
        AuditReader.Page page;
        do {
            page = reader.page(next, 50);
            for (AuditReader.Record r : page.records()) {
                assertEquals(next, r.seq());
                assertEquals(next, MAPPER.readTree(r.json()).get("seq").asLong());
                next++;
                count++;
            }
        } while (page.hasMore());
        assertEquals(600 - retired.lastSeq(), count);
        // Query reads across them too.
        long[] matched = {0};
        new AuditQuery("agent-gz", null, null, null, null).run(trail, m -> matched[0]++);
        assertEquals(count, matched[0]);
    }

    @Test
    void aDeletedSwappedTruncatedOrEditedSegmentIsReportedByName() throws Exception {
        Path live = dir.resolve("t.jsonl");
        JsonlSink sink = new JsonlSink(live, new SegmentPolicy(8 * 1024, null, 0, null, false));
        try (AuditTrail trail = AuditTrail.create(List.of(sink), Settings.OnFailure.FAIL_CLOSED, 16)) {
            for (int i = 0; i < 200; i++) {
                trail.recordSync(Events.statement("agent-t", i));
            }
        }
        List<AuditFiles.Segment> closed = AuditFiles.trail(live).closed();
        assertTrue(closed.size() >= 5, closed.toString());
        Path backup = Files.createDirectory(dir.resolve("backup"));
        for (AuditFiles.Segment s : AuditFiles.trail(live).segments()) {
            Files.copy(s.path(), backup.resolve(s.name()));
        }

        // Deleted middle segment.
        Files.delete(closed.get(2).path());
        assertBroken(live, closed.get(3).name(), "a segment is missing");
        restore(backup);
        // Deleted first segment (not retired).
        Files.delete(closed.get(0).path());
        assertBroken(live, closed.get(1).name(), "missing (not retired");
        restore(backup);
        // Two segments swapped (contents exchanged under the names).
        Path a = closed.get(1).path();
        Path b = closed.get(2).path();
        Path tmp = dir.resolve("swap");
        Files.move(a, tmp);
        Files.move(b, a);
        Files.move(tmp, b);
        assertBroken(live, closed.get(1).name(), "");
        restore(backup);
        // Truncated segment: its last record cut off.
        List<String> lines = Files.readAllLines(closed.get(3).path());
        Files.write(closed.get(3).path(), lines.subList(0, lines.size() - 1));
        assertBroken(live, closed.get(4).name(), "truncated");
        restore(backup);
        // An edited record inside a segment.
        String text = Files.readString(closed.get(1).path());
        Files.writeString(closed.get(1).path(), text.replaceFirst("\"rows\":1", "\"rows\":7"));
        assertBroken(live, closed.get(1).name(), "hash mismatch");
        restore(backup);
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(live).status());

        // A single segment alone verifies; a run of them verifies and its link is checked.
        assertEquals(0, cli("verify", closed.get(2).path().toString()));
        assertEquals(0, cli("verify", closed.get(1).path().toString(), closed.get(2).path().toString()));
        assertEquals(1, cli("verify", closed.get(1).path().toString(), closed.get(3).path().toString()));
    }

    @Test
    void anAnchorPublishedElsewhereDetectsTheNewestRecordsCutOff() throws Exception {
        Path live = dir.resolve("anchor.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(live)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            for (int i = 0; i < 20; i++) {
                trail.recordSync(Events.statement("agent-a", i));
            }
        }
        List<String> lines = Files.readAllLines(live);
        String hash20 = MAPPER.readTree(lines.get(19)).get("hash").asText();
        AuditFiles.Trail trail = AuditFiles.trail(live);
        assertNull(AuditVerifier.checkAnchor(trail, 20, hash20));
        assertEquals(0, cli("verify", live.toString(), "--anchor", "20:" + hash20));
        Files.write(live, lines.subList(0, 17)); // the newest three records cut off: the chain alone still verifies
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(live).status());
        assertTrue(AuditVerifier.checkAnchor(AuditFiles.trail(live), 20, hash20).contains("cut off"));
        assertEquals(1, cli("verify", live.toString(), "--anchor", "20:" + hash20));
    }

    private void restore(Path backup) throws Exception {
        try (Stream<Path> files = Files.list(backup)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, dir.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void assertBroken(Path live, String segment, String reason) throws Exception {
        AuditVerifier.Result r = AuditVerifier.verify(live);
        assertEquals(AuditVerifier.Status.BROKEN, r.status(), r.summary());
        assertEquals(segment, r.file(), r.summary());
        assertTrue(r.reason().contains(reason), r.summary());
        assertTrue(r.summary().contains(segment), r.summary());
        assertEquals(1, cli("verify", live.toString()));
    }

    private static long firstSeq(AuditFiles.Segment s) throws Exception {
        return MAPPER.readTree(lines(s).get(0)).get("seq").asLong();
    }

    private static List<String> lines(AuditFiles.Segment s) throws Exception {
        try (var in = s.open()) {
            return List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static void assertEveryEventOnce(AuditFiles.Trail trail) throws Exception {
        Set<String> seen = new HashSet<>();
        long[] expected = {1};
        new AuditReader(trail).forEachRecord(1, r -> {
            assertEquals(expected[0]++, r.seq(), "in order across segments");
            JsonNode n = MAPPER.readTree(r.json());
            assertTrue(seen.add(n.at("/identity/subject").asText() + "/" + n.get("fingerprint").asText()), "once");
            return true;
        });
        assertEquals(THREADS * PER_THREAD, seen.size());
    }

    private static int cli(String... args) {
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
