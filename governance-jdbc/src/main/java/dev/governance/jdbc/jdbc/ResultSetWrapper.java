package dev.governance.jdbc.jdbc;

import dev.governance.jdbc.gate.Admission;

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
public final class ResultSetWrapper implements ResultSet {
    final ResultSet delegate;
    private final ConnectionWrapper connection;
    private final Admission admission;
    /** True when closing this result completes its statement's audit record (rows read known then). */
    private final boolean completesRecord;
    private StatementWrapper statement;
    private volatile boolean closed;
    private long rowsRead;

    ResultSetWrapper(ResultSet delegate, StatementWrapper statement, Admission admission, boolean completesRecord) {
        this.delegate = delegate;
        this.statement = statement;
        this.connection = statement.connection;
        this.admission = admission;
        this.completesRecord = completesRecord && admission != null;
    }

    /** A metadata result: it came from {@code DatabaseMetaData}, not from a statement of ours. */
    ResultSetWrapper(ResultSet delegate, ConnectionWrapper connection) {
        this.delegate = delegate;
        this.connection = connection;
        this.admission = null;
        this.completesRecord = false;
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

    Admission admission() {
        return admission;
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
        if (delegate.next()) {
            rowsRead++;
            return true;
        }
        return false;
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || delegate.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, connection.allowUnwrap());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, connection.allowUnwrap());
    }

    // ---- plain delegation ---------------------------------------------------------------------------------------

    @Override
    public boolean absolute(int value) throws SQLException {
        return delegate.absolute(value);
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
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public void deleteRow() throws SQLException {
        delegate.deleteRow();
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
        return delegate.getArray(columnLabel);
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        return delegate.getArray(columnIndex);
    }

    @Override
    public java.io.InputStream getAsciiStream(String columnLabel) throws SQLException {
        return delegate.getAsciiStream(columnLabel);
    }

    @Override
    public java.io.InputStream getAsciiStream(int columnIndex) throws SQLException {
        return delegate.getAsciiStream(columnIndex);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String columnLabel, int x) throws SQLException {
        return delegate.getBigDecimal(columnLabel, x);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return delegate.getBigDecimal(columnLabel);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int columnIndex, int x) throws SQLException {
        return delegate.getBigDecimal(columnIndex, x);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return delegate.getBigDecimal(columnIndex);
    }

    @Override
    public java.io.InputStream getBinaryStream(String columnLabel) throws SQLException {
        return delegate.getBinaryStream(columnLabel);
    }

    @Override
    public java.io.InputStream getBinaryStream(int columnIndex) throws SQLException {
        return delegate.getBinaryStream(columnIndex);
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        return delegate.getBlob(columnLabel);
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        return delegate.getBlob(columnIndex);
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return delegate.getBoolean(columnLabel);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return delegate.getBoolean(columnIndex);
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return delegate.getByte(columnLabel);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return delegate.getByte(columnIndex);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return delegate.getBytes(columnLabel);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return delegate.getBytes(columnIndex);
    }

    @Override
    public java.io.Reader getCharacterStream(String columnLabel) throws SQLException {
        return delegate.getCharacterStream(columnLabel);
    }

    @Override
    public java.io.Reader getCharacterStream(int columnIndex) throws SQLException {
        return delegate.getCharacterStream(columnIndex);
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        return delegate.getClob(columnLabel);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        return delegate.getClob(columnIndex);
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
        return delegate.getDate(columnLabel, cal);
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return delegate.getDate(columnLabel);
    }

    @Override
    public Date getDate(int columnIndex, java.util.Calendar cal) throws SQLException {
        return delegate.getDate(columnIndex, cal);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return delegate.getDate(columnIndex);
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return delegate.getDouble(columnLabel);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        return delegate.getDouble(columnIndex);
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
        return delegate.getFloat(columnLabel);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return delegate.getFloat(columnIndex);
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return delegate.getInt(columnLabel);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return delegate.getInt(columnIndex);
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return delegate.getLong(columnLabel);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return delegate.getLong(columnIndex);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return delegate.getMetaData();
    }

    @Override
    public java.io.Reader getNCharacterStream(String columnLabel) throws SQLException {
        return delegate.getNCharacterStream(columnLabel);
    }

    @Override
    public java.io.Reader getNCharacterStream(int columnIndex) throws SQLException {
        return delegate.getNCharacterStream(columnIndex);
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        return delegate.getNClob(columnLabel);
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        return delegate.getNClob(columnIndex);
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return delegate.getNString(columnLabel);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return delegate.getNString(columnIndex);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return delegate.getObject(columnLabel, type);
    }

    @Override
    public Object getObject(String columnLabel, java.util.Map<String, Class<?>> map) throws SQLException {
        return delegate.getObject(columnLabel, map);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return delegate.getObject(columnLabel);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return delegate.getObject(columnIndex, type);
    }

    @Override
    public Object getObject(int columnIndex, java.util.Map<String, Class<?>> map) throws SQLException {
        return delegate.getObject(columnIndex, map);
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return delegate.getObject(columnIndex);
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        return delegate.getRef(columnLabel);
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        return delegate.getRef(columnIndex);
    }

    @Override
    public int getRow() throws SQLException {
        return delegate.getRow();
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        return delegate.getRowId(columnLabel);
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        return delegate.getRowId(columnIndex);
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        return delegate.getSQLXML(columnLabel);
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        return delegate.getSQLXML(columnIndex);
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return delegate.getShort(columnLabel);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return delegate.getShort(columnIndex);
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return delegate.getString(columnLabel);
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        return delegate.getString(columnIndex);
    }

    @Override
    public Time getTime(String columnLabel, java.util.Calendar cal) throws SQLException {
        return delegate.getTime(columnLabel, cal);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return delegate.getTime(columnLabel);
    }

    @Override
    public Time getTime(int columnIndex, java.util.Calendar cal) throws SQLException {
        return delegate.getTime(columnIndex, cal);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return delegate.getTime(columnIndex);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, java.util.Calendar cal) throws SQLException {
        return delegate.getTimestamp(columnLabel, cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return delegate.getTimestamp(columnLabel);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, java.util.Calendar cal) throws SQLException {
        return delegate.getTimestamp(columnIndex, cal);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return delegate.getTimestamp(columnIndex);
    }

    @Override
    public int getType() throws SQLException {
        return delegate.getType();
    }

    @Override
    public java.net.URL getURL(String columnLabel) throws SQLException {
        return delegate.getURL(columnLabel);
    }

    @Override
    public java.net.URL getURL(int columnIndex) throws SQLException {
        return delegate.getURL(columnIndex);
    }

    @Override
    public java.io.InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return delegate.getUnicodeStream(columnLabel);
    }

    @Override
    public java.io.InputStream getUnicodeStream(int columnIndex) throws SQLException {
        return delegate.getUnicodeStream(columnIndex);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void insertRow() throws SQLException {
        delegate.insertRow();
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
        return delegate.last();
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
        return delegate.previous();
    }

    @Override
    public void refreshRow() throws SQLException {
        delegate.refreshRow();
    }

    @Override
    public boolean relative(int value) throws SQLException {
        return delegate.relative(value);
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
        delegate.updateArray(columnLabel, array);
    }

    @Override
    public void updateArray(int columnIndex, Array array) throws SQLException {
        delegate.updateArray(columnIndex, array);
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        delegate.updateAsciiStream(columnLabel, stream, scaleOrLength);
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream stream, long length) throws SQLException {
        delegate.updateAsciiStream(columnLabel, stream, length);
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream stream) throws SQLException {
        delegate.updateAsciiStream(columnLabel, stream);
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        delegate.updateAsciiStream(columnIndex, stream, scaleOrLength);
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream stream, long length) throws SQLException {
        delegate.updateAsciiStream(columnIndex, stream, length);
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream stream) throws SQLException {
        delegate.updateAsciiStream(columnIndex, stream);
    }

    @Override
    public void updateBigDecimal(String columnLabel, java.math.BigDecimal bigDecimal) throws SQLException {
        delegate.updateBigDecimal(columnLabel, bigDecimal);
    }

    @Override
    public void updateBigDecimal(int columnIndex, java.math.BigDecimal bigDecimal) throws SQLException {
        delegate.updateBigDecimal(columnIndex, bigDecimal);
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        delegate.updateBinaryStream(columnLabel, stream, scaleOrLength);
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream stream, long length) throws SQLException {
        delegate.updateBinaryStream(columnLabel, stream, length);
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream stream) throws SQLException {
        delegate.updateBinaryStream(columnLabel, stream);
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        delegate.updateBinaryStream(columnIndex, stream, scaleOrLength);
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream stream, long length) throws SQLException {
        delegate.updateBinaryStream(columnIndex, stream, length);
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream stream) throws SQLException {
        delegate.updateBinaryStream(columnIndex, stream);
    }

    @Override
    public void updateBlob(String columnLabel, java.io.InputStream stream, long length) throws SQLException {
        delegate.updateBlob(columnLabel, stream, length);
    }

    @Override
    public void updateBlob(String columnLabel, java.io.InputStream stream) throws SQLException {
        delegate.updateBlob(columnLabel, stream);
    }

    @Override
    public void updateBlob(String columnLabel, Blob blob) throws SQLException {
        delegate.updateBlob(columnLabel, blob);
    }

    @Override
    public void updateBlob(int columnIndex, java.io.InputStream stream, long length) throws SQLException {
        delegate.updateBlob(columnIndex, stream, length);
    }

    @Override
    public void updateBlob(int columnIndex, java.io.InputStream stream) throws SQLException {
        delegate.updateBlob(columnIndex, stream);
    }

    @Override
    public void updateBlob(int columnIndex, Blob blob) throws SQLException {
        delegate.updateBlob(columnIndex, blob);
    }

    @Override
    public void updateBoolean(String columnLabel, boolean flag) throws SQLException {
        delegate.updateBoolean(columnLabel, flag);
    }

    @Override
    public void updateBoolean(int columnIndex, boolean flag) throws SQLException {
        delegate.updateBoolean(columnIndex, flag);
    }

    @Override
    public void updateByte(String columnLabel, byte x) throws SQLException {
        delegate.updateByte(columnLabel, x);
    }

    @Override
    public void updateByte(int columnIndex, byte x) throws SQLException {
        delegate.updateByte(columnIndex, x);
    }

    @Override
    public void updateBytes(String columnLabel, byte[] x) throws SQLException {
        delegate.updateBytes(columnLabel, x);
    }

    @Override
    public void updateBytes(int columnIndex, byte[] x) throws SQLException {
        delegate.updateBytes(columnIndex, x);
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader, int scaleOrLength) throws SQLException {
        delegate.updateCharacterStream(columnLabel, reader, scaleOrLength);
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        delegate.updateCharacterStream(columnLabel, reader, length);
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
        delegate.updateCharacterStream(columnLabel, reader);
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader reader, int scaleOrLength) throws SQLException {
        delegate.updateCharacterStream(columnIndex, reader, scaleOrLength);
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        delegate.updateCharacterStream(columnIndex, reader, length);
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader reader) throws SQLException {
        delegate.updateCharacterStream(columnIndex, reader);
    }

    @Override
    public void updateClob(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        delegate.updateClob(columnLabel, reader, length);
    }

    @Override
    public void updateClob(String columnLabel, java.io.Reader reader) throws SQLException {
        delegate.updateClob(columnLabel, reader);
    }

    @Override
    public void updateClob(String columnLabel, Clob clob) throws SQLException {
        delegate.updateClob(columnLabel, clob);
    }

    @Override
    public void updateClob(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        delegate.updateClob(columnIndex, reader, length);
    }

    @Override
    public void updateClob(int columnIndex, java.io.Reader reader) throws SQLException {
        delegate.updateClob(columnIndex, reader);
    }

    @Override
    public void updateClob(int columnIndex, Clob clob) throws SQLException {
        delegate.updateClob(columnIndex, clob);
    }

    @Override
    public void updateDate(String columnLabel, Date date) throws SQLException {
        delegate.updateDate(columnLabel, date);
    }

    @Override
    public void updateDate(int columnIndex, Date date) throws SQLException {
        delegate.updateDate(columnIndex, date);
    }

    @Override
    public void updateDouble(String columnLabel, double x) throws SQLException {
        delegate.updateDouble(columnLabel, x);
    }

    @Override
    public void updateDouble(int columnIndex, double x) throws SQLException {
        delegate.updateDouble(columnIndex, x);
    }

    @Override
    public void updateFloat(String columnLabel, float x) throws SQLException {
        delegate.updateFloat(columnLabel, x);
    }

    @Override
    public void updateFloat(int columnIndex, float x) throws SQLException {
        delegate.updateFloat(columnIndex, x);
    }

    @Override
    public void updateInt(String columnLabel, int x) throws SQLException {
        delegate.updateInt(columnLabel, x);
    }

    @Override
    public void updateInt(int columnIndex, int x) throws SQLException {
        delegate.updateInt(columnIndex, x);
    }

    @Override
    public void updateLong(String columnLabel, long length) throws SQLException {
        delegate.updateLong(columnLabel, length);
    }

    @Override
    public void updateLong(int columnIndex, long length) throws SQLException {
        delegate.updateLong(columnIndex, length);
    }

    @Override
    public void updateNCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        delegate.updateNCharacterStream(columnLabel, reader, length);
    }

    @Override
    public void updateNCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
        delegate.updateNCharacterStream(columnLabel, reader);
    }

    @Override
    public void updateNCharacterStream(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        delegate.updateNCharacterStream(columnIndex, reader, length);
    }

    @Override
    public void updateNCharacterStream(int columnIndex, java.io.Reader reader) throws SQLException {
        delegate.updateNCharacterStream(columnIndex, reader);
    }

    @Override
    public void updateNClob(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        delegate.updateNClob(columnLabel, reader, length);
    }

    @Override
    public void updateNClob(String columnLabel, java.io.Reader reader) throws SQLException {
        delegate.updateNClob(columnLabel, reader);
    }

    @Override
    public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
        delegate.updateNClob(columnLabel, nClob);
    }

    @Override
    public void updateNClob(int columnIndex, java.io.Reader reader, long length) throws SQLException {
        delegate.updateNClob(columnIndex, reader, length);
    }

    @Override
    public void updateNClob(int columnIndex, java.io.Reader reader) throws SQLException {
        delegate.updateNClob(columnIndex, reader);
    }

    @Override
    public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
        delegate.updateNClob(columnIndex, nClob);
    }

    @Override
    public void updateNString(String columnLabel, String value) throws SQLException {
        delegate.updateNString(columnLabel, value);
    }

    @Override
    public void updateNString(int columnIndex, String value) throws SQLException {
        delegate.updateNString(columnIndex, value);
    }

    @Override
    public void updateNull(String columnLabel) throws SQLException {
        delegate.updateNull(columnLabel);
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException {
        delegate.updateNull(columnIndex);
    }

    @Override
    public void updateObject(String columnLabel, Object object, int scaleOrLength) throws SQLException {
        delegate.updateObject(columnLabel, object, scaleOrLength);
    }

    @Override
    public void updateObject(String columnLabel, Object object, SQLType sqlType, int value3) throws SQLException {
        delegate.updateObject(columnLabel, object, sqlType, value3);
    }

    @Override
    public void updateObject(String columnLabel, Object object, SQLType sqlType) throws SQLException {
        delegate.updateObject(columnLabel, object, sqlType);
    }

    @Override
    public void updateObject(String columnLabel, Object object) throws SQLException {
        delegate.updateObject(columnLabel, object);
    }

    @Override
    public void updateObject(int columnIndex, Object object, int scaleOrLength) throws SQLException {
        delegate.updateObject(columnIndex, object, scaleOrLength);
    }

    @Override
    public void updateObject(int columnIndex, Object object, SQLType sqlType, int value3) throws SQLException {
        delegate.updateObject(columnIndex, object, sqlType, value3);
    }

    @Override
    public void updateObject(int columnIndex, Object object, SQLType sqlType) throws SQLException {
        delegate.updateObject(columnIndex, object, sqlType);
    }

    @Override
    public void updateObject(int columnIndex, Object object) throws SQLException {
        delegate.updateObject(columnIndex, object);
    }

    @Override
    public void updateRef(String columnLabel, Ref ref) throws SQLException {
        delegate.updateRef(columnLabel, ref);
    }

    @Override
    public void updateRef(int columnIndex, Ref ref) throws SQLException {
        delegate.updateRef(columnIndex, ref);
    }

    @Override
    public void updateRow() throws SQLException {
        delegate.updateRow();
    }

    @Override
    public void updateRowId(String columnLabel, RowId rowId) throws SQLException {
        delegate.updateRowId(columnLabel, rowId);
    }

    @Override
    public void updateRowId(int columnIndex, RowId rowId) throws SQLException {
        delegate.updateRowId(columnIndex, rowId);
    }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML sQLXML) throws SQLException {
        delegate.updateSQLXML(columnLabel, sQLXML);
    }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML sQLXML) throws SQLException {
        delegate.updateSQLXML(columnIndex, sQLXML);
    }

    @Override
    public void updateShort(String columnLabel, short x) throws SQLException {
        delegate.updateShort(columnLabel, x);
    }

    @Override
    public void updateShort(int columnIndex, short x) throws SQLException {
        delegate.updateShort(columnIndex, x);
    }

    @Override
    public void updateString(String columnLabel, String value) throws SQLException {
        delegate.updateString(columnLabel, value);
    }

    @Override
    public void updateString(int columnIndex, String value) throws SQLException {
        delegate.updateString(columnIndex, value);
    }

    @Override
    public void updateTime(String columnLabel, Time time) throws SQLException {
        delegate.updateTime(columnLabel, time);
    }

    @Override
    public void updateTime(int columnIndex, Time time) throws SQLException {
        delegate.updateTime(columnIndex, time);
    }

    @Override
    public void updateTimestamp(String columnLabel, Timestamp timestamp) throws SQLException {
        delegate.updateTimestamp(columnLabel, timestamp);
    }

    @Override
    public void updateTimestamp(int columnIndex, Timestamp timestamp) throws SQLException {
        delegate.updateTimestamp(columnIndex, timestamp);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return delegate.wasNull();
    }

}
