package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.GovernedResultSet;
import dev.governance.jdbc.ResultLimitExceededException;
import dev.governance.jdbc.gate.Admission;
import dev.governance.jdbc.gate.RowChanges;
import dev.governance.jdbc.masking.MaskedCells;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A governed {@link ResultSet}. {@link #getStatement()} gives the governed statement that produced it (for a
 * metadata result: a governed wrapper of the real driver's statement, or null when it has none).
 */
public final class ResultSetWrapper implements GovernedResultSet {
    final ResultSet delegate;
    private final ConnectionWrapper connection;
    private final Admission admission;
    /** How to read cells for a masked identity; null when nothing is masked (then every getter just delegates). */
    private final MaskedCells masked;
    /** True when closing this result completes its statement's audit record (rows read known then). */
    private final boolean completesRecord;
    private StatementWrapper statement;
    private volatile boolean closed;
    private long rowsRead;
    /** Most rows this result may deliver ({@code max-result-rows}); {@link Long#MAX_VALUE} when unlimited. */
    private final long resultLimit;
    /** Raised again on every move once the result reached its limit. */
    private ResultLimitExceededException cut;
    /** Columns changed through updateXxx since the last updateRow/insertRow/cancel. */
    private final java.util.BitSet changed = new java.util.BitSet();

    ResultSetWrapper(ResultSet delegate, StatementWrapper statement, Admission admission, boolean completesRecord)
            throws SQLException {
        this.delegate = delegate;
        this.statement = statement;
        this.connection = statement.connection;
        this.admission = admission;
        this.completesRecord = completesRecord && admission != null;
        this.masked = admission == null ? null
                : completesRecord ? admission.masking(delegate) : admission.maskingOfKeys(delegate);
        this.resultLimit = this.completesRecord ? admission.resultLimit() : Long.MAX_VALUE;
    }

    /** A metadata result: it came from {@code DatabaseMetaData}, not from a statement of ours. */
    ResultSetWrapper(ResultSet delegate, ConnectionWrapper connection) {
        this.delegate = delegate;
        this.connection = connection;
        this.admission = null;
        this.completesRecord = false;
        this.masked = null;
        this.resultLimit = Long.MAX_VALUE;
    }

    /**
     * A column about to be changed through this (updatable) result: refused when masked, remembered so that
     * {@code updateRow}/{@code insertRow} are decided as the statement they amount to.
     */
    private void updating(int column) throws SQLException {
        MaskedCells m = masked;
        if (m != null) {
            m.guardUpdate(column);
        }
        if (column > 0) {
            changed.set(column);
        }
    }

    /** Decides a row change as the statement it amounts to, runs it under that decision, and records it. */
    private void changeRow(String sql, dev.governance.jdbc.gate.JdbcCall<Void> call) throws SQLException {
        Admission change = connection.session().admit(dev.governance.jdbc.gate.EntryPoint.EXECUTE_UPDATE, sql);
        change.execute(call, ignored -> 1L);
    }

    /** A result set inside a cell (a PostgreSQL refcursor) is governed too, never the real driver's. */
    private Object nested(Object value) {
        return value instanceof ResultSet rs ? new ResultSetWrapper(rs, connection) : value;
    }

    /** The statement moved on (re-executed, next result, closed): complete the record as if closed. */
    void abandoned() {
        closed = true;
        complete();
    }

    private void complete() {
        if (completesRecord) {
            admission.completeResult(rowsRead);
        }
    }

    // ---- intercepted ---------------------------------------------------------------------------------------------

    @Override
    public Statement getStatement() throws SQLException {
        if (statement == null) {
            Statement raw = delegate.getStatement();
            if (raw == null) {
                return null;
            }
            statement = connection.wrapForeign(raw);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        closed = true;
        try {
            delegate.close();
        } finally {
            complete();
        }
    }

    @Override
    public boolean next() throws SQLException {
        if (rowsRead >= resultLimit) {
            return pastLimit();
        }
        try {
            if (delegate.next()) {
                rowsRead++;
                return true;
            }
            return false;
        } catch (SQLException e) {
            throw admission == null ? e : admission.scrub(e); // rows computed lazily fail here, quoting values
        } catch (RuntimeException e) {
            throw Failures.of(e, masked != null);
        }
    }

    /** Asked for the row after the last one allowed: fine when there is none, else the result stops (VG021). */
    private boolean pastLimit() throws SQLException {
        if (cut == null && !delegate.next()) {
            return false;
        }
        throw stop();
    }

    /** A scrollable result moved onto a row past the limit: it stops there too. */
    private boolean moved(boolean onRow) throws SQLException {
        if (onRow && resultLimit != Long.MAX_VALUE && (cut != null || delegate.getRow() > resultLimit)) {
            throw stop();
        }
        return onRow;
    }

    private ResultLimitExceededException stop() {
        if (cut == null) {
            cut = admission.resultLimitReached(rowsRead);
            try {
                delegate.close(); // nothing past the limit can be read through any getter
            } catch (SQLException ignored) {
                // the refusal is what the caller needs to see
            }
        }
        return cut;
    }

    @Override
    public boolean masked(int column) {
        return masked != null && masked.masked(column);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || delegate.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        // Masking can't be undone: a masked result never hands out the real one, whatever allow-unwrap says.
        return Unwrapping.unwrap(this, delegate, iface, connection.allowUnwrap() && masked == null);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, connection.allowUnwrap() && masked == null);
    }

    // ---- getters through the masking plan (when there is one), updates guarded, the rest delegates -------------

    @Override
    public boolean absolute(int value) throws SQLException {
        return moved(delegate.absolute(value));
    }

    @Override
    public void afterLast() throws SQLException {
        delegate.afterLast();
    }

    @Override
    public void beforeFirst() throws SQLException {
        delegate.beforeFirst();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        delegate.cancelRowUpdates();
        changed.clear();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public void deleteRow() throws SQLException {
        changeRow(RowChanges.delete(delegate.getMetaData(), connection.session(), admission), () -> {
            delegate.deleteRow();
            return null;
        });
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        return delegate.findColumn(columnLabel);
    }

    @Override
    public boolean first() throws SQLException {
        return delegate.first();
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getArray(columnLabel) : m.getArray(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getArray(columnIndex) : m.getArray(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.InputStream getAsciiStream(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getAsciiStream(columnLabel) : m.getAsciiStream(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.InputStream getAsciiStream(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getAsciiStream(columnIndex) : m.getAsciiStream(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String columnLabel, int x) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBigDecimal(columnLabel, x) : m.getBigDecimal(delegate, delegate.findColumn(columnLabel), x);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBigDecimal(columnLabel) : m.getBigDecimal(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int columnIndex, int x) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBigDecimal(columnIndex, x) : m.getBigDecimal(delegate, columnIndex, x);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBigDecimal(columnIndex) : m.getBigDecimal(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.InputStream getBinaryStream(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBinaryStream(columnLabel) : m.getBinaryStream(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.InputStream getBinaryStream(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBinaryStream(columnIndex) : m.getBinaryStream(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBlob(columnLabel) : m.getBlob(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBlob(columnIndex) : m.getBlob(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBoolean(columnLabel) : m.getBoolean(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBoolean(columnIndex) : m.getBoolean(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getByte(columnLabel) : m.getByte(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getByte(columnIndex) : m.getByte(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBytes(columnLabel) : m.getBytes(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getBytes(columnIndex) : m.getBytes(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.Reader getCharacterStream(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getCharacterStream(columnLabel) : m.getCharacterStream(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.Reader getCharacterStream(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getCharacterStream(columnIndex) : m.getCharacterStream(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getClob(columnLabel) : m.getClob(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getClob(columnIndex) : m.getClob(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public int getConcurrency() throws SQLException {
        return delegate.getConcurrency();
    }

    @Override
    public String getCursorName() throws SQLException {
        return delegate.getCursorName();
    }

    @Override
    public Date getDate(String columnLabel, java.util.Calendar cal) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getDate(columnLabel, cal) : m.getDate(delegate, delegate.findColumn(columnLabel), cal);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getDate(columnLabel) : m.getDate(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Date getDate(int columnIndex, java.util.Calendar cal) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getDate(columnIndex, cal) : m.getDate(delegate, columnIndex, cal);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getDate(columnIndex) : m.getDate(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getDouble(columnLabel) : m.getDouble(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getDouble(columnIndex) : m.getDouble(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return delegate.getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return delegate.getFetchSize();
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getFloat(columnLabel) : m.getFloat(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getFloat(columnIndex) : m.getFloat(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getInt(columnLabel) : m.getInt(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getInt(columnIndex) : m.getInt(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getLong(columnLabel) : m.getLong(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getLong(columnIndex) : m.getLong(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return delegate.getMetaData();
    }

    @Override
    public java.io.Reader getNCharacterStream(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getNCharacterStream(columnLabel) : m.getNCharacterStream(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.Reader getNCharacterStream(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getNCharacterStream(columnIndex) : m.getNCharacterStream(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getNClob(columnLabel) : m.getNClob(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getNClob(columnIndex) : m.getNClob(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getNString(columnLabel) : m.getNString(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getNString(columnIndex) : m.getNString(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? type.cast(nested(delegate.getObject(columnLabel, type))) : m.getObject(delegate, delegate.findColumn(columnLabel), type);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(String columnLabel, java.util.Map<String, Class<?>> map) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? nested(delegate.getObject(columnLabel, map)) : m.getObject(delegate, delegate.findColumn(columnLabel), map);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? nested(delegate.getObject(columnLabel)) : m.getObject(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? type.cast(nested(delegate.getObject(columnIndex, type))) : m.getObject(delegate, columnIndex, type);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(int columnIndex, java.util.Map<String, Class<?>> map) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? nested(delegate.getObject(columnIndex, map)) : m.getObject(delegate, columnIndex, map);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? nested(delegate.getObject(columnIndex)) : m.getObject(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getRef(columnLabel) : m.getRef(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getRef(columnIndex) : m.getRef(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public int getRow() throws SQLException {
        return delegate.getRow();
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getRowId(columnLabel) : m.getRowId(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getRowId(columnIndex) : m.getRowId(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getSQLXML(columnLabel) : m.getSQLXML(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getSQLXML(columnIndex) : m.getSQLXML(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getShort(columnLabel) : m.getShort(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getShort(columnIndex) : m.getShort(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getString(columnLabel) : m.getString(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getString(columnIndex) : m.getString(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Time getTime(String columnLabel, java.util.Calendar cal) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTime(columnLabel, cal) : m.getTime(delegate, delegate.findColumn(columnLabel), cal);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTime(columnLabel) : m.getTime(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Time getTime(int columnIndex, java.util.Calendar cal) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTime(columnIndex, cal) : m.getTime(delegate, columnIndex, cal);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTime(columnIndex) : m.getTime(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, java.util.Calendar cal) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTimestamp(columnLabel, cal) : m.getTimestamp(delegate, delegate.findColumn(columnLabel), cal);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTimestamp(columnLabel) : m.getTimestamp(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, java.util.Calendar cal) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTimestamp(columnIndex, cal) : m.getTimestamp(delegate, columnIndex, cal);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getTimestamp(columnIndex) : m.getTimestamp(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public int getType() throws SQLException {
        return delegate.getType();
    }

    @Override
    public java.net.URL getURL(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getURL(columnLabel) : m.getURL(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.net.URL getURL(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getURL(columnIndex) : m.getURL(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.InputStream getUnicodeStream(String columnLabel) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getUnicodeStream(columnLabel) : m.getUnicodeStream(delegate, delegate.findColumn(columnLabel));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.InputStream getUnicodeStream(int columnIndex) throws SQLException {
        MaskedCells m = masked;
        try {
            return m == null ? delegate.getUnicodeStream(columnIndex) : m.getUnicodeStream(delegate, columnIndex);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        SQLWarning warnings = delegate.getWarnings();
        return admission == null ? warnings : admission.scrub(warnings);
    }

    @Override
    public void insertRow() throws SQLException {
        changeRow(RowChanges.insert(delegate.getMetaData(), changed, connection.session()), () -> {
            delegate.insertRow();
            return null;
        });
        changed.clear();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return delegate.isAfterLast();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return delegate.isBeforeFirst();
    }

    @Override
    public boolean isFirst() throws SQLException {
        return delegate.isFirst();
    }

    @Override
    public boolean isLast() throws SQLException {
        return delegate.isLast();
    }

    @Override
    public boolean last() throws SQLException {
        return moved(delegate.last());
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        delegate.moveToCurrentRow();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        delegate.moveToInsertRow();
    }

    @Override
    public boolean previous() throws SQLException {
        return moved(delegate.previous());
    }

    @Override
    public void refreshRow() throws SQLException {
        delegate.refreshRow();
    }

    @Override
    public boolean relative(int value) throws SQLException {
        return moved(delegate.relative(value));
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return delegate.rowDeleted();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return delegate.rowInserted();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return delegate.rowUpdated();
    }

    @Override
    public void setFetchDirection(int value) throws SQLException {
        delegate.setFetchDirection(value);
    }

    @Override
    public void setFetchSize(int value) throws SQLException {
        delegate.setFetchSize(value);
    }

    @Override
    public void updateArray(String columnLabel, Array array) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateArray(columnLabel, array);
    }

    @Override
    public void updateArray(int columnIndex, Array array) throws SQLException {
        updating(columnIndex);
        delegate.updateArray(columnIndex, array);
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateAsciiStream(columnLabel, stream, scaleOrLength);
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream stream, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateAsciiStream(columnLabel, stream, length);
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream stream) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateAsciiStream(columnLabel, stream);
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        updating(columnIndex);
        delegate.updateAsciiStream(columnIndex, stream, scaleOrLength);
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream stream, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateAsciiStream(columnIndex, stream, length);
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream stream) throws SQLException {
        updating(columnIndex);
        delegate.updateAsciiStream(columnIndex, stream);
    }

    @Override
    public void updateBigDecimal(String columnLabel, java.math.BigDecimal bigDecimal) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBigDecimal(columnLabel, bigDecimal);
    }

    @Override
    public void updateBigDecimal(int columnIndex, java.math.BigDecimal bigDecimal) throws SQLException {
        updating(columnIndex);
        delegate.updateBigDecimal(columnIndex, bigDecimal);
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBinaryStream(columnLabel, stream, scaleOrLength);
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream stream, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBinaryStream(columnLabel, stream, length);
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream stream) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBinaryStream(columnLabel, stream);
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        updating(columnIndex);
        delegate.updateBinaryStream(columnIndex, stream, scaleOrLength);
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream stream, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateBinaryStream(columnIndex, stream, length);
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream stream) throws SQLException {
        updating(columnIndex);
        delegate.updateBinaryStream(columnIndex, stream);
    }

    @Override
    public void updateBlob(String columnLabel, java.io.InputStream stream, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBlob(columnLabel, stream, length);
    }

    @Override
    public void updateBlob(String columnLabel, java.io.InputStream stream) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBlob(columnLabel, stream);
    }

    @Override
    public void updateBlob(String columnLabel, Blob blob) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBlob(columnLabel, blob);
    }

    @Override
    public void updateBlob(int columnIndex, java.io.InputStream stream, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateBlob(columnIndex, stream, length);
    }

    @Override
    public void updateBlob(int columnIndex, java.io.InputStream stream) throws SQLException {
        updating(columnIndex);
        delegate.updateBlob(columnIndex, stream);
    }

    @Override
    public void updateBlob(int columnIndex, Blob blob) throws SQLException {
        updating(columnIndex);
        delegate.updateBlob(columnIndex, blob);
    }

    @Override
    public void updateBoolean(String columnLabel, boolean flag) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBoolean(columnLabel, flag);
    }

    @Override
    public void updateBoolean(int columnIndex, boolean flag) throws SQLException {
        updating(columnIndex);
        delegate.updateBoolean(columnIndex, flag);
    }

    @Override
    public void updateByte(String columnLabel, byte x) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateByte(columnLabel, x);
    }

    @Override
    public void updateByte(int columnIndex, byte x) throws SQLException {
        updating(columnIndex);
        delegate.updateByte(columnIndex, x);
    }

    @Override
    public void updateBytes(String columnLabel, byte[] x) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateBytes(columnLabel, x);
    }

    @Override
    public void updateBytes(int columnIndex, byte[] x) throws SQLException {
        updating(columnIndex);
        delegate.updateBytes(columnIndex, x);
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader, int scaleOrLength) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateCharacterStream(columnLabel, reader, scaleOrLength);
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateCharacterStream(columnLabel, reader, length);
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateCharacterStream(columnLabel, reader);
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader reader, int scaleOrLength) throws SQLException {
        updating(columnIndex);
        delegate.updateCharacterStream(columnIndex, reader, scaleOrLength);
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateCharacterStream(columnIndex, reader, length);
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader reader) throws SQLException {
        updating(columnIndex);
        delegate.updateCharacterStream(columnIndex, reader);
    }

    @Override
    public void updateClob(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateClob(columnLabel, reader, length);
    }

    @Override
    public void updateClob(String columnLabel, java.io.Reader reader) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateClob(columnLabel, reader);
    }

    @Override
    public void updateClob(String columnLabel, Clob clob) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateClob(columnLabel, clob);
    }

    @Override
    public void updateClob(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateClob(columnIndex, reader, length);
    }

    @Override
    public void updateClob(int columnIndex, java.io.Reader reader) throws SQLException {
        updating(columnIndex);
        delegate.updateClob(columnIndex, reader);
    }

    @Override
    public void updateClob(int columnIndex, Clob clob) throws SQLException {
        updating(columnIndex);
        delegate.updateClob(columnIndex, clob);
    }

    @Override
    public void updateDate(String columnLabel, Date date) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateDate(columnLabel, date);
    }

    @Override
    public void updateDate(int columnIndex, Date date) throws SQLException {
        updating(columnIndex);
        delegate.updateDate(columnIndex, date);
    }

    @Override
    public void updateDouble(String columnLabel, double x) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateDouble(columnLabel, x);
    }

    @Override
    public void updateDouble(int columnIndex, double x) throws SQLException {
        updating(columnIndex);
        delegate.updateDouble(columnIndex, x);
    }

    @Override
    public void updateFloat(String columnLabel, float x) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateFloat(columnLabel, x);
    }

    @Override
    public void updateFloat(int columnIndex, float x) throws SQLException {
        updating(columnIndex);
        delegate.updateFloat(columnIndex, x);
    }

    @Override
    public void updateInt(String columnLabel, int x) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateInt(columnLabel, x);
    }

    @Override
    public void updateInt(int columnIndex, int x) throws SQLException {
        updating(columnIndex);
        delegate.updateInt(columnIndex, x);
    }

    @Override
    public void updateLong(String columnLabel, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateLong(columnLabel, length);
    }

    @Override
    public void updateLong(int columnIndex, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateLong(columnIndex, length);
    }

    @Override
    public void updateNCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateNCharacterStream(columnLabel, reader, length);
    }

    @Override
    public void updateNCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateNCharacterStream(columnLabel, reader);
    }

    @Override
    public void updateNCharacterStream(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateNCharacterStream(columnIndex, reader, length);
    }

    @Override
    public void updateNCharacterStream(int columnIndex, java.io.Reader reader) throws SQLException {
        updating(columnIndex);
        delegate.updateNCharacterStream(columnIndex, reader);
    }

    @Override
    public void updateNClob(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateNClob(columnLabel, reader, length);
    }

    @Override
    public void updateNClob(String columnLabel, java.io.Reader reader) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateNClob(columnLabel, reader);
    }

    @Override
    public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateNClob(columnLabel, nClob);
    }

    @Override
    public void updateNClob(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        updating(columnIndex);
        delegate.updateNClob(columnIndex, reader, length);
    }

    @Override
    public void updateNClob(int columnIndex, java.io.Reader reader) throws SQLException {
        updating(columnIndex);
        delegate.updateNClob(columnIndex, reader);
    }

    @Override
    public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
        updating(columnIndex);
        delegate.updateNClob(columnIndex, nClob);
    }

    @Override
    public void updateNString(String columnLabel, String value) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateNString(columnLabel, value);
    }

    @Override
    public void updateNString(int columnIndex, String value) throws SQLException {
        updating(columnIndex);
        delegate.updateNString(columnIndex, value);
    }

    @Override
    public void updateNull(String columnLabel) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateNull(columnLabel);
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException {
        updating(columnIndex);
        delegate.updateNull(columnIndex);
    }

    @Override
    public void updateObject(String columnLabel, Object object, int scaleOrLength) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateObject(columnLabel, object, scaleOrLength);
    }

    @Override
    public void updateObject(String columnLabel, Object object, SQLType sqlType, int value3) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateObject(columnLabel, object, sqlType, value3);
    }

    @Override
    public void updateObject(String columnLabel, Object object, SQLType sqlType) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateObject(columnLabel, object, sqlType);
    }

    @Override
    public void updateObject(String columnLabel, Object object) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateObject(columnLabel, object);
    }

    @Override
    public void updateObject(int columnIndex, Object object, int scaleOrLength) throws SQLException {
        updating(columnIndex);
        delegate.updateObject(columnIndex, object, scaleOrLength);
    }

    @Override
    public void updateObject(int columnIndex, Object object, SQLType sqlType, int value3) throws SQLException {
        updating(columnIndex);
        delegate.updateObject(columnIndex, object, sqlType, value3);
    }

    @Override
    public void updateObject(int columnIndex, Object object, SQLType sqlType) throws SQLException {
        updating(columnIndex);
        delegate.updateObject(columnIndex, object, sqlType);
    }

    @Override
    public void updateObject(int columnIndex, Object object) throws SQLException {
        updating(columnIndex);
        delegate.updateObject(columnIndex, object);
    }

    @Override
    public void updateRef(String columnLabel, Ref ref) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateRef(columnLabel, ref);
    }

    @Override
    public void updateRef(int columnIndex, Ref ref) throws SQLException {
        updating(columnIndex);
        delegate.updateRef(columnIndex, ref);
    }

    @Override
    public void updateRow() throws SQLException {
        changeRow(RowChanges.update(delegate.getMetaData(), changed, connection.session()), () -> {
            delegate.updateRow();
            return null;
        });
        changed.clear();
    }

    @Override
    public void updateRowId(String columnLabel, RowId rowId) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateRowId(columnLabel, rowId);
    }

    @Override
    public void updateRowId(int columnIndex, RowId rowId) throws SQLException {
        updating(columnIndex);
        delegate.updateRowId(columnIndex, rowId);
    }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML sQLXML) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateSQLXML(columnLabel, sQLXML);
    }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML sQLXML) throws SQLException {
        updating(columnIndex);
        delegate.updateSQLXML(columnIndex, sQLXML);
    }

    @Override
    public void updateShort(String columnLabel, short x) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateShort(columnLabel, x);
    }

    @Override
    public void updateShort(int columnIndex, short x) throws SQLException {
        updating(columnIndex);
        delegate.updateShort(columnIndex, x);
    }

    @Override
    public void updateString(String columnLabel, String value) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateString(columnLabel, value);
    }

    @Override
    public void updateString(int columnIndex, String value) throws SQLException {
        updating(columnIndex);
        delegate.updateString(columnIndex, value);
    }

    @Override
    public void updateTime(String columnLabel, Time time) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateTime(columnLabel, time);
    }

    @Override
    public void updateTime(int columnIndex, Time time) throws SQLException {
        updating(columnIndex);
        delegate.updateTime(columnIndex, time);
    }

    @Override
    public void updateTimestamp(String columnLabel, Timestamp timestamp) throws SQLException {
        updating(delegate.findColumn(columnLabel));
        delegate.updateTimestamp(columnLabel, timestamp);
    }

    @Override
    public void updateTimestamp(int columnIndex, Timestamp timestamp) throws SQLException {
        updating(columnIndex);
        delegate.updateTimestamp(columnIndex, timestamp);
    }

    @Override
    public boolean wasNull() throws SQLException {
        MaskedCells m = masked;
        return m != null && m.lastReadMaskedToNull() || delegate.wasNull();
    }

}
