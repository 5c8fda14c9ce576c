package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditVerifierTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void tenRecords() throws Exception {
        file = dir.resolve("audit.jsonl");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.record(Events.connect("agent-1"));
            for (int i = 2; i <= 10; i++) {
                trail.record(Events.statement("agent-1", i));
            }
        }
        AuditVerifier.Result intact = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, intact.status(), intact.summary());
        assertEquals(10, intact.records());
        assertEquals(10, intact.lastSeq());
    }

    @Test
    void editingOneCharacterBreaksAtThatSeq() throws Exception {
        List<String> lines = lines();
        String original = lines.get(4);
        lines.set(4, original.replace("SET status", "SET statuz"));
        assertEquals(original.length(), lines.get(4).length());
        assertNotEquals(original, lines.get(4), "the edit changed something");
        write(lines);
        assertBroken(5, "hash mismatch");
    }

    @Test
    void editingTheHashBreaksAtThatSeq() throws Exception {
        List<String> lines = lines();
        String line = lines.get(6);
        char last = line.charAt(line.length() - 3);
        lines.set(6, line.substring(0, line.length() - 3) + (last == 'a' ? 'b' : 'a') + line.substring(line.length() - 2));
        write(lines);
        assertBroken(7, "hash mismatch");
    }

    @Test
    void deletingALineBreaksAtTheMissingSeq() throws Exception {
        List<String> lines = lines();
        lines.remove(4);
        write(lines);
        assertBroken(5, "expected seq 5, found seq 6");
    }

    @Test
    void deletingTheFirstLineIsDetected() throws Exception {
        List<String> lines = lines();
        lines.remove(0);
        write(lines);
        assertBroken(1, "expected seq 1");
    }

    @Test
    void insertingALineBreaksWhereItWasInserted() throws Exception {
        List<String> lines = lines();
        lines.add(5, lines.get(2));
        write(lines);
        assertBroken(6, "expected seq 6, found seq 3");
    }

    @Test
    void insertingAWellFormedForgeryIsDetectedAtTheNextRecord() throws Exception {
        List<String> lines = lines();
        // Forge seq 6 chained to seq 5 with a correct hash; the original seq 6 no longer follows it.
        String prev = lines.get(4).substring(lines.get(4).length() - 66, lines.get(4).length() - 2);
        String canonical = "{\"seq\":6,\"ts\":\"2026-11-25T03:00:00.000000Z\",\"event\":\"close\",\"prevHash\":\"" + prev + "\"}";
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
        String hash = new HashChain().hash(prev, bytes, bytes.length);
        lines.add(5, canonical.substring(0, canonical.length() - 1) + ",\"hash\":\"" + hash + "\"}");
        write(lines);
        assertBroken(7, "expected seq 7, found seq 6");
    }

    @Test
    void swappingTwoLinesBreaksAtTheFirst() throws Exception {
        List<String> lines = lines();
        String a = lines.get(3);
        lines.set(3, lines.get(4));
        lines.set(4, a);
        write(lines);
        assertBroken(4, "expected seq 4, found seq 5");
    }

    @Test
    void aTornLastLineIsNotTampering() throws Exception {
        String last = lines().get(9);
        // What a crash leaves: the start of a record, no newline.
        Files.writeString(file, last.substring(0, last.length() / 2), StandardOpenOption.APPEND);
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.TORN_TAIL, result.status(), result.summary());
        assertEquals(10, result.lastSeq());
        assertTrue(result.summary().startsWith("torn last line (crash), chain intact up to seq 10"), result.summary());
    }

    @Test
    void aBrokenLineWithANewlineAtTheEndIsTampering() throws Exception {
        String last = lines().get(9);
        Files.writeString(file, last.substring(0, last.length() / 2) + "\n", StandardOpenOption.APPEND);
        assertBroken(11, "not a chained audit record");
    }

    @Test
    void theNextTrailCutsATornLineOffAndContinues() throws Exception {
        String torn = "{\"seq\":11,\"ts\":\"2026-11-25T03:00:00";
        Files.writeString(file, torn, StandardOpenOption.APPEND);
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(11, trail.recordSync(Events.connect("agent-2")));
        }
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(11, result.lastSeq());
        assertEquals(torn + "\n", Files.readString(Path.of(file + ".torn")), "torn bytes kept for inspection");
    }

    @Test
    void recordsHoldTheContractFieldsAndNoCredentials() throws Exception {
        String line = lines().get(1);
        assertTrue(line.startsWith("{\"seq\":2,\"ts\":\""), line);
        assertTrue(line.matches(".*\"ts\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\".*"), line);
        for (String field : new String[] {"\"event\":\"statement\"", "\"connectionId\":", "\"identity\":{\"subject\":",
                "\"kind\":\"agent\"", "\"groups\":[\"ops\"]", "\"verified\":true", "\"onBehalfOf\":\"alice\"",
                "\"environment\":\"production\"", "\"database\":{\"product\":\"PostgreSQL\"",
                "\"url\":\"jdbc:postgresql://db/app\"", "\"sql\":\"UPDATE orders SET status = ? WHERE id = ?\"",
                "\"fingerprint\":", "\"type\":\"UPDATE\"",
                "\"tables\":{\"read\":[\"public.orders\"],\"written\":[\"public.orders\"]}",
                "\"columns\":[\"public.orders.status\"]", "\"decision\":{\"action\":\"allow\",\"rules\":[],\"mode\":\"enforce\"}",
                "\"masked\":[]", "\"rows\":1", "\"durationMicros\":812", "\"error\":null", "\"prevHash\":\"", "\"hash\":\""}) {
            assertTrue(line.contains(field), field + " in " + line);
        }
        String all = Files.readString(file);
        assertTrue(!all.contains("hunter2") && !all.contains("secret") && !all.contains("password"), all);
    }

    private void assertBroken(long seq, String reason) throws Exception {
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.BROKEN, result.status(), result.summary());
        assertEquals(seq, result.firstBadSeq(), result.summary());
        assertTrue(result.reason().contains(reason), result.summary());
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file));
    }

    private void write(List<String> lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
