package dev.governance.jdbc.masking;

import dev.governance.jdbc.SqlStates;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.Map;
import javax.sql.rowset.serial.SerialBlob;

/**
 * Reads cells of one result through its {@link MaskingPlan}: every getter of the governed result set comes here
 * (by index; labels are resolved first), so no getter can return a masked column's original value. Unmasked
 * text columns are scanned for sensitive values. A getter that can't be masked is refused for a masked column.
 * Typed getters of masked columns read the real value (so {@code wasNull} and conversion errors stay true to the
 * driver) and return the type's neutral value.
 */
public final class MaskedCells {
    private final MaskingPlan plan;
    private final Masker masker;
    private final TypedReads typed;
    /** The column of the last read: a cell masked with strategy {@code null} reads as SQL NULL ({@code wasNull}). */
    private int lastColumn;
    /** Placeholders for the thread reading this result; null until a masked text cell is read. */
    private ResultPlaceholders placeholders;

    public MaskedCells(MaskingPlan plan, Masker masker) {
        this.plan = plan;
        this.masker = masker;
        this.typed = new TypedReads(masker);
    }

    private MaskingStrategy strategy(int column) {
        return column > 0 && column < plan.strategies().length ? plan.strategies()[column] : null;
    }

    /** A structured column (JSON, array, row) masked part by part; planned as binary, off the common text path. */
    private DocumentMask document(int column) {
        return column > 0 && column < plan.documents().length ? plan.documents()[column] : null;
    }

    private boolean scanned(int column) {
        return column > 0 && column < plan.scanned().length && plan.scanned()[column];
    }

    /** True when the last cell read was turned into NULL by the {@code null} strategy. */
    public boolean lastReadMaskedToNull() {
        return strategy(lastColumn) == MaskingStrategy.NULL;
    }

    /** Neither masked nor value-scanned: the cell is read as the driver gives it. */
    private boolean untouched(int column) {
        return strategy(column) == null && !scanned(column);
    }

    /** The column is masked, whole or in parts. */
    public boolean masked(int column) {
        return strategy(column) != null || document(column) != null;
    }

    // ---- text ------------------------------------------------------------------------------------------------

    public String getString(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (binary(column) && strategy(column) == null) {
            DocumentMask document = document(column);
            if (document != null) {
                return documentText(rs.getString(column), document);
            }
            byte[] bytes = rs.getBytes(column);
            if (bytes != null && scannedBytes(bytes) != bytes) {
                return Masker.REDACTED; // the bytes hold a sensitive value; their text form would too
            }
            return rs.getString(column);
        }
        return text(rs.getString(column), column);
    }

    private boolean binary(int column) {
        return column > 0 && column < plan.binary().length && plan.binary()[column];
    }

    public String getNString(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (document(column) != null) {
            return getString(rs, column);
        }
        return text(rs.getNString(column), column);
    }

    /** A structured value's text with its sensitive parts masked and the rest value-scanned. */
    private String documentText(String text, DocumentMask document) {
        return text == null ? null : scanText(document.mask(text, masker));
    }

    /**
     * A driver's object for a structured column: the same object when nothing in it is masked; otherwise its masked
     * text (as bytes when the driver gave bytes), or, for arrays and rows, its elements masked.
     */
    private Object documentObject(Object value, DocumentMask document, int column) throws SQLException {
        if (value instanceof Array array) {
            return array(array, document.elementStrategy());
        }
        if (value instanceof Object[] elements) {
            return maskElements(elements, document.elementStrategy(), 0);
        }
        if (value instanceof byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String shown = documentText(text, document);
            return shown == text ? bytes : shown.getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return new TextClob(documentText(read(clob), document));
        }
        if (value instanceof ResultSet || value instanceof java.sql.Struct || value instanceof SQLXML
                || value instanceof Ref || value instanceof RowId || value instanceof Blob) {
            throw refused(column, "a nested " + value.getClass().getSimpleName());
        }
        String text = value.toString(); // a String, or a driver's json/jsonb/record object
        String shown = documentText(text, document);
        return shown == text ? value : shown;
    }

