package dev.governance.jdbc.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.audit.AuditQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The audit view's filters: identity, table, decision, environment, event type and a time window. Identity, table,
 * decision, event and {@code since} are the command line's {@link AuditQuery} (the same globs and table matching);
 * environment and {@code until} are added here.
 */
public record AuditFilter(String subject, String table, String decision, String environment, String event,
                          Instant since, Instant until) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

    /** From query parameters; a time is an ISO instant, a date, or a duration back from now (PT1H, 1h, 30m, 7d). */
    public static AuditFilter from(Map<String, String> params, Instant now) {
        return new AuditFilter(blank(params.get("subject")), blank(params.get("table")), blank(params.get("decision")),
                blank(params.get("environment")), blank(params.get("event")), time(params.get("since"), now),
                time(params.get("until"), now));
    }

    public boolean matches(JsonNode record) {
        if (!new AuditQuery(subject, table, decision, since, event).matches(record)) {
            return false;
        }
        if (environment != null && !environment.equalsIgnoreCase(record.path("environment").asText(""))) {
            return false;
        }
        if (until != null) {
            Instant ts = Timestamps.of(record);
            return ts != null && !ts.isAfter(until);
        }
        return true;
    }

    /** The same filter without the identity: for the per-identity summary. */
    public AuditFilter anySubject() {
        return new AuditFilter(null, table, decision, environment, event, since, until);
    }

    static Instant time(String text, Instant now) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notInstant) {
            // fall through
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            // fall through
        }
        try {
            return now.minus(Duration.parse(t.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException notIso) {
            // fall through
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.length() > 1) {
            try {
                long n = Long.parseLong(lower.substring(0, lower.length() - 1));
                switch (lower.charAt(lower.length() - 1)) {
                    case 'm': return now.minus(Duration.ofMinutes(n));
                    case 'h': return now.minus(Duration.ofHours(n));
                    case 'd': return now.minus(Duration.ofDays(n));
                    default: break;
                }
            } catch (NumberFormatException ignored) {
                // not a short duration either
            }
        }
        throw new IllegalArgumentException("not a time: " + t + " (use 2026-12-01T10:00:00Z, 2026-12-01, PT1H, 1h, 30m or 7d)");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
