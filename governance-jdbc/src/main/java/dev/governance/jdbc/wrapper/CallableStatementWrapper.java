package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.gate.Admission;
import dev.governance.jdbc.gate.PreparedSql;
import dev.governance.jdbc.masking.OutParameterMasking;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A governed {@link CallableStatement}: the call was decided when it was prepared; executions go through the
 * prepared-statement path. OUT parameters are read through the methods below.
 */
public class CallableStatementWrapper extends PreparedStatementWrapper implements CallableStatement {
    final CallableStatement callableDelegate;

    /**
     * @param callEscape true when the text is a JDBC call escape ({@code {call p(?)}}, {@code {? = call f(?)}}):
     *                   its OUT parameters are a procedure's (the escape reads as CALL or SELECT f(?) once translated)
     */
    CallableStatementWrapper(CallableStatement delegate, ConnectionWrapper connection, PreparedSql prepared,
                             boolean callEscape) {
        super(delegate, connection, prepared);
        this.callableDelegate = delegate;
        this.callEscape = callEscape;
    }

    private final boolean callEscape;

    /** Value masking of OUT parameters when the last execution's identity is masked; null otherwise. */
    private OutParameterMasking outMasking() throws SQLException {
        Admission admission = lastAdmission();
        return admission == null ? null : admission.outParameterMasking(callEscape);
    }

    // ---- OUT parameters: through value masking for a masked identity; the rest delegates ----------------------

