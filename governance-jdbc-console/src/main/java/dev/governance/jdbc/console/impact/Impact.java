package dev.governance.jdbc.console.impact;

import java.util.List;

/**
 * What a pending statement would do, found without running it.
 *
 * @param kind     {@code rows} (UPDATE/DELETE: how many rows its WHERE matches), {@code table} (DDL: the table's size
 *                 and what depends on it), {@code plan} (the database's EXPLAIN) or {@code unknown}
 * @param headline one line for the reviewer, e.g. "3 rows match"
 * @param details  further lines (dependent objects, plan lines, why nothing could be said)
 * @param queries  the read-only queries that were run to find out, shown as they were sent
 */
public record Impact(String kind, String headline, List<String> details, List<String> queries) {
    public Impact {
        details = List.copyOf(details);
        queries = List.copyOf(queries);
    }

    public static Impact unknown(String why) {
        return new Impact("unknown", "impact unknown", List.of(why), List.of());
    }
}