    /** The text of a cell as the caller may see it: masked, scanned, or as it is. */
    private String text(String value, int column) {
        if (value == null) {
            return null;
        }
        MaskingStrategy s = strategy(column);
        if (s != null) {
            return maskString(value, s);
        }
        return scanned(column) ? scanText(value) : value;
    }

    /** A masked text cell's placeholder, made by this result's placeholders for the calling thread. */
    private String maskString(String value, MaskingStrategy s) {
        ResultPlaceholders p = placeholders;
        if (p == null || !p.ownedByCurrentThread()) {
            p = new ResultPlaceholders(masker); // one per result and reading thread: never shared between threads
            placeholders = p;
        }
        return p.maskString(value, s);
    }

    /** Sensitive values in the text masked; an encoding of one (hex, base64) is as sensitive as the value. */
    private String scanText(String value) {
        String scannedText = masker.maskEmbedded(value);
        return scannedText == value && EncodedValues.hidesSensitive(value) ? Masker.REDACTED : scannedText;
    }

    /** A number long enough to be a card or account number that the scanner recognises as one. */
    private static boolean sensitiveNumber(Object value) {
        return value instanceof Number number && TypedReads.sensitiveNumber(number);
    }

    // ---- objects -----------------------------------------------------------------------------------------------

    public Object getObject(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        return object(rs.getObject(column), column);
    }

    public Object getObject(ResultSet rs, int column, Map<String, Class<?>> map) throws SQLException {
        lastColumn = column;
        return object(rs.getObject(column, map), column);
    }

    public <T> T getObject(ResultSet rs, int column, Class<T> type) throws SQLException {
        lastColumn = column;
        if (type == null) {
            throw new SQLException("getObject(…, null)", "HY009");
        }
        if (untouched(column)) {
            return rs.getObject(column, type);
        }
        if (type == String.class) {
            return type.cast(getString(rs, column));
        }
        if (type == byte[].class) {
            return type.cast(getBytes(rs, column));
        }
        if (type == Blob.class) {
            return type.cast(getBlob(rs, column));
        }
        if (type == Clob.class || type == NClob.class) {
            return type.cast(getNClob(rs, column));
        }
        if (type == InputStream.class) {
            return type.cast(getBinaryStream(rs, column));
        }
        if (type == Reader.class) {
            return type.cast(getCharacterStream(rs, column));
        }
        if (type == Array.class) {
            return type.cast(getArray(rs, column));
        }
        if (type == CharSequence.class) {
            return type.cast(getString(rs, column));
        }
        // Anything else is converted from the driver's own object, never by the driver (whose conversion of a
        // masked or sensitive value hands it out in another form, or fails quoting it).
        Object raw = typed.scrubbing(() -> rs.getObject(column));
        if (raw == null) {
            return null;
        }
        boolean hidden = masked(column) || typed.holdsSensitive(raw);
        if (!hidden) {
            Object value = object(typed.scrubbing(() -> rs.getObject(column, type)), column);
            if (value == null || type.isInstance(value)) {
                return type.cast(value);
            }
            throw refused(column, "getObject(" + type.getSimpleName() + ")");
        }
        Object shown = object(raw, column);
        if (type.isInstance(shown)) {
            return type.cast(shown);
        }
        if (type == Object[].class && shown instanceof Array array) {
            return type.cast(array.getArray());
        }
        T neutral = TypedReads.neutral(type);
        if (neutral == null) {
            throw refused(column, "getObject(" + type.getSimpleName() + ")");
        }
        return neutral;
    }

