package dev.governance.jdbc.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.audit.AuditFiles;
import dev.governance.jdbc.audit.AuditReader;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Pages of the trail, newest first, across every trail and segment (plain or compressed). Segments are streamed
 * record by record by the driver's {@link AuditReader}; only the newest {@code (page + 1) × size} matches are held,
 * never the trail.
 */
public final class Timeline {
    /** Deepest page served: 200 pages of 50; narrower filters reach further back. */
    public static final int MAX_PAGE = 199;

    /** One record and the trail it came from. */
    public record Entry(String trail, JsonNode record, Instant ts, long seq) {
    }

    /** A page of entries, and how many records matched in all. */
    public record Page(List<Entry> entries, long matched, int page, int size, long unreadable) {
        public boolean hasNext() {
            return matched > (long) (page + 1) * size && page < MAX_PAGE;
        }
    }

    private static final Comparator<Entry> OLDEST_FIRST = Comparator
            .comparing((Entry e) -> e.ts() == null ? Instant.MIN : e.ts())
            .thenComparing(Entry::trail).thenComparingLong(Entry::seq);

    private final TrailFiles files;

    public Timeline(TrailFiles files) {
        this.files = files;
    }

    public Page page(AuditFilter filter, int page, int size) throws IOException {
        int p = Math.max(0, Math.min(page, MAX_PAGE));
        int keep = (p + 1) * size;
        PriorityQueue<Entry> newest = new PriorityQueue<>(keep + 1, OLDEST_FIRST);
        long[] matched = {0};
        long[] unreadable = {0};
        for (AuditFiles.Trail trail : files.trails()) {
            new AuditReader(trail).forEachRecord(1, record -> {
                JsonNode r = Records.parse(record.json());
                if (r == null) {
                    unreadable[0]++;
                    return true;
                }
                if (filter.matches(r)) {
                    matched[0]++;
                    newest.add(new Entry(trail.name(), r, Timestamps.of(r), record.seq()));
                    if (newest.size() > keep) {
                        newest.poll();
                    }
                }
                return true;
            });
        }
        List<Entry> sorted = new ArrayList<>(newest);
        sorted.sort(OLDEST_FIRST.reversed());
        List<Entry> slice = sorted.subList(Math.min(sorted.size(), p * size), sorted.size());
        return new Page(List.copyOf(slice.subList(0, Math.min(size, slice.size()))), matched[0], p, size, unreadable[0]);
    }
}
