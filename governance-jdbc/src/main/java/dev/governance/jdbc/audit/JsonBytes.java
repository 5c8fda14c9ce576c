package dev.governance.jdbc.audit;

import java.util.Arrays;

/**
 * A minimal JSON writer into a reusable byte buffer, for the audit writer's hot path: the subset of Jackson's
 * {@code JsonGenerator} that {@link AuditJson} uses, with the same output (UTF-8, the same escapes, no spaces),
 * and no allocation per record once the buffer has grown. Surrogates are written as escapes, as Jackson does; a
 * lone one (which Jackson refuses) too, so that a record is never lost to its text. Not thread-safe: one per
 * writer thread.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final int MAX_DEPTH = 64;

    private byte[] bytes = new byte[1024];
    private int size;
    /** Per open container: true until its first member is written (no comma before it). */
    private final boolean[] empty = new boolean[MAX_DEPTH];
    private int depth;

    void reset() {
        size = 0;
        depth = 0;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The buffer itself, valid up to {@link #size()} until the next write: for callers that copy it anyway. */
    byte[] buffer() {
        return bytes;
    }

    void writeStartObject() {
        beforeValue();
        open('{');
    }

    void writeEndObject() {
        close('}');
    }

    void writeEndArray() {
        close(']');
    }

    void writeObjectFieldStart(String name) {
        writeFieldName(name);
        open('{');
    }

    void writeArrayFieldStart(String name) {
        writeFieldName(name);
        open('[');
    }

    void writeStringField(String name, String value) {
        writeFieldName(name);
        if (value == null) {
            append(NULL);
        } else {
            quoted(value);
        }
    }

    /** A string field whose value is {@code length} ASCII bytes that need no escape (a hex hash). */
    void writeAsciiField(String name, byte[] ascii, int length) {
        writeFieldName(name);
        ensure(length + 2);
        bytes[size++] = '"';
        System.arraycopy(ascii, 0, bytes, size, length);
        size += length;
        bytes[size++] = '"';
    }

    /** A timestamp field ({@link Timestamps#format}), written in place. */
    void writeTimestampField(String name, java.time.Instant ts) {
        writeFieldName(name);
        ensure(Timestamps.LENGTH + 2);
        if (!Timestamps.write(bytes, size + 1, ts)) {
            quoted(Timestamps.format(ts));
            return;
        }
        bytes[size] = '"';
        bytes[size + Timestamps.LENGTH + 1] = '"';
        size += Timestamps.LENGTH + 2;
    }

    void writeNumberField(String name, long value) {
        writeFieldName(name);
        number(value);
    }

    void writeBooleanField(String name, boolean value) {
        writeFieldName(name);
        append(value ? TRUE : FALSE);
    }

    void writeNullField(String name) {
        writeFieldName(name);
        append(NULL);
    }

    /** An array element. */
    void writeString(String value) {
        beforeValue();
        if (value == null) {
            append(NULL);
        } else {
            quoted(value);
        }
    }

    private void writeFieldName(String name) {
        beforeValue();
        int slot = System.identityHashCode(name) & (NAME_SLOTS - 1);
        for (int probe = 0; probe < NAME_PROBES; probe++, slot = (slot + 1) & (NAME_SLOTS - 1)) {
            String key = nameKeys[slot];
            if (key == name) {
                append(nameBytes[slot]);
                return;
            }
            if (key == null) {
                int start = size;
                quotedName(name);
                nameBytes[slot] = Arrays.copyOfRange(bytes, start, size);
                nameKeys[slot] = name;
                return;
            }
        }
        quotedName(name); // the probed slots hold other names: not cached
    }

    private void quotedName(String name) {
        encode(name);
        ensure(1);
        bytes[size++] = ':';
    }

    /**
     * Field names (by identity) and their quoted UTF-8 form with the colon, open addressing: the names are the same
     * few dozen constants in every record, and encoding them character by character was the encoder's largest cost.
     */
    private static final int NAME_SLOTS = 256;
    private static final int NAME_PROBES = 8;
    private final String[] nameKeys = new String[NAME_SLOTS];
    private final byte[][] nameBytes = new byte[NAME_SLOTS][];

    private void beforeValue() {
        if (depth > 0) {
            if (empty[depth - 1]) {
                empty[depth - 1] = false;
            } else {
                ensure(1);
                bytes[size++] = ',';
            }
        }
    }

    private void open(char c) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nested deeper than " + MAX_DEPTH);
        }
        ensure(1);
        bytes[size++] = (byte) c;
        empty[depth++] = true;
    }

    private void close(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        depth--;
    }

    private void number(long value) {
        if (value == Long.MIN_VALUE) {
            append(Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size = end;
    }

    /**
     * Recently written strings (by identity) and their quoted UTF-8 form: a trail writes the same SQL text,
     * fingerprint, connection id, URL, statement type and decision instances again and again, and copying their
     * bytes is cheaper than encoding them character by character (from 4 characters on: the sink's CPU per record
     * fell by a tenth against 16). Direct-mapped; a collision just encodes again.
     */
    private static final int ENCODED_SLOTS = 512;
    private static final int ENCODED_MIN_LENGTH = 4;
    private static final int ENCODED_MAX_LENGTH = 1024;
    private final String[] encodedKeys = new String[ENCODED_SLOTS];
    private final byte[][] encodedBytes = new byte[ENCODED_SLOTS][];

    private void quoted(String s) {
        int n = s.length();
        if (n < ENCODED_MIN_LENGTH || n > ENCODED_MAX_LENGTH) {
            encode(s);
            return;
        }
        int slot = System.identityHashCode(s) & (ENCODED_SLOTS - 1);
        if (encodedKeys[slot] == s) {
            append(encodedBytes[slot]);
            return;
        }
        int start = size;
        encode(s);
        encodedBytes[slot] = Arrays.copyOfRange(bytes, start, size);
        encodedKeys[slot] = s;
    }

    private void encode(String s) {
        int n = s.length();
        ensure(n * 3 + 2); // UTF-8: at most 3 bytes per char; escapes reserve more as they come
        byte[] b = bytes;
        int at = size;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                } else {
                    size = at;
                    ensure(6 + 3 * (n - i - 1) + 1); // the escape, then the rest as reserved
                    escape(c);
                    b = bytes;
                    at = size;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                size = at;
                ensure(6 + 3 * (n - i - 1) + 1);
                escape(c); // as Jackson writes them: each half as an escape (a lone half survives too)
                b = bytes;
                at = size;
            } else {
                b[at++] = (byte) (0xe0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[at++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        b[at++] = '"';
        size = at;
    }

    /** Jackson's escapes: the short forms for quote, backslash, \b \t \n \f \r; {@code \}{@code uXXXX} otherwise. */
    private void escape(char c) {
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        bytes[size++] = '\\';
        if (shortForm != 0) {
            bytes[size++] = (byte) shortForm;
        } else {
            bytes[size++] = 'u';
            bytes[size++] = HEX[c >> 12];
            bytes[size++] = HEX[(c >> 8) & 0xf];
            bytes[size++] = HEX[(c >> 4) & 0xf];
            bytes[size++] = HEX[c & 0xf];
        }
    }

    private void append(byte[] literal) {
        ensure(literal.length);
        System.arraycopy(literal, 0, bytes, size, literal.length);
        size += literal.length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
