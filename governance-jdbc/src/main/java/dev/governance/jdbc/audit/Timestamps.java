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
        byte[] out = new byte[LENGTH];
        if (!write(out, 0, instant)) {
            return MICROS.format(instant);
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Characters in a formatted instant. */
    static final int LENGTH = 27;

    /**
     * Writes the instant's {@link #LENGTH} ASCII characters at {@code out[at]}; false (nothing written) outside
     * years 0000-9999, which {@link #format} leaves to the formatter. Every record carries one: written by hand,
     * straight into the record's bytes (a formatter builds a zoned date-time per call).
     */
    static boolean write(byte[] out, int at, Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        if (days < FIRST_DAY || days > LAST_DAY) {
            return false;
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // Year, month, day of a day since 1970-01-01 (proleptic Gregorian; H. Hinnant's civil_from_days).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        digits(out, at, year, 4);
        out[at + 4] = '-';
        digits(out, at + 5, month, 2);
        out[at + 7] = '-';
        digits(out, at + 8, day, 2);
        out[at + 10] = 'T';
        digits(out, at + 11, secondOfDay / 3600, 2);
        out[at + 13] = ':';
        digits(out, at + 14, secondOfDay / 60 % 60, 2);
        out[at + 16] = ':';
        digits(out, at + 17, secondOfDay % 60, 2);
        out[at + 19] = '.';
        digits(out, at + 20, instant.getNano() / 1000, 6);
        out[at + 26] = 'Z';
        return true;
    }

    /** 0000-01-01 and 9999-12-31 as days since the epoch: four-digit years, the formatter's plain form. */
    private static final long FIRST_DAY = -719_528;
    private static final long LAST_DAY = 2_932_896;

    private static void digits(byte[] out, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** Now, truncated to microseconds (what the record can hold). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
