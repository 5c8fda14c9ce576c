package dev.governance.jdbc.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Microsecond ISO-8601 instants ({@code 2026-11-25T03:00:00.123456Z}), fixed width so they sort as text. */
public final class Timestamps {
    // One immutable, thread-safe formatter for the whole process: no per-event allocation of formatters.
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return MICROS.format(instant);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** Now, truncated to microseconds (what the record can hold). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
