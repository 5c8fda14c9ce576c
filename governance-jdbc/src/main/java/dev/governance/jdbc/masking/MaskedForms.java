package dev.governance.jdbc.masking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Recognises what {@link Masker} hands out — placeholders ({@code ****}, {@code <email:8f3a1c2e>},
 * {@code tok_…}, partial values) and type-preserving defaults (0, the epoch, false, empty bytes, the nil UUID) —
 * so that a value read masked and written back (an ORM saving a whole row) is noticed before it overwrites the
 * real one. Without regular expressions: this runs for every written value of a masked identity.
 */
public final class MaskedForms {
    private static final long EPOCH_DAY_TOLERANCE_MILLIS = 14L * 3600 * 1000; // java.sql.Date(0) in any time zone

    private MaskedForms() {
    }

    /** Whether {@code value}, written into a column masked with {@code strategy}, is a masked form of something. */
    public static boolean looksMasked(Object value, MaskingStrategy strategy) {
        if (value == null) {
            return strategy == MaskingStrategy.NULL;
        }
        if (value instanceof CharSequence || value instanceof char[] || value instanceof Character) {
            return placeholderIn(value instanceof char[] chars ? new String(chars) : value.toString());
        }
        if (value instanceof byte[] bytes) {
            return bytes.length == 0 || placeholderIn(new String(bytes, StandardCharsets.UTF_8));
        }
        return typedDefault(value);
    }

    /** {@code ****} (redact, partial), {@code <email:} + 8 hex + {@code >}, {@code tok_} + 16 hex, anywhere. */
    static boolean placeholderIn(String text) {
        if (text.contains(Masker.REDACTED) || text.equals("*")) {
            return true;
        }
        return hexAfter(text, "<email:", 8, '>') || hexAfter(text, "tok_", 16, (char) 0);
    }

    private static boolean hexAfter(String text, String prefix, int digits, char terminator) {
        int from = 0;
        while (true) {
            int at = text.indexOf(prefix, from);
            if (at < 0) {
                return false;
            }
            int start = at + prefix.length();
            int i = start;
            while (i < text.length() && i - start < digits && isHex(text.charAt(i))) {
                i++;
            }
            if (i - start == digits && (terminator == 0 || i < text.length() && text.charAt(i) == terminator)) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private static boolean typedDefault(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0;
        }
        if (value instanceof BigInteger i) {
            return i.signum() == 0;
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue() == 0.0;
        }
        if (value instanceof Number n) {
            return n.longValue() == 0;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().equals(LocalDate.EPOCH);
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime().equals(LocalTime.MIDNIGHT);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().equals(LocalDateTime.of(1970, 1, 1, 0, 0)) || ts.getTime() == 0;
        }
        if (value instanceof java.util.Date d) {
            return Math.abs(d.getTime()) <= EPOCH_DAY_TOLERANCE_MILLIS;
        }
        if (value instanceof LocalDate d) {
            return d.equals(LocalDate.EPOCH);
        }
        if (value instanceof LocalDateTime d) {
            return d.equals(LocalDateTime.of(1970, 1, 1, 0, 0));
        }
        if (value instanceof LocalTime t) {
            return t.equals(LocalTime.MIDNIGHT);
        }
        if (value instanceof OffsetDateTime d) {
            return d.toInstant().equals(Instant.EPOCH);
        }
        if (value instanceof ZonedDateTime d) {
            return d.toInstant().equals(Instant.EPOCH);
        }
        if (value instanceof Instant i) {
            return i.equals(Instant.EPOCH);
        }
        if (value instanceof OffsetTime t) {
            return t.toLocalTime().equals(LocalTime.MIDNIGHT);
        }
        if (value instanceof Duration d) {
            return d.isZero();
        }
        if (value instanceof UUID u) {
            return u.getMostSignificantBits() == 0 && u.getLeastSignificantBits() == 0;
        }
        return false;
    }
}