    private Object object(Object value, int column) throws SQLException {
        if (value == null) {
            return null;
        }
        MaskingStrategy s = strategy(column);
        if (s != null) {
            return maskedObject(value, s, column);
        }
        if (!scanned(column)) {
            return value;
        }
        DocumentMask document = document(column);
        if (document != null) {
            return documentObject(value, document, column);
        }
        if (value instanceof String text) {
            return text(text, column);
        }
        if (value instanceof Clob clob) {
            return new TextClob(text(read(clob), column));
        }
        if (value instanceof Array array) {
            return array(array, null);
        }
        if (value instanceof Object[] elements) {
            return maskElements(elements, null, 0); // a ROW value
        }
        if (value instanceof byte[] bytes) {
            return scannedBytes(bytes);
        }
        if (value instanceof Blob blob) {
            return new SerialBlob(scannedBytes(blob.getBytes(1, (int) blob.length())));
        }
        if (value instanceof ResultSet || value instanceof java.sql.Struct || value instanceof SQLXML) {
            throw refused(column, "a nested " + value.getClass().getSimpleName());
        }
        if (sensitiveNumber(value)) {
            return masker.mask(value, MaskingStrategy.DEFAULT);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof java.util.Date
                || value instanceof java.time.temporal.Temporal || value instanceof java.util.UUID) {
            return value;
        }
        // A driver's own type (PostgreSQL json/jsonb, interval, ...): scan its text; masked text replaces it.
        String text = value.toString();
        String scannedText = masker.maskEmbedded(text);
        return scannedText == text ? value : scannedText;
    }

    private byte[] scannedBytes(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String scannedText = masker.maskEmbedded(text);
        if (scannedText == text) {
            String utf16 = new String(bytes, StandardCharsets.UTF_16BE);
            if (ValueScanner.containsSensitive(utf16) || EncodedValues.hidesSensitive(text)) {
                return Masker.REDACTED.getBytes(StandardCharsets.UTF_8);
            }
            return bytes;
        }
        return scannedText.getBytes(StandardCharsets.UTF_8);
    }

    private Object maskedObject(Object value, MaskingStrategy s, int column) throws SQLException {
        if (value instanceof String text) {
            return maskString(text, s);
        }
        if (value instanceof Clob clob) {
            String masked = masker.maskString(read(clob), s);
            return masked == null ? null : new TextClob(masked);
        }
        if (value instanceof Blob blob) {
            return masker.mask(blob.getBytes(1, (int) blob.length()), s);
        }
        if (value instanceof byte[] || value instanceof Character) {
            return masker.mask(value, s);
        }
        if (value instanceof Array array) {
            return array(array, s);
        }
        if (value instanceof Object[] elements) {
            return maskElements(elements, s, 0);
        }
        if (value instanceof ResultSet || value instanceof java.sql.Struct || value instanceof SQLXML
                || value instanceof Ref || value instanceof RowId) {
            throw refused(column, "a nested " + value.getClass().getSimpleName());
        }
        // Numbers, dates, booleans, UUIDs...: a text placeholder would change the type; keep it, lose the value.
        return masker.mask(value, s == MaskingStrategy.NULL ? MaskingStrategy.NULL : MaskingStrategy.DEFAULT);
    }

    private MaskedArray array(Array array, MaskingStrategy s) throws SQLException {
        Object raw = array.getArray();
        Object[] source = raw instanceof Object[] objects ? objects : boxed(raw);
        Object[] out = maskElements(source, s, 0);
        return new MaskedArray(array.getBaseTypeName(), array.getBaseType(), out);
    }

    /** Elements of an array (nested arrays and rows too) masked or scanned like cells. */
    private Object[] maskElements(Object[] source, MaskingStrategy s, int depth) {
        Object[] out = new Object[source.length];
        for (int i = 0; i < source.length; i++) {
            out[i] = maskElement(source[i], s, depth);
        }
        return out;
    }

    private Object maskElement(Object element, MaskingStrategy s, int depth) {
        if (element == null) {
            return null;
        }
        if (element instanceof Object[] nested) {
            return depth > 16 ? Masker.REDACTED : maskElements(nested, s, depth + 1);
        }
        if (element instanceof ResultSet || element instanceof java.sql.Struct || element instanceof SQLXML
                || element instanceof Ref || element instanceof Array) {
            return Masker.REDACTED; // a row or nested value inside an array: not traceable, never handed out raw
        }
        if (s != null) {
            return element instanceof String text ? masker.maskString(text, s)
                    : masker.mask(element, s == MaskingStrategy.NULL ? s : MaskingStrategy.DEFAULT);
        }
        if (element instanceof byte[] bytes) {
            return scannedBytes(bytes);
        }
        if (sensitiveNumber(element)) {
            return masker.mask(element, MaskingStrategy.DEFAULT);
        }
        if (element instanceof Number || element instanceof Boolean) {
            return element;
        }
        String text = element.toString();
        String scannedText = scanText(text);
        return scannedText == text ? element : scannedText;
    }

