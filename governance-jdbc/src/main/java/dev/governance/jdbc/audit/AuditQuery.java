package dev.governance.jdbc.audit;

import dev.governance.jdbc.policy.Glob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Filters a JSONL trail: who connected, what they did, what data was touched. Filters combine with AND;
 * a null filter matches everything. {@code subject} and {@code table} accept {@code *} globs; a table
 * without schema also matches {@code schema.table}. Lines that are not records (a torn last line) are
 * skipped and counted.
 *
 * @param subject  identity.subject
 * @param table    a table read or written
 * @param decision decision.action ({@code allow}, {@code deny}, {@code approve}, or an approval verdict)
 * @param since    only events at or after this instant
 * @param event    event type label
 */
public record AuditQuery(String subject, String table, String decision, Instant since, String event) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One matching record: the parsed tree and the line exactly as stored. */
    public record Match(JsonNode record, String line) {
    }

    /** Streams the matches of every segment of a trail, oldest first; returns how many lines were unreadable. */
    public long run(AuditFiles.Trail trail, Consumer<Match> sink) throws IOException {
        long skipped = 0;
        for (AuditFiles.Segment segment : trail.segments()) {
            try {
                skipped += run(segment, sink);
            } catch (java.nio.file.NoSuchFileException e) {
                // retired or compressed since listed
            }
        }
        return skipped;
    }

    /** Streams the matches of one file (a {@code .gz} segment decompressed); returns how many lines were unreadable. */
    public long run(Path file, Consumer<Match> sink) throws IOException {
        boolean gz = file.getFileName().toString().endsWith(AuditFiles.GZ);
        return run(new AuditFiles.Segment(file, -1, gz), sink);
    }

    private long run(AuditFiles.Segment segment, Consumer<Match> sink) throws IOException {
        long skipped = 0;
        try (LineReader reader = new LineReader(segment.open())) {
            while (reader.next()) {
                String line = new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8);
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (IOException e) {
                    skipped++;
                    continue;
                }
                if (node != null && node.isObject() && matches(node)) {
                    sink.accept(new Match(node, line));
                }
            }
        }
        return skipped;
    }

    public boolean matches(JsonNode r) {
        if (event != null && !event.equalsIgnoreCase(r.path("event").asText())) {
            return false;
        }
        if (subject != null && !glob(subject, r.path("identity").path("subject").asText(null))) {
            return false;
        }
        if (decision != null && !decision.equalsIgnoreCase(r.path("decision").path("action").asText(""))) {
            return false;
        }
        if (since != null) {
            String ts = r.path("ts").asText(null);
            try {
                if (ts == null || Instant.parse(ts).isBefore(since)) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        if (table != null) {
            return anyTable(r.path("tables").path("read")) || anyTable(r.path("tables").path("written"));
        }
        return true;
    }

    private boolean anyTable(JsonNode names) {
        for (JsonNode name : names) {
            String n = name.asText();
            if (glob(table, n) || (table.indexOf('.') < 0 && n.lastIndexOf('.') >= 0
                    && glob(table, n.substring(n.lastIndexOf('.') + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive match where {@code *} is any run of characters and {@code ?} any one (the policy's globs). */
    static boolean glob(String pattern, String text) {
        return text != null && Glob.of(pattern).matches(text);
    }
}
