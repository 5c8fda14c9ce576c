package dev.governance.jdbc.masking;

import dev.governance.jdbc.SqlStates;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Typed reads (numbers, dates, booleans, UUIDs, …) of a cell or OUT parameter a masked identity may not see as it
 * is. The real driver never converts such a value: a conversion hands it out in another form
 * ({@code getDouble} of a card number) or fails with an error that quotes it. The value is read as the driver's
 * own object first; when it is masked, or holds a sensitive value, the caller gets the type's neutral value (zero,
 * the epoch, false); only a value found clean is converted by the driver, and its errors are scrubbed.
 */
public final class TypedReads {

    /** One read from the real driver. */
    public interface Read<T> {
        T get() throws SQLException;
    }

    /** The neutral value of each type a typed getter or {@code getObject(…, type)} can ask for. */
    private static final Map<Class<?>, Object> NEUTRAL = Map.ofEntries(
            Map.entry(Boolean.class, Boolean.FALSE), Map.entry(Byte.class, (byte) 0), Map.entry(Short.class, (short) 0),
            Map.entry(Integer.class, 0), Map.entry(Long.class, 0L), Map.entry(Float.class, 0f),
            Map.entry(Double.class, 0d), Map.entry(BigInteger.class, BigInteger.ZERO),
            Map.entry(BigDecimal.class, BigDecimal.ZERO), Map.entry(Number.class, 0),
            Map.entry(java.util.Date.class, new java.util.Date(0L)),
            Map.entry(java.sql.Date.class, java.sql.Date.valueOf("1970-01-01")),
            Map.entry(java.sql.Time.class, new java.sql.Time(0L)),
            Map.entry(java.sql.Timestamp.class, new java.sql.Timestamp(0L)),
            Map.entry(LocalDate.class, LocalDate.EPOCH), Map.entry(LocalTime.class, LocalTime.MIDNIGHT),
            Map.entry(LocalDateTime.class, LocalDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT)),
            Map.entry(OffsetTime.class, OffsetTime.of(LocalTime.MIDNIGHT, ZoneOffset.UTC)),
            Map.entry(OffsetDateTime.class, OffsetDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT, ZoneOffset.UTC)),
            Map.entry(ZonedDateTime.class, ZonedDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT, ZoneOffset.UTC)),
            Map.entry(Instant.class, Instant.EPOCH), Map.entry(UUID.class, new UUID(0L, 0L)));

    private final Masker masker;

    public TypedReads(Masker masker) {
        this.masker = masker;
    }

    /** The neutral value of {@code type}, or null when it has none (the read is then refused). */
    static <T> T neutral(Class<T> type) {
        Object value = NEUTRAL.get(type);
        // java.sql.Date etc. are mutable: hand out a copy
        if (value instanceof java.util.Date d) {
            return type.cast(d.clone());
        }
        return type.cast(value);
    }

    /**
     * A typed read: {@code raw} is the driver's own object for the value (no conversion), {@code convert} the typed
     * getter. A null value is left to the driver (its own null and {@code wasNull}); a masked or sensitive value
     * gives {@code neutral}; a clean one is converted, errors scrubbed.
     */
    public <T> T read(boolean masked, Read<Object> raw, Read<T> convert, T neutral) throws SQLException {
        Object value = scrubbing(raw);
        if (value != null && (masked || holdsSensitive(value))) {
            return neutral;
        }
        return scrubbing(convert);
    }

    /** A driver error rebuilt without the values it could quote. */
    SQLException scrub(SQLException e) {
        return ErrorScrubber.scrub(e, masker);
    }

    /** A driver call whose error could quote a value: rebuilt without it. */
    public <T> T scrubbing(Read<T> read) throws SQLException {
        try {
            return read.get();
        } catch (SQLException e) {
            throw ErrorScrubber.scrub(e, masker);
        }
    }

    /**
     * True when the driver's object for a value holds a sensitive value in any form value detection knows: text,
     * hex or base64 of it, UTF-8 or UTF-16 bytes, a long number that is a card or account number, any of those inside
     * an array. A value it can't look into (a nested row, XML, a reference) counts as sensitive.
     */
    public boolean holdsSensitive(Object value) throws SQLException {
        return holdsSensitive(value, 0);
    }

    private boolean holdsSensitive(Object value, int depth) throws SQLException {
        if (value == null || value instanceof Boolean || value instanceof UUID) {
            return false;
        }
        if (value instanceof Number number) {
            return sensitiveNumber(number);
        }
        if (value instanceof java.util.Date || value instanceof java.time.temporal.Temporal) {
            return false;
        }
        if (value instanceof String text) {
            return sensitiveText(text);
        }
        if (value instanceof Clob clob) {
            return sensitiveText(read(clob));
        }
        if (value instanceof byte[] bytes) {
            return sensitiveBytes(bytes);
        }
        if (value instanceof Blob blob) {
            return sensitiveBytes(blob.getBytes(1, (int) Math.min(Integer.MAX_VALUE, blob.length())));
        }
        if (value instanceof Array array) {
            return holdsSensitive(array.getArray(), depth + 1);
        }
        if (value.getClass().isArray()) {
            if (depth > 16) {
                return true;
            }
            int n = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < n; i++) {
                if (holdsSensitive(java.lang.reflect.Array.get(value, i), depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof java.sql.ResultSet || value instanceof java.sql.Struct || value instanceof java.sql.SQLXML
                || value instanceof java.sql.Ref || value instanceof java.sql.RowId) {
            return true;
        }
        return sensitiveText(value.toString()); // a driver's own type (json, interval, ...): its text
    }

    /**
     * A number long enough to be a card or account number that value detection recognises as one, in whatever type
     * it comes ({@code 4.012888888881881E15} is a card number too).
     */
    /** True when the number's whole part can't reach 12 characters (sign included). */
    private static boolean wholePartUnder12Characters(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return true; // at most 11 characters: -2147483648
        }
        if (number instanceof Long l) {
            return l > -10_000_000_000L && l < 10_000_000_000L; // at most 10 digits and a sign
        }
        if (number instanceof BigDecimal d) {
            return d.scale() >= 0 && d.precision() - d.scale() <= 10; // at most 10 digits before the point
        }
        return false;
    }

    static boolean sensitiveNumber(Number number) {
        if (wholePartUnder12Characters(number)) {
            return false; // decided without building the text: prices and counts on every row of a result
        }
        String digits;
        if (number instanceof BigDecimal d) {
            digits = d.toPlainString();
        } else if (number instanceof Double || number instanceof Float) {
            double v = number.doubleValue();
            if (!Double.isFinite(v)) {
                return false;
            }
            digits = new BigDecimal(number.toString()).toPlainString();
        } else {
            digits = number.toString();
        }
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        return whole.length() >= 12 && ValueScanner.containsSensitive(whole)
                || digits.length() >= 12 && ValueScanner.containsSensitive(digits);
    }

    private boolean sensitiveText(String text) {
        return masker.maskEmbedded(text) != text || EncodedValues.hidesSensitive(text);
    }

    private boolean sensitiveBytes(byte[] bytes) {
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        return sensitiveText(utf8) || ValueScanner.containsSensitive(new String(bytes, StandardCharsets.UTF_16BE));
    }

    /** The refusal of a read that has no neutral value for a value that must not be converted. */
    static SQLException refused(String label, String what) {
        return new SQLException("Column " + label + " is masked for this identity: " + what
                + " is not allowed on it (read it with getString or getObject)", SqlStates.POLICY_DENIED);
    }

    /** A Clob's whole text, to mask it (values past 2 GiB are refused, not cut). */
    static String read(Clob clob) throws SQLException {
        long length = clob.length();
        if (length > Integer.MAX_VALUE) {
            throw new SQLException("a value over 2 GiB can't be masked", SqlStates.POLICY_DENIED);
        }
        try (Reader reader = clob.getCharacterStream()) {
            StringBuilder out = new StringBuilder((int) length);
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) > 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new SQLException("reading a value to mask failed: " + e.getMessage(), "HY000", e);
        }
    }
}