    @Override
    public Array getArray(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getArray(parameterName) : m.array(m.scrubbing(() -> callableDelegate.getArray(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Array getArray(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getArray(parameterIndex) : m.array(m.scrubbing(() -> callableDelegate.getArray(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getBigDecimal(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getBigDecimal(parameterName), java.math.BigDecimal.ZERO);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int parameterIndex, int x) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getBigDecimal(parameterIndex, x)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getBigDecimal(parameterIndex, x), java.math.BigDecimal.ZERO.setScale(x));
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getBigDecimal(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getBigDecimal(parameterIndex), java.math.BigDecimal.ZERO);
    }

    @Override
    public Blob getBlob(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getBlob(parameterName) : m.blob(m.scrubbing(() -> callableDelegate.getBlob(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Blob getBlob(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getBlob(parameterIndex) : m.blob(m.scrubbing(() -> callableDelegate.getBlob(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public boolean getBoolean(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getBoolean(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getBoolean(parameterName), false);
    }

    @Override
    public boolean getBoolean(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getBoolean(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getBoolean(parameterIndex), false);
    }

    @Override
    public byte getByte(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getByte(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getByte(parameterName), (byte) 0);
    }

    @Override
    public byte getByte(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getByte(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getByte(parameterIndex), (byte) 0);
    }

    @Override
    public byte[] getBytes(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getBytes(parameterName) : m.bytes(m.scrubbing(() -> callableDelegate.getBytes(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public byte[] getBytes(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getBytes(parameterIndex) : m.bytes(m.scrubbing(() -> callableDelegate.getBytes(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.Reader getCharacterStream(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getCharacterStream(parameterName) : m.reader(m.scrubbing(() -> callableDelegate.getCharacterStream(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.Reader getCharacterStream(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getCharacterStream(parameterIndex) : m.reader(m.scrubbing(() -> callableDelegate.getCharacterStream(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Clob getClob(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getClob(parameterName) : m.clob(m.scrubbing(() -> callableDelegate.getClob(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Clob getClob(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getClob(parameterIndex) : m.clob(m.scrubbing(() -> callableDelegate.getClob(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Date getDate(String parameterName, java.util.Calendar cal) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getDate(parameterName, cal)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getDate(parameterName, cal), Date.valueOf("1970-01-01"));
    }

    @Override
    public Date getDate(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getDate(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getDate(parameterName), Date.valueOf("1970-01-01"));
    }

    @Override
    public Date getDate(int parameterIndex, java.util.Calendar cal) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getDate(parameterIndex, cal)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getDate(parameterIndex, cal), Date.valueOf("1970-01-01"));
    }

    @Override
    public Date getDate(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getDate(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getDate(parameterIndex), Date.valueOf("1970-01-01"));
    }

    @Override
    public double getDouble(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getDouble(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getDouble(parameterName), 0d);
    }

    @Override
    public double getDouble(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getDouble(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getDouble(parameterIndex), 0d);
    }

    @Override
    public float getFloat(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getFloat(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getFloat(parameterName), 0f);
    }

    @Override
    public float getFloat(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getFloat(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getFloat(parameterIndex), 0f);
    }

    @Override
    public int getInt(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getInt(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getInt(parameterName), 0);
    }

    @Override
    public int getInt(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getInt(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getInt(parameterIndex), 0);
    }

    @Override
    public long getLong(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getLong(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getLong(parameterName), 0L);
    }

    @Override
    public long getLong(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getLong(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getLong(parameterIndex), 0L);
    }

    @Override
    public java.io.Reader getNCharacterStream(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getNCharacterStream(parameterName) : m.reader(m.scrubbing(() -> callableDelegate.getNCharacterStream(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public java.io.Reader getNCharacterStream(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getNCharacterStream(parameterIndex) : m.reader(m.scrubbing(() -> callableDelegate.getNCharacterStream(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public NClob getNClob(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getNClob(parameterName) : m.nclob(m.scrubbing(() -> callableDelegate.getNClob(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public NClob getNClob(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getNClob(parameterIndex) : m.nclob(m.scrubbing(() -> callableDelegate.getNClob(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public String getNString(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getNString(parameterName) : m.text(m.scrubbing(() -> callableDelegate.getNString(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public String getNString(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getNString(parameterIndex) : m.text(m.scrubbing(() -> callableDelegate.getNString(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getObject(parameterName, type) : m.object(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getObject(parameterName, type), type);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(String parameterName, java.util.Map<String, Class<?>> map) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getObject(parameterName, map) : m.object(m.scrubbing(() -> callableDelegate.getObject(parameterName, map)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getObject(parameterName) : m.object(m.scrubbing(() -> callableDelegate.getObject(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getObject(parameterIndex, type) : m.object(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getObject(parameterIndex, type), type);
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(int parameterIndex, java.util.Map<String, Class<?>> map) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getObject(parameterIndex, map) : m.object(m.scrubbing(() -> callableDelegate.getObject(parameterIndex, map)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Object getObject(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getObject(parameterIndex) : m.object(m.scrubbing(() -> callableDelegate.getObject(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Ref getRef(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getRef");
        }
        return callableDelegate.getRef(parameterName);
    }

    @Override
    public Ref getRef(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getRef");
        }
        return callableDelegate.getRef(parameterIndex);
    }

    @Override
    public RowId getRowId(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getRowId");
        }
        return callableDelegate.getRowId(parameterName);
    }

    @Override
    public RowId getRowId(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getRowId");
        }
        return callableDelegate.getRowId(parameterIndex);
    }

    @Override
    public SQLXML getSQLXML(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getSQLXML");
        }
        return callableDelegate.getSQLXML(parameterName);
    }

    @Override
    public SQLXML getSQLXML(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getSQLXML");
        }
        return callableDelegate.getSQLXML(parameterIndex);
    }

    @Override
    public short getShort(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getShort(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getShort(parameterName), (short) 0);
    }

    @Override
    public short getShort(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getShort(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getShort(parameterIndex), (short) 0);
    }

    @Override
    public String getString(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getString(parameterName) : m.text(m.scrubbing(() -> callableDelegate.getString(parameterName)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public String getString(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        try {
            return m == null ? callableDelegate.getString(parameterIndex) : m.text(m.scrubbing(() -> callableDelegate.getString(parameterIndex)));
        } catch (RuntimeException e) {
            throw Failures.of(e, m != null);
        }
    }

    @Override
    public Time getTime(String parameterName, java.util.Calendar cal) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTime(parameterName, cal)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getTime(parameterName, cal), new Time(0L));
    }

    @Override
    public Time getTime(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTime(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getTime(parameterName), new Time(0L));
    }

    @Override
    public Time getTime(int parameterIndex, java.util.Calendar cal) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTime(parameterIndex, cal)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getTime(parameterIndex, cal), new Time(0L));
    }

    @Override
    public Time getTime(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTime(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getTime(parameterIndex), new Time(0L));
    }

    @Override
    public Timestamp getTimestamp(String parameterName, java.util.Calendar cal) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTimestamp(parameterName, cal)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getTimestamp(parameterName, cal), new Timestamp(0L));
    }

    @Override
    public Timestamp getTimestamp(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTimestamp(parameterName)
                : m.typed(() -> callableDelegate.getObject(parameterName), () -> callableDelegate.getTimestamp(parameterName), new Timestamp(0L));
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex, java.util.Calendar cal) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTimestamp(parameterIndex, cal)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getTimestamp(parameterIndex, cal), new Timestamp(0L));
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        return m == null ? callableDelegate.getTimestamp(parameterIndex)
                : m.typed(() -> callableDelegate.getObject(parameterIndex), () -> callableDelegate.getTimestamp(parameterIndex), new Timestamp(0L));
    }

    @Override
    public java.net.URL getURL(String parameterName) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getURL");
        }
        return callableDelegate.getURL(parameterName);
    }

    @Override
    public java.net.URL getURL(int parameterIndex) throws SQLException {
        OutParameterMasking m = outMasking();
        if (m != null) {
            throw m.refused("getURL");
        }
        return callableDelegate.getURL(parameterIndex);
    }

    @Override
    public void registerOutParameter(String parameterName, int x, String value) throws SQLException {
        callableDelegate.registerOutParameter(parameterName, x, value);
    }

    @Override
    public void registerOutParameter(String parameterName, int x, int value2) throws SQLException {
        callableDelegate.registerOutParameter(parameterName, x, value2);
    }

    @Override
    public void registerOutParameter(String parameterName, int x) throws SQLException {
        callableDelegate.registerOutParameter(parameterName, x);
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType, String value) throws SQLException {
        callableDelegate.registerOutParameter(parameterName, sqlType, value);
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType, int value2) throws SQLException {
        callableDelegate.registerOutParameter(parameterName, sqlType, value2);
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
        callableDelegate.registerOutParameter(parameterName, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int x, String value) throws SQLException {
        callableDelegate.registerOutParameter(parameterIndex, x, value);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int x, int value2) throws SQLException {
        callableDelegate.registerOutParameter(parameterIndex, x, value2);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int x) throws SQLException {
        callableDelegate.registerOutParameter(parameterIndex, x);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, String value) throws SQLException {
        callableDelegate.registerOutParameter(parameterIndex, sqlType, value);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, int value2) throws SQLException {
        callableDelegate.registerOutParameter(parameterIndex, sqlType, value2);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
        callableDelegate.registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        callableDelegate.setAsciiStream(parameterName, stream, scaleOrLength);
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream stream, long length) throws SQLException {
        callableDelegate.setAsciiStream(parameterName, stream, length);
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream stream) throws SQLException {
        callableDelegate.setAsciiStream(parameterName, stream);
    }

    @Override
    public void setBigDecimal(String parameterName, java.math.BigDecimal bigDecimal) throws SQLException {
        callableDelegate.setBigDecimal(parameterName, bigDecimal);
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        callableDelegate.setBinaryStream(parameterName, stream, scaleOrLength);
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream stream, long length) throws SQLException {
        callableDelegate.setBinaryStream(parameterName, stream, length);
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream stream) throws SQLException {
        callableDelegate.setBinaryStream(parameterName, stream);
    }

    @Override
    public void setBlob(String parameterName, java.io.InputStream stream, long length) throws SQLException {
        callableDelegate.setBlob(parameterName, stream, length);
    }

    @Override
    public void setBlob(String parameterName, java.io.InputStream stream) throws SQLException {
        callableDelegate.setBlob(parameterName, stream);
    }

    @Override
    public void setBlob(String parameterName, Blob blob) throws SQLException {
        callableDelegate.setBlob(parameterName, blob);
    }

    @Override
    public void setBoolean(String parameterName, boolean flag) throws SQLException {
        callableDelegate.setBoolean(parameterName, flag);
    }

    @Override
    public void setByte(String parameterName, byte x) throws SQLException {
        callableDelegate.setByte(parameterName, x);
    }

    @Override
    public void setBytes(String parameterName, byte[] x) throws SQLException {
        callableDelegate.setBytes(parameterName, x);
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader reader, int scaleOrLength) throws SQLException {
        callableDelegate.setCharacterStream(parameterName, reader, scaleOrLength);
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader reader, long length) throws SQLException {
        callableDelegate.setCharacterStream(parameterName, reader, length);
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader reader) throws SQLException {
        callableDelegate.setCharacterStream(parameterName, reader);
    }

    @Override
    public void setClob(String parameterName, java.io.Reader reader, long length) throws SQLException {
        callableDelegate.setClob(parameterName, reader, length);
    }

    @Override
    public void setClob(String parameterName, java.io.Reader reader) throws SQLException {
        callableDelegate.setClob(parameterName, reader);
    }

    @Override
    public void setClob(String parameterName, Clob clob) throws SQLException {
        callableDelegate.setClob(parameterName, clob);
    }

    @Override
    public void setDate(String parameterName, Date date, java.util.Calendar cal) throws SQLException {
        callableDelegate.setDate(parameterName, date, cal);
    }

    @Override
    public void setDate(String parameterName, Date date) throws SQLException {
        callableDelegate.setDate(parameterName, date);
    }

    @Override
    public void setDouble(String parameterName, double x) throws SQLException {
        callableDelegate.setDouble(parameterName, x);
    }

    @Override
    public void setFloat(String parameterName, float x) throws SQLException {
        callableDelegate.setFloat(parameterName, x);
    }

    @Override
    public void setInt(String parameterName, int x) throws SQLException {
        callableDelegate.setInt(parameterName, x);
    }

    @Override
    public void setLong(String parameterName, long length) throws SQLException {
        callableDelegate.setLong(parameterName, length);
    }

    @Override
    public void setNCharacterStream(String parameterName, java.io.Reader reader, long length) throws SQLException {
        callableDelegate.setNCharacterStream(parameterName, reader, length);
    }

    @Override
    public void setNCharacterStream(String parameterName, java.io.Reader reader) throws SQLException {
        callableDelegate.setNCharacterStream(parameterName, reader);
    }

    @Override
    public void setNClob(String parameterName, java.io.Reader reader, long length) throws SQLException {
        callableDelegate.setNClob(parameterName, reader, length);
    }

    @Override
    public void setNClob(String parameterName, java.io.Reader reader) throws SQLException {
        callableDelegate.setNClob(parameterName, reader);
    }

    @Override
    public void setNClob(String parameterName, NClob nClob) throws SQLException {
        callableDelegate.setNClob(parameterName, nClob);
    }

    @Override
    public void setNString(String parameterName, String value) throws SQLException {
        callableDelegate.setNString(parameterName, value);
    }

    @Override
    public void setNull(String parameterName, int x, String value) throws SQLException {
        callableDelegate.setNull(parameterName, x, value);
    }

    @Override
    public void setNull(String parameterName, int x) throws SQLException {
        callableDelegate.setNull(parameterName, x);
    }

    @Override
    public void setObject(String parameterName, Object object, int scaleOrLength, int value3) throws SQLException {
        callableDelegate.setObject(parameterName, object, scaleOrLength, value3);
    }

    @Override
    public void setObject(String parameterName, Object object, int scaleOrLength) throws SQLException {
        callableDelegate.setObject(parameterName, object, scaleOrLength);
    }

    @Override
    public void setObject(String parameterName, Object object, SQLType sqlType, int value3) throws SQLException {
        callableDelegate.setObject(parameterName, object, sqlType, value3);
    }

    @Override
    public void setObject(String parameterName, Object object, SQLType sqlType) throws SQLException {
        callableDelegate.setObject(parameterName, object, sqlType);
    }

    @Override
    public void setObject(String parameterName, Object object) throws SQLException {
        callableDelegate.setObject(parameterName, object);
    }

    @Override
    public void setRowId(String parameterName, RowId rowId) throws SQLException {
        callableDelegate.setRowId(parameterName, rowId);
    }

    @Override
    public void setSQLXML(String parameterName, SQLXML sQLXML) throws SQLException {
        callableDelegate.setSQLXML(parameterName, sQLXML);
    }

    @Override
    public void setShort(String parameterName, short x) throws SQLException {
        callableDelegate.setShort(parameterName, x);
    }

    @Override
    public void setString(String parameterName, String value) throws SQLException {
        callableDelegate.setString(parameterName, value);
    }

    @Override
    public void setTime(String parameterName, Time time, java.util.Calendar cal) throws SQLException {
        callableDelegate.setTime(parameterName, time, cal);
    }

    @Override
    public void setTime(String parameterName, Time time) throws SQLException {
        callableDelegate.setTime(parameterName, time);
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp timestamp, java.util.Calendar cal) throws SQLException {
        callableDelegate.setTimestamp(parameterName, timestamp, cal);
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp timestamp) throws SQLException {
        callableDelegate.setTimestamp(parameterName, timestamp);
    }

    @Override
    public void setURL(String parameterName, java.net.URL uRL) throws SQLException {
        callableDelegate.setURL(parameterName, uRL);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return callableDelegate.wasNull();
    }

}
