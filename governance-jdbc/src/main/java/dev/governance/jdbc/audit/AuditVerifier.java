package dev.governance.jdbc.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSONL trail: every line is a chained record, {@code seq} runs on by one (a {@code gap} record stands
 * for the seqs it names), each {@code prevHash} is the previous {@code hash}, and each {@code hash} is right.
 * The first failure is reported as the seq expected at that place and the file it is in, so an edit, a
 * deletion, an insertion and a swap all point at the first record that is no longer where the chain says.
 *
 * <p>Across segments: each closed segment must start at the seq its name carries, with the {@code prevHash}
 * the segment before it ended with; the first one present must start the chain (seq 1, genesis hash) or
 * continue from the last segment that retention retired ({@link AuditFiles.Retired}). So a missing, swapped,
 * renamed or truncated segment is reported with its name. Truncating the newest records of the live file is
 * only visible against a copy of the chain head kept elsewhere: {@link #checkAnchor}.
 *
 * <p>A last line without its newline (live file only) is a write torn by a crash, not tampering: the result
 * is {@link Status#TORN_TAIL}, with the chain intact up to the last whole record.
 */
public final class AuditVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Status {
        /** Every record chains. */
        INTACT,
        /** Every whole record chains; the last line is a torn write (crash) without a newline. */
        TORN_TAIL,
        /** The chain is broken at {@code firstBadSeq}: edited, deleted, inserted or reordered records or segments. */
        BROKEN
    }

    /**
     * @param records      whole records that chain
     * @param lastSeq      seq of the last record that chains (0 when none)
     * @param lastHash     its hash (the genesis when none): anchor it elsewhere to detect tail truncation
     * @param firstBadSeq  the seq expected where the chain breaks, or -1
     * @param badLine      1-based line of that place in {@code file}, or -1
     * @param gaps         gap records (events a sink lost while failing, fail-open)
     * @param lost         events those gaps stand for
     * @param file         the file (segment) where the chain breaks or the torn line is, else null
     * @param firstSeq     the seq the checked run starts at (1, or after retired segments; 0 when empty)
     * @param segments     how many files were checked
     */
    public record Result(Status status, long records, long lastSeq, String lastHash, long firstBadSeq, long badLine,
                         String reason, long gaps, long lost, String file, long firstSeq, int segments) {

        public Result(Status status, long records, long lastSeq, String lastHash, long firstBadSeq, long badLine,
                      String reason, long gaps, long lost) {
            this(status, records, lastSeq, lastHash, firstBadSeq, badLine, reason, gaps, lost, null,
                    records == 0 ? 0 : 1, 1);
        }

        public String summary() {
            String gapText = gaps == 0 ? "" : "; " + gaps + " declared gap(s), " + lost + " event(s) lost by a failing sink";
            String run = segments > 1 ? " in " + segments + " segments" : "";
            String where = file == null ? "" : file + ": ";
            return switch (status) {
                case INTACT -> records == 0 ? "intact: empty trail"
                        : "intact: " + records + " records" + run + ", seq " + firstSeq + ".." + lastSeq
                        + ", last hash " + lastHash + gapText;
                case TORN_TAIL -> "torn last line (crash), chain intact up to seq " + lastSeq + " (" + records
                        + " records" + run + ", last hash " + lastHash + ")" + gapText + "; " + where + reason;
                case BROKEN -> "BROKEN at seq " + firstBadSeq + " (" + where + "line " + badLine + "): " + reason
                        + "; chain intact up to seq " + lastSeq;
            };
        }
    }

    private AuditVerifier() {
    }

    /**
     * A live file ({@code governance-audit.jsonl}) is checked with its whole trail (the closed segments beside it);
     * a closed segment ({@code governance-audit.000000042.jsonl[.gz]}) alone, from the seq in its name; any other
     * file alone, from seq 1.
     */
    public static Result verify(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path live = AuditFiles.liveOf(abs);
        if (live.equals(abs)) {
            AuditFiles.Trail trail = AuditFiles.trail(abs);
            if (trail.segments().size() > 1 || !trail.retired().isEmpty()) {
                return verify(trail);
            }
            if (!Files.isRegularFile(abs)) {
                throw new java.nio.file.NoSuchFileException(abs.toString());
            }
            return verifyRun(List.of(new AuditFiles.Segment(abs, -1, false)), 1, HashChain.GENESIS);
        }
        long first = AuditFiles.firstSeqOf(live, abs);
        return verifyRun(List.of(new AuditFiles.Segment(abs, first, abs.toString().endsWith(AuditFiles.GZ))), first, null);
    }

    /** A whole trail: closed segments in seq order, then the live file; its start checked against the retired list. */
    public static Result verify(AuditFiles.Trail trail) throws IOException {
        AuditFiles.Retired retired = trail.lastRetired();
        long start = retired == null ? 1 : retired.lastSeq() + 1;
        String prev = retired == null ? HashChain.GENESIS : retired.lastHash();
        return verifyRun(trail.segments(), start, prev);
    }

    /**
     * A run of segment files given by the user, in seq order (by the seq in their names; a live file last). The
     * first one is checked from the seq in its name (a live file: from whatever it starts with), each next one
     * must continue the chain of the one before.
     */
    public static Result verifyFiles(List<Path> files) throws IOException {
        List<AuditFiles.Segment> run = new ArrayList<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            long first = AuditFiles.firstSeqOf(AuditFiles.liveOf(abs), abs);
            run.add(new AuditFiles.Segment(abs, first, abs.toString().endsWith(AuditFiles.GZ)));
        }
        run.sort(java.util.Comparator.comparingLong(s -> s.live() ? Long.MAX_VALUE : s.firstSeq()));
        long start = run.isEmpty() || run.get(0).live() ? -1 : run.get(0).firstSeq();
        return verifyRun(run, start, null);
    }

    /**
     * Compares a trail with a chain head published elsewhere (an {@code anchor} record of another sink): the
     * trail must hold that seq with that hash. Null when it does; otherwise what is wrong (the newest records
     * were cut off, or the record at that seq differs).
     */
    public static String checkAnchor(AuditFiles.Trail trail, long anchorSeq, String anchorHash) throws IOException {
        String[] found = {null};
        AuditReader reader = new AuditReader(trail);
        reader.forEachLine(anchorSeq, (seq, line, segment) -> {
            if (seq == anchorSeq) {
                HashChain.Split split = HashChain.split(line, 0, line.length);
                found[0] = split == null ? "" : split.hash();
                return false;
            }
            return seq < anchorSeq;
        });
        if (found[0] == null) {
            return "the anchor names seq " + anchorSeq + " (hash " + anchorHash + "), which is not in the trail:"
                    + " its newest records were cut off";
        }
        if (!found[0].equals(anchorHash)) {
            return "the record at seq " + anchorSeq + " has hash " + found[0] + ", the anchor says " + anchorHash
                    + ": the trail was rewritten";
        }
        return null;
    }

    /**
     * Checks every instance's chain in a {@code jdbc:} sink's table ({@code governance_audit}): per instance, in seq
     * order, each row's {@code record} text with its {@code hash} is a JSONL line, checked by the same rules (an
     * instance's chain starts at its first row). Rows from before chains (no hash) are skipped and counted.
     *
     * @return instance name to result, in instance order
     */
    public static java.util.Map<String, Result> verifyTable(java.sql.Connection c) throws java.sql.SQLException {
        java.util.Map<String, Result> out = new java.util.LinkedHashMap<>();
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT instance, seq, record, hash FROM " + JdbcSink.TABLE
                     + " WHERE hash IS NOT NULL ORDER BY instance, seq")) {
            String instance = null;
            Chain chain = null;
            Result bad = null;
            long row = 0;
            while (rs.next()) {
                String i = rs.getString(1);
                if (!i.equals(instance)) {
                    if (instance != null) {
                        out.put(instance, bad != null ? bad : chain.result(Status.INTACT, null, null, 1));
                    }
                    instance = i;
                    chain = new Chain(-1, HashChain.GENESIS);
                    bad = null;
                    row = 0;
                }
                row++;
                if (bad != null) {
                    continue;
                }
                String record = rs.getString(3);
                String hash = rs.getString(4);
                byte[] line = (record.substring(0, record.length() - 1) + ",\"hash\":\"" + hash + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bad = chain.line(line, line.length, true, false, row, JdbcSink.TABLE + "[" + i + "]", 1);
            }
            if (instance != null) {
                out.put(instance, bad != null ? bad : chain.result(Status.INTACT, null, null, 1));
            }
        }
        return out;
    }

    /**
     * @param start first seq expected (-1: whatever the first record has)
     * @param prev  prevHash expected of the first record (null: whatever it has)
     */
    private static Result verifyRun(List<AuditFiles.Segment> run, long start, String prev) throws IOException {
        Chain chain = new Chain(start, prev);
        for (int i = 0; i < run.size(); i++) {
            AuditFiles.Segment segment = run.get(i);
            if (!segment.live() && chain.expected > 0 && segment.firstSeq() != chain.expected) {
                String why = i == 0
                        ? (segment.firstSeq() > chain.expected
                            ? "the trail starts with segment " + segment.name() + " at seq " + segment.firstSeq()
                                + ": the segment(s) before it are missing (not retired by retention)"
                            : "segment " + segment.name() + " starts before the last retired seq " + (chain.expected - 1))
                        : (segment.firstSeq() > chain.expected
                            ? "after " + run.get(i - 1).name() + " (last seq " + (chain.expected - 1) + ") comes "
                                + segment.name() + ": a segment is missing, or " + run.get(i - 1).name() + " was truncated"
                            : segment.name() + " starts at seq " + segment.firstSeq() + ", which "
                                + run.get(i - 1).name() + " already holds (segments overlap or were renamed)");
                return chain.broken(segment.name(), 1, why, run.size());
            }
            Result bad = chain.check(segment, i == run.size() - 1, run.size());
            if (bad != null) {
                return bad;
            }
        }
        return chain.result(Status.INTACT, null, null, run.size());
    }

    /** The running state of a check over one or more segments. */
    private static final class Chain {
        private final HashChain hasher = new HashChain();
        private long expected; // -1: take the first record's
        private String prevHash; // null: take the first record's
        private long firstSeq;
        private long records;
        private long lastSeq;
        private String lastHash = HashChain.GENESIS;
        private long gaps;
        private long lost;

        Chain(long start, String prev) {
            this.expected = start;
            this.prevHash = prev;
        }

        Result check(AuditFiles.Segment segment, boolean last, int segments) throws IOException {
            long lineNo = 0;
            try (InputStream in = segment.open(); LineReader reader = new LineReader(in)) {
                while (reader.next()) {
                    lineNo++;
                    Result bad = line(reader.bytes(), reader.length(), reader.terminated(), last, lineNo,
                            segment.name(), segments);
                    if (bad != null) {
                        return bad;
                    }
                }
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                return broken(segment.name(), lineNo + 1, "the compressed segment is damaged or cut short: " + e.getMessage(),
                        segments);
            }
            if (!segment.live() && lineNo == 0) {
                return broken(segment.name(), 1, "the closed segment is empty", segments);
            }
            return null;
        }

        /** Checks one line and moves the chain on; a Result when it is broken or torn, else null. */
        Result line(byte[] bytes, int length, boolean terminated, boolean last, long lineNo, String name, int segments) {
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
                if (expected < 0) {
                    expected = startOf(node);
                }
                if (prevHash == null) {
                    prevHash = node.path("prevHash").asText("");
                }
                problem = check(node, split);
            }
            if (problem != null) {
                if (!terminated && last) {
                    return result(Status.TORN_TAIL, name, "line " + lineNo
                            + " has no newline and is not a whole record: " + problem
                            + "; the next start of the trail cuts it off", segments);
                }
                return broken(name, lineNo, problem, segments);
            }
            if (!terminated) {
                if (last) {
                    // A whole record without its newline: the write was cut between the two; never acknowledged.
                    return result(Status.TORN_TAIL, name, "line " + lineNo + " is a whole record without its newline",
                            segments);
                }
                return broken(name, lineNo, "a closed segment ends without a newline (truncated)", segments);
            }
            JsonNode gap = node.get("gap");
            if ("gap".equals(node.path("event").asText()) && gap != null) {
                gaps++;
                lost += gap.path("lost").asLong();
            }
            if (records == 0) {
                firstSeq = startOf(node);
            }
            records++;
            lastSeq = node.get("seq").asLong();
            lastHash = split.hash();
            prevHash = lastHash;
            expected = lastSeq + 1;
            return null;
        }

        private static long startOf(JsonNode node) {
            JsonNode gap = node.get("gap");
            return "gap".equals(node.path("event").asText()) && gap != null ? gap.path("from").asLong()
                    : node.path("seq").asLong();
        }

        private String check(JsonNode node, HashChain.Split split) {
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
            String actual = hasher.hash(prevHash, split.canonical(), split.canonical().length);
            if (!actual.equals(split.hash())) {
                return "hash mismatch: the record was edited";
            }
            return null;
        }

        Result broken(String file, long line, String reason, int segments) {
            return new Result(Status.BROKEN, records, lastSeq, lastHash, expected, line, reason, gaps, lost, file,
                    firstSeq, segments);
        }

        Result result(Status status, String file, String reason, int segments) {
            return new Result(status, records, lastSeq, lastHash, -1, -1, reason, gaps, lost, file, firstSeq, segments);
        }
    }
}
