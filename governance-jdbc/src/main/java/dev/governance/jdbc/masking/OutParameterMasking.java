package dev.governance.jdbc.masking;

import dev.governance.jdbc.SqlStates;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;
import javax.sql.rowset.serial.SerialBlob;

/**
 * OUT parameters of a procedure called by a masked identity. What a procedure reads can't be traced, so every
 * text value is scanned for sensitive values (masked where found); values that can't be scanned (XML, refs,
 * row ids, URLs) are refused.
 */
public final class OutParameterMasking {
    private final Masker masker;
    private final TypedReads typed;

    public OutParameterMasking(Masker masker) {
        this.masker = masker;
        this.typed = new TypedReads(masker);
    }

    /** A typed getter ({@code getDouble}, {@code getDate}, …): see {@link TypedReads#read}. */
    public <T> T typed(TypedReads.Read<Object> raw, TypedReads.Read<T> convert, T neutral) throws SQLException {
        return typed.read(false, raw, convert, neutral);
    }

    /** A read from the real driver whose error could quote the value: rebuilt without it. */
    public <T> T scrubbing(TypedReads.Read<T> read) throws SQLException {
        return typed.scrubbing(read);
    }

    public String text(String value) {
        if (value == null) {
            return null;
        }
        String masked = masker.maskEmbedded(value);
        return masked == value && EncodedValues.hidesSensitive(value) ? Masker.REDACTED : masked;
    }

    public Object object(Object value) throws SQLException {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Clob clob) {
            return clob(clob);
        }
        if (value instanceof byte[] bytes) {
            return bytes(bytes);
        }
        if (value instanceof Blob blob) {
            return blob(blob);
        }
        if (value instanceof Array array) {
            return array(array);
        }
        if (value instanceof java.sql.ResultSet || value instanceof java.sql.SQLXML || value instanceof java.sql.Struct
                || value instanceof java.sql.Ref || value instanceof java.sql.RowId) {
            throw refused(value.getClass().getSimpleName());
        }
        if (value instanceof Number number && TypedReads.sensitiveNumber(number)) {
            return masker.mask(value, MaskingStrategy.DEFAULT); // a card number in a BIGINT is a card number
        }
        return value;
    }

    /**
     * {@code getObject(parameter, type)}: {@code raw} is the driver's own object, {@code convert} the driver's
     * conversion, used only for a value that holds nothing sensitive; a sensitive one is handed out masked when it
     * already has the type, as the type's neutral value otherwise, or refused when the type has none.
     */
    public <T> T object(TypedReads.Read<Object> raw, TypedReads.Read<T> convert, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("getObject(…, null)", "HY009");
        }
        Object value = typed.scrubbing(raw);
        if (value == null) {
            return null;
        }
        if (!typed.holdsSensitive(value)) {
            Object converted = object(typed.scrubbing(convert));
            if (converted == null || type.isInstance(converted)) {
                return type.cast(converted);
            }
            throw refused("getObject(" + type.getSimpleName() + ")");
        }
        Object shown = object(value);
        if ((type == String.class || type == CharSequence.class) && shown instanceof Clob clob) {
            shown = clob.getSubString(1, (int) clob.length());
        }
        if (type.isInstance(shown)) {
            return type.cast(shown);
        }
        T neutral = TypedReads.neutral(type);
        if (neutral == null) {
            throw refused("getObject(" + type.getSimpleName() + ")");
        }
        return neutral;
    }

    public byte[] bytes(byte[] value) {
        if (value == null) {
            return null;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        String masked = masker.maskEmbedded(text);
        return masked == text ? value : masked.getBytes(StandardCharsets.UTF_8);
    }

    public Reader reader(Reader value) throws SQLException {
        return value == null ? null : new StringReader(text(read(value)));
    }

    public TextClob clob(Clob value) throws SQLException {
        return value == null ? null : new TextClob(text(read(value.getCharacterStream())));
    }

    public NClob nclob(NClob value) throws SQLException {
        return clob(value);
    }

    public Blob blob(Blob value) throws SQLException {
        return value == null ? null : new SerialBlob(bytes(value.getBytes(1, (int) value.length())));
    }

    public Array array(Array value) throws SQLException {
        if (value == null) {
            return null;
        }
        Object raw = value.getArray();
        if (!(raw instanceof Object[] elements)) {
            return value; // primitive arrays hold no text
        }
        Object[] out = new Object[elements.length];
        for (int i = 0; i < elements.length; i++) {
            out[i] = elements[i] instanceof String s ? text(s) : elements[i];
        }
        return new MaskedArray(value.getBaseTypeName(), value.getBaseType(), out);
    }

    /** For getters whose values can't be scanned. */
    public SQLException refused(String what) {
        return new SQLException("OUT parameters are masked for this identity: " + what + " can't be read"
                + " (read it with getString or getObject)", SqlStates.POLICY_DENIED);
    }

    private static String read(Reader reader) throws SQLException {
        try (Reader in = reader) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new SQLException("reading a value to mask failed: " + e.getMessage(), "HY000", e);
        }
    }
}