    private static Object[] boxed(Object primitiveArray) {
        int n = java.lang.reflect.Array.getLength(primitiveArray);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = java.lang.reflect.Array.get(primitiveArray, i);
        }
        return out;
    }

    // ---- bytes, streams, LOBs ----------------------------------------------------------------------------------

    public byte[] getBytes(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        MaskingStrategy s = strategy(column);
        if (s == null && !scanned(column)) {
            return rs.getBytes(column);
        }
        byte[] bytes = rs.getBytes(column);
        if (bytes == null) {
            return null;
        }
        if (s != null) {
            return (byte[]) masker.mask(bytes, s == MaskingStrategy.DEFAULT ? MaskingStrategy.REDACT : s);
        }
        DocumentMask document = document(column);
        if (document != null) {
            return (byte[]) documentObject(bytes, document, column);
        }
        return scannedBytes(bytes);
    }

    public InputStream getAsciiStream(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getAsciiStream(column);
        }
        String text = getString(rs, column);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    public InputStream getUnicodeStream(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            @SuppressWarnings("deprecation")
            InputStream raw = rs.getUnicodeStream(column);
            return raw;
        }
        String text = getString(rs, column);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16BE));
    }

    public InputStream getBinaryStream(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getBinaryStream(column);
        }
        byte[] bytes = getBytes(rs, column);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    public Reader getCharacterStream(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getCharacterStream(column);
        }
        String text = getString(rs, column);
        return text == null ? null : new StringReader(text);
    }

    public Reader getNCharacterStream(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getNCharacterStream(column);
        }
        String text = getNString(rs, column);
        return text == null ? null : new StringReader(text);
    }

    public Clob getClob(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getClob(column);
        }
        String text = getString(rs, column);
        return text == null ? null : new TextClob(text);
    }

    public NClob getNClob(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getNClob(column);
        }
        String text = getNString(rs, column);
        return text == null ? null : new TextClob(text);
    }

    public Blob getBlob(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getBlob(column);
        }
        byte[] bytes = getBytes(rs, column);
        return bytes == null ? null : new SerialBlob(bytes);
    }

    public Array getArray(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return rs.getArray(column);
        }
        Array array = rs.getArray(column);
        DocumentMask document = document(column);
        return array == null ? null : array(array, document != null ? document.elementStrategy() : strategy(column));
    }

    public SQLXML getSQLXML(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        if (masked(column)) {
            throw refused(column, "getSQLXML");
        }
        if (scanned(column)) {
            // Read as text first (a SQLXML can be read once); hand out the XML only when it holds nothing sensitive.
            String text = rs.getString(column);
            if (text != null && scanText(text) != text) {
                throw refused(column, "getSQLXML of a value holding sensitive data (read it with getString)");
            }
        }
        return typed.scrubbing(() -> rs.getSQLXML(column));
    }

    public Ref getRef(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        requireClean(rs, column, "getRef");
        return typed.scrubbing(() -> rs.getRef(column));
    }

    public RowId getRowId(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        requireClean(rs, column, "getRowId");
        return typed.scrubbing(() -> rs.getRowId(column));
    }

    public URL getURL(ResultSet rs, int column) throws SQLException {
        lastColumn = column;
        requireClean(rs, column, "getURL");
        return typed.scrubbing(() -> rs.getURL(column));
    }

    /** For getters with no neutral value: refused on a masked cell, or a scanned one that holds a sensitive value. */
    private void requireClean(ResultSet rs, int column, String what) throws SQLException {
        requireUnmasked(column, what);
        if (scanned(column) && typed.holdsSensitive(typed.scrubbing(() -> rs.getObject(column)))) {
            throw refused(column, what);
        }
    }

    // ---- typed values: read for wasNull and errors, then the neutral value --------------------------------------

    public boolean getBoolean(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getBoolean(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getBoolean(column), false);
    }

    public byte getByte(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getByte(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getByte(column), (byte) 0);
    }

    public short getShort(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getShort(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getShort(column), (short) 0);
    }

    public int getInt(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getInt(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getInt(column), 0);
    }

    public long getLong(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getLong(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getLong(column), 0L);
    }

    public float getFloat(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getFloat(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getFloat(column), 0f);
    }

    public double getDouble(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getDouble(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getDouble(column), 0d);
    }

    public BigDecimal getBigDecimal(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getBigDecimal(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getBigDecimal(column), BigDecimal.ZERO);
    }

    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(ResultSet rs, int column, int scale) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getBigDecimal(column, scale);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getBigDecimal(column, scale), BigDecimal.ZERO.setScale(scale));
    }

    public Date getDate(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getDate(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getDate(column), Date.valueOf("1970-01-01"));
    }

    public Date getDate(ResultSet rs, int column, Calendar cal) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getDate(column, cal);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getDate(column, cal), Date.valueOf("1970-01-01"));
    }

    public Time getTime(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getTime(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getTime(column), new Time(0L));
    }

    public Time getTime(ResultSet rs, int column, Calendar cal) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getTime(column, cal);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getTime(column, cal), new Time(0L));
    }

    public Timestamp getTimestamp(ResultSet rs, int column) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getTimestamp(column);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getTimestamp(column), new Timestamp(0L));
    }

    public Timestamp getTimestamp(ResultSet rs, int column, Calendar cal) throws SQLException {
        if (direct(column)) {
            try {
                return rs.getTimestamp(column, cal);
            } catch (SQLException e) {
                throw typed.scrub(e);
            }
        }
        return read(rs, column, () -> rs.getTimestamp(column, cal), new Timestamp(0L));
    }

    /**
     * A typed read: an untouched cell as the driver converts it; a masked cell, or a scanned one holding a
     * sensitive value, as {@code neutral}, never converted by the driver (see {@link TypedReads}).
     */
    /**
     * True (and the column noted for wasNull) when the cell is neither masked nor scanned: the typed getters then
     * call the driver directly, with no lambda, boxing or neutral value built per row.
     */
    private boolean direct(int column) {
        lastColumn = column;
        return untouched(column);
    }

    private <T> T read(ResultSet rs, int column, TypedReads.Read<T> convert, T neutral) throws SQLException {
        lastColumn = column;
        if (untouched(column)) {
            return typed.scrubbing(convert);
        }
        return typed.read(masked(column), () -> rs.getObject(column), convert, neutral);
    }

    // ---- writes ------------------------------------------------------------------------------------------------

    /** Updating a masked column through an updatable result set is denied. */
    public void guardUpdate(int column) throws SQLException {
        requireUnmasked(column, "an update");
    }

    private void requireUnmasked(int column, String what) throws SQLException {
        if (masked(column)) {
            throw refused(column, what);
        }
    }

    private SQLException refused(int column, String what) {
        String label = column > 0 && column < plan.labels().length ? plan.labels()[column] : String.valueOf(column);
        return TypedReads.refused(label, what);
    }

    private static String read(Clob clob) throws SQLException {
        return TypedReads.read(clob);
    }

    /** JDBC types whose bytes are scanned as UTF-8 text for a masked identity (a copied value cast to binary). */
    public static boolean isBinary(int jdbcType) {
        return jdbcType == Types.BINARY || jdbcType == Types.VARBINARY || jdbcType == Types.LONGVARBINARY
                || jdbcType == Types.BLOB;
    }

    /** Number types that can hold a card or account number (scanned for a masked identity). */
    public static boolean isLongNumber(int jdbcType) {
        return jdbcType == Types.BIGINT || jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC;
    }

    /** JDBC types whose values are text to scan for sensitive values. */
    public static boolean isText(int jdbcType) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB, Types.SQLXML, Types.OTHER, Types.JAVA_OBJECT, Types.ARRAY,
                    Types.STRUCT, Types.DATALINK -> true;
            default -> false;
        };
    }
}
