package dev.governance.jdbc.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.audit.AuditFiles;
import dev.governance.jdbc.audit.AuditReader;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Per identity: statements run, refusals, approvals asked for, tables touched, last seen. Streams the trail once. */
public final class IdentitySummary {
    /** Identities beyond this many are counted in one "others" row, so memory stays bounded. */
    static final int MAX_IDENTITIES = 5_000;
    static final int MAX_TABLES_LISTED = 50;

    /** What one identity did. */
    public static final class Row {
        public final String subject;
        public String kind;
        public long statements;
        public long refusals;
        public long approvalsRequested;
        public long connects;
        public final TreeSet<String> tables = new TreeSet<>();
        public Instant lastSeen;

        Row(String subject) {
            this.subject = subject;
        }
    }

    private final TrailFiles files;

    public IdentitySummary(TrailFiles files) {
        this.files = files;
    }

    public List<Row> rows(AuditFilter filter) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (AuditFiles.Trail trail : files.trails()) {
            new AuditReader(trail).forEachRecord(1, record -> {
                JsonNode r = Records.parse(record.json());
                if (r == null || !filter.matches(r)) {
                    return true;
                }
                String subject = r.path("identity").path("subject").asText(null);
                if (subject == null) {
                    return true;
                }
                Row row = rows.get(subject);
                if (row == null) {
                    row = rows.size() < MAX_IDENTITIES ? new Row(subject) : rows.computeIfAbsent("(others)", Row::new);
                    rows.putIfAbsent(row.subject, row);
                }
                add(row, r);
                return true;
            });
        }
        List<Row> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing((Row row) -> row.lastSeen == null ? Instant.MIN : row.lastSeen).reversed());
        return out;
    }

    private static void add(Row row, JsonNode r) {
        String event = r.path("event").asText("");
        String action = r.path("decision").path("action").asText("");
        if (row.kind == null) {
            row.kind = r.path("identity").path("kind").asText(null);
        }
        switch (event) {
            case "statement" -> {
                if (!"intent".equals(r.path("phase").asText(""))) {
                    row.statements++;
                    if ("deny".equals(action)) {
                        row.refusals++;
                    }
                }
            }
            case "connect-denied" -> row.refusals++;
            case "connect" -> row.connects++;
            case "approval-requested" -> row.approvalsRequested++;
            default -> { }
        }
        for (String side : new String[] {"read", "written"}) {
            for (JsonNode t : r.path("tables").path(side)) {
                if (row.tables.size() < MAX_TABLES_LISTED) {
                    row.tables.add(t.asText());
                }
            }
        }
        Instant ts = Timestamps.of(r);
        if (ts != null && (row.lastSeen == null || ts.isAfter(row.lastSeen))) {
            row.lastSeen = ts;
        }
    }
}
