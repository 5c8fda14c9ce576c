package dev.governance.jdbc.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a JSONL trail: every line is a chained record, {@code seq} runs 1, 2, 3… (a {@code gap} record
 * stands for the seqs it names), each {@code prevHash} is the previous {@code hash}, and each {@code hash} is
 * right. The first failure is reported as the seq expected at that place, so an edit, a deletion, an
 * insertion and a swap all point at the first record that is no longer where the chain says it should be.
 *
 * <p>A last line without its newline is a write torn by a crash, not tampering: the result is
 * {@link Status#TORN_TAIL}, with the chain intact up to the last whole record.
 */
public final class AuditVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Status {
        /** Every record chains. */
        INTACT,
        /** Every whole record chains; the last line is a torn write (crash) without a newline. */
        TORN_TAIL,
        /** The chain is broken at {@code firstBadSeq}: edited, deleted, inserted or reordered records. */
        BROKEN
    }

    /**
     * @param records      whole records that chain
     * @param lastSeq      seq of the last record that chains (0 when none)
     * @param lastHash     its hash (the genesis when none): anchor it elsewhere to detect tail truncation
     * @param firstBadSeq  the seq expected where the chain breaks, or -1
     * @param badLine      1-based line of that place, or -1
     * @param gaps         gap records (events a sink lost while failing, fail-open)
     * @param lost         events those gaps stand for
     */
    public record Result(Status status, long records, long lastSeq, String lastHash, long firstBadSeq, long badLine,
                         String reason, long gaps, long lost) {

        public String summary() {
            String gapText = gaps == 0 ? "" : "; " + gaps + " declared gap(s), " + lost + " event(s) lost by a failing sink";
            return switch (status) {
                case INTACT -> records == 0 ? "intact: empty trail" : "intact: " + records + " records, seq 1.." + lastSeq + ", last hash " + lastHash + gapText;
                case TORN_TAIL -> "torn last line (crash), chain intact up to seq " + lastSeq + " (" + records
                        + " records, last hash " + lastHash + ")" + gapText + "; " + reason;
                case BROKEN -> "BROKEN at seq " + firstBadSeq + " (line " + badLine + "): " + reason
                        + "; chain intact up to seq " + lastSeq;
            };
        }
    }

    private AuditVerifier() {
    }

    public static Result verify(Path file) throws IOException {
        HashChain chain = new HashChain();
        long records = 0;
        long lastSeq = 0;
        String lastHash = HashChain.GENESIS;
        long gaps = 0;
        long lost = 0;
        long lineNo = 0;
        try (LineReader reader = new LineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (reader.next()) {
                lineNo++;
                long expected = lastSeq + 1;
                byte[] bytes = reader.bytes();
                int length = reader.length();
                String problem = null;
                JsonNode node = null;
                HashChain.Split split = HashChain.split(bytes, 0, length);
                if (split == null) {
                    problem = "not a chained audit record (no trailing \"hash\")";
                } else {
                    try {
                        node = MAPPER.readTree(split.canonical());
                        if (node == null || !node.isObject()) {
                            problem = "not a JSON object";
                        }
                    } catch (IOException e) {
                        problem = "not valid JSON";
                    }
                }
                if (problem == null) {
                    problem = check(node, expected, lastHash, chain, split);
                }
                if (problem != null) {
                    if (!reader.terminated()) {
                        return new Result(Status.TORN_TAIL, records, lastSeq, lastHash, -1, -1,
                                "line " + lineNo + " has no newline and is not a whole record: " + problem
                                        + "; the next start of the trail cuts it off", gaps, lost);
                    }
                    return new Result(Status.BROKEN, records, lastSeq, lastHash, expected, lineNo, problem, gaps, lost);
                }
                if (!reader.terminated()) {
                    // A whole record without its newline: the write was cut between the two; never acknowledged.
                    return new Result(Status.TORN_TAIL, records, lastSeq, lastHash, -1, -1,
                            "line " + lineNo + " is a whole record without its newline", gaps, lost);
                }
                JsonNode gap = node.get("gap");
                if ("gap".equals(node.path("event").asText()) && gap != null) {
                    gaps++;
                    lost += gap.path("lost").asLong();
                }
                records++;
                lastSeq = node.get("seq").asLong();
                lastHash = split.hash();
            }
        }
        return new Result(Status.INTACT, records, lastSeq, lastHash, -1, -1, null, gaps, lost);
    }

    private static String check(JsonNode node, long expected, String prevHash, HashChain chain, HashChain.Split split) {
        JsonNode seqNode = node.get("seq");
        if (seqNode == null || !seqNode.canConvertToLong() || !seqNode.isIntegralNumber()) {
            return "no seq";
        }
        long seq = seqNode.asLong();
        if ("gap".equals(node.path("event").asText()) && node.has("gap")) {
            JsonNode gap = node.get("gap");
            if (gap.path("from").asLong() != expected || gap.path("to").asLong() != seq || seq < expected) {
                return "gap record " + seq + " does not start at the expected seq " + expected;
            }
        } else if (seq != expected) {
            return "expected seq " + expected + ", found seq " + seq
                    + " (a record was deleted, inserted or moved)";
        }
        JsonNode prev = node.get("prevHash");
        if (prev == null || !prevHash.equals(prev.asText())) {
            return "prevHash does not match the hash of the record before"
                    + (expected == 1 ? " (the chain must start with the genesis hash)" : "");
        }
        String actual = chain.hash(prevHash, split.canonical(), split.canonical().length);
        if (!actual.equals(split.hash())) {
            return "hash mismatch: the record was edited";
        }
        return null;
    }
}
