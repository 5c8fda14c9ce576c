package dev.governance.jdbc.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads (thread-safe, no state between calls) the records of one trail across its segments, in {@code seq} order, plain or compressed, a page at a
 * time. Records are the JSON objects as stored (with {@code seq}, {@code prevHash}, {@code hash}). Segments
 * that end before the requested seq are skipped by their names without being opened. Lines that are not
 * records (a torn last line) are skipped. Verification is {@link AuditVerifier}'s job, not the reader's.
 *
 * <pre>{@code
 * for (AuditFiles.Trail trail : AuditFiles.find(Path.of("/var/log/governance"))) {
 *     AuditReader reader = new AuditReader(trail);
 *     AuditReader.Page page = reader.page(1, 500);
 *     while (true) {
 *         page.records().forEach(r -> show(r.seq(), r.json()));
 *         if (!page.hasMore()) break;
 *         page = reader.page(page.nextSeq(), 500);
 *     }
 * }
 * }</pre>
 */
public final class AuditReader {
    private final AuditFiles.Trail trail;

    public AuditReader(AuditFiles.Trail trail) {
        this.trail = trail;
    }

    /** The trail of a live file or of one of its segments. */
    public static AuditReader of(Path file) throws IOException {
        return new AuditReader(AuditFiles.trail(file));
    }

    public AuditFiles.Trail trail() {
        return trail;
    }

    /** One record as stored, and the segment it is in. */
    public record Record(long seq, String json, String segment) {
    }

    /** Records in seq order; {@code nextSeq} is where the next page starts. */
    public record Page(List<Record> records, long nextSeq, boolean hasMore) {
        public Page {
            records = List.copyOf(records);
        }
    }

    /** Up to {@code limit} records with {@code seq >= fromSeq}. */
    public Page page(long fromSeq, int limit) throws IOException {
        List<Record> out = new ArrayList<>(Math.min(limit, 1024));
        boolean[] more = {false};
        long[] next = {fromSeq};
        forEachRecord(fromSeq, r -> {
            if (out.size() == limit) {
                more[0] = true;
                return false;
            }
            out.add(r);
            next[0] = r.seq() + 1;
            return true;
        });
        return new Page(out, next[0], more[0]);
    }

    /** Streams records with {@code seq >= fromSeq} to {@code visitor} until it returns false. */
    public void forEachRecord(long fromSeq, Visitor visitor) throws IOException {
        forEachLine(fromSeq, (seq, line, segment) -> seq < fromSeq
                || visitor.visit(new Record(seq, new String(line, StandardCharsets.UTF_8), segment)));
    }

    /** Receives records; returns false to stop. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(Record record) throws IOException;
    }

    /** Receives the raw bytes of each line and its seq (lines before {@code fromSeq} too, within the first segment). */
    @FunctionalInterface
    interface LineVisitor {
        boolean visit(long seq, byte[] line, String segment) throws IOException;
    }

    void forEachLine(long fromSeq, LineVisitor visitor) throws IOException {
        List<AuditFiles.Segment> segments = trail.segments();
        for (int i = 0; i < segments.size(); i++) {
            AuditFiles.Segment s = segments.get(i);
            boolean endsBefore = i + 1 < segments.size() && !segments.get(i + 1).live()
                    && segments.get(i + 1).firstSeq() <= fromSeq;
            if (endsBefore) {
                continue;
            }
            try (InputStream in = s.open(); LineReader reader = new LineReader(in)) {
                while (reader.next()) {
                    if (!reader.terminated()) {
                        break; // a torn last line: never acknowledged
                    }
                    long seq = seqOf(reader.bytes(), reader.length());
                    if (seq < 0) {
                        continue;
                    }
                    byte[] line = java.util.Arrays.copyOf(reader.bytes(), reader.length());
                    if (!visitor.visit(seq, line, s.name())) {
                        return;
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // rotated or retired since the trail was listed: its records are in the next segment or gone
            }
        }
    }

    /** The seq of a record line: every record starts with {@code {"seq":N,}; -1 for anything else. */
    static long seqOf(byte[] line, int length) {
        final byte[] prefix = {'{', '"', 's', 'e', 'q', '"', ':'};
        if (length <= prefix.length) {
            return -1;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return -1;
            }
        }
        long n = 0;
        int i = prefix.length;
        for (; i < length && line[i] >= '0' && line[i] <= '9'; i++) {
            n = n * 10 + (line[i] - '0');
        }
        return i == prefix.length || i >= length || line[i] != ',' ? -1 : n;
    }
}
