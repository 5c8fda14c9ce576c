package dev.governance.jdbc.masking;

import dev.governance.jdbc.ConfigurationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * Applies {@link MaskingStrategy strategies} to values. Thread-safe; holds the HMAC key of the
 * {@code hash} and {@code email} strategies ({@code governance.masking.key-file}, else one random key per
 * process, so tokens are stable across connections of one process and differ between deployments with
 * different keys). The key never leaves this object and the per-thread {@link PlaceholderWriter}s it keeps.
 */
public final class Masker {
    public static final String REDACTED = "****";
    private static final int MIN_KEY_BYTES = 16;
    private static final byte[] EMPTY = new byte[0];

    private final SecretKeySpec key;
    /** Hash state and scratch buffers, one per thread: a masked value costs the String returned, nothing more. */
    private final ThreadLocal<PlaceholderWriter> writer;

    private Masker(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
        this.writer = ThreadLocal.withInitial(this::newWriter);
    }

    /** A masker with this key (at least 16 bytes; copied). */
    public static Masker withKey(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("masking key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        return new Masker(key.clone());
    }

    /** The file's bytes, as they are (a trailing newline is part of the key), are the key. */
    public static Masker fromKeyFile(Path keyFile) throws ConfigurationException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyFile);
        } catch (IOException e) {
            throw new ConfigurationException("governance.masking.key-file: cannot read " + keyFile + ": " + e, e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new ConfigurationException("governance.masking.key-file: " + keyFile + " holds fewer than "
                    + MIN_KEY_BYTES + " bytes");
        }
        try {
            return new Masker(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** For {@code Settings.maskingKeyFile()}: that file's key, or {@link #processDefault()} when null. */
    public static Masker forKeyFile(String keyFile) throws ConfigurationException {
        return keyFile == null || keyFile.isBlank() ? processDefault() : fromKeyFile(Path.of(keyFile));
    }

    /** The masker with this process's random key (created on first use). */
    public static Masker processDefault() {
        return ProcessKey.MASKER;
    }

    private static final class ProcessKey {
        static final Masker MASKER;

        static {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            MASKER = new Masker(k);
        }
    }

    /** The calling thread's writer (for {@link ResultPlaceholders}, which keeps it for the thread reading a result). */
    PlaceholderWriter writer() {
        return writer.get();
    }

    private PlaceholderWriter newWriter() {
        byte[] k = key.getEncoded(); // a copy, cleared once the writer has its padded forms
        try {
            return new PlaceholderWriter(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    // ---------------------------------------------------------------- strategies

    /**
     * The masked form of a value; null stays null. {@link MaskingStrategy#DEFAULT} keeps the Java type;
     * the text strategies (redact, email, partial, hash) give a String, except that a {@code byte[]} gives
     * the UTF-8 bytes of that String. The result-set layer converts for typed getters.
     */
    public Object mask(Object value, MaskingStrategy strategy) {
        if (value == null || strategy == MaskingStrategy.NULL) {
            return null;
        }
        if (strategy == MaskingStrategy.DEFAULT) {
            return typedDefault(value);
        }
        if (value instanceof byte[] bytes) {
            String masked = switch (strategy) {
                case HASH -> token(bytes);
                case EMAIL -> emailPlaceholder(bytes);
                default -> REDACTED; // partial of binary content would be meaningless
            };
            return masked.getBytes(StandardCharsets.UTF_8);
        }
        return maskString(text(value), strategy);
    }

    /** The masked form of a string; null stays null. DEFAULT redacts (a string's type-preserving default). */
    public String maskString(String value, MaskingStrategy strategy) {
        if (value == null) {
            return null;
        }
        return switch (strategy) {
            case REDACT, DEFAULT -> REDACTED;
            case EMAIL -> writer.get().email(value);
            case PARTIAL -> writer.get().partial(value);
            case HASH -> writer.get().token(value);
            case NULL -> null;
        };
    }

    /**
     * The text with every sensitive value {@link ValueScanner found} in it replaced by its kind's default
     * strategy (a detected value is never typed, so DEFAULT means redact): {@code "mail bob@example.com"} →
     * {@code "mail <email:1b2c3d4e>"}. Returns the same instance when nothing is found; null stays null.
     */
    public String maskEmbedded(String text) {
        return maskEmbedded(text, null);
    }

    /** As {@link #maskEmbedded(String)}, replacing every match with {@code strategy} (null: per-kind default). */
    public String maskEmbedded(String text, MaskingStrategy strategy) {
        if (text == null) {
            return null;
        }
        List<ValueMatch> matches = ValueScanner.scan(text);
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        for (ValueMatch m : matches) {
            out.append(text, from, m.start());
            MaskingStrategy s = strategy != null ? strategy : m.kind().defaultStrategy();
            String masked = maskString(text.substring(m.start(), m.end()), s == MaskingStrategy.NULL
                    ? MaskingStrategy.REDACT : s);
            out.append(masked);
            from = m.end();
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    /** {@code tok_} + 16 hex characters of HMAC-SHA256(key, UTF-8 value). */
    public String token(String value) {
        return writer.get().token(value);
    }

    private String token(byte[] value) {
        return writer.get().token(value);
    }

    private String emailPlaceholder(byte[] value) {
        return writer.get().email(value);
    }

    /** Text used for tokens of non-string values: numerically equal decimals give one token (42 = 42.00). */
    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof char[] chars) {
            return new String(chars);
        }
        return value.toString();
    }

    // ---------------------------------------------------------------- type-preserving defaults

    /**
     * 0 of the same number type, the epoch (1970-01-01, midnight, UTC) of the same date/time type, false,
     * empty bytes, the nil UUID; any other type (text included) is redacted to {@code ****}. Mutable
     * {@code java.util.Date} values are created fresh for every call.
     */
    static Object typedDefault(Object value) {
        if (value instanceof Number) {
            if (value instanceof Integer) {
                return 0;
            } else if (value instanceof Long) {
                return 0L;
            } else if (value instanceof BigDecimal) {
                return BigDecimal.ZERO;
            } else if (value instanceof Double) {
                return 0.0d;
            } else if (value instanceof Float) {
                return 0.0f;
            } else if (value instanceof Short) {
                return (short) 0;
            } else if (value instanceof Byte) {
                return (byte) 0;
            } else if (value instanceof BigInteger) {
                return BigInteger.ZERO;
            }
            return REDACTED; // AtomicLong, driver-specific numbers: no safe zero of that type
        }
        if (value instanceof java.util.Date) {
            if (value instanceof java.sql.Timestamp) {
                return java.sql.Timestamp.valueOf(LocalDateTime.of(1970, 1, 1, 0, 0));
            } else if (value instanceof java.sql.Date) {
                return java.sql.Date.valueOf(LocalDate.of(1970, 1, 1));
            } else if (value instanceof java.sql.Time) {
                return java.sql.Time.valueOf(LocalTime.MIDNIGHT);
            }
            return new java.util.Date(0L);
        }
        if (value instanceof LocalDate) {
            return LocalDate.of(1970, 1, 1);
        } else if (value instanceof LocalDateTime) {
            return LocalDateTime.of(1970, 1, 1, 0, 0);
        } else if (value instanceof LocalTime) {
            return LocalTime.MIDNIGHT;
        } else if (value instanceof OffsetDateTime) {
            return OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        } else if (value instanceof ZonedDateTime) {
            return ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        } else if (value instanceof Instant) {
            return Instant.EPOCH;
        } else if (value instanceof OffsetTime) {
            return OffsetTime.of(0, 0, 0, 0, ZoneOffset.UTC);
        } else if (value instanceof Duration) {
            return Duration.ZERO;
        } else if (value instanceof Boolean) {
            return Boolean.FALSE;
        } else if (value instanceof byte[]) {
            return EMPTY;
        } else if (value instanceof UUID) {
            return new UUID(0L, 0L);
        } else if (value instanceof Character) {
            return '*';
        }
        return REDACTED;
    }
}
