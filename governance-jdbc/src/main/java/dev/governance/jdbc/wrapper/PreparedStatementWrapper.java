package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.gate.Admission;
import dev.governance.jdbc.gate.Parameters;
import dev.governance.jdbc.gate.PreparedSql;
import dev.governance.jdbc.gate.RowCount;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A governed {@link PreparedStatement}: the gate decided on its SQL when it was prepared; each execution is
 * admitted with the bound parameter values, which the setters record as they pass them on.
 */
public class PreparedStatementWrapper extends StatementWrapper implements PreparedStatement {
    final PreparedStatement preparedDelegate;
    final PreparedSql prepared;
    final Parameters parameters = new Parameters();

    PreparedStatementWrapper(PreparedStatement delegate, ConnectionWrapper connection, PreparedSql prepared) {
        super(delegate, connection);
        this.preparedDelegate = delegate;
        this.prepared = prepared;
    }

    Admission admitExecution() throws SQLException {
        if (prepared == null) {
            throw new SQLException("This statement was created by the real driver behind a metadata result;"
                    + " it can't execute", dev.governance.jdbc.SqlStates.POLICY_DENIED);
        }
        Admission admission = session.admitPrepared(prepared, parameters);
        resultMoved();
        admitted(admission);
        return admission;
    }

    // ---- intercepted: executions ----------------------------------------------------------------------------------

    @Override
    public ResultSet executeQuery() throws SQLException {
        Admission admission = admitExecution();
        return wrapResult(admission.execute(preparedDelegate::executeQuery, RowCount.none()), admission);
    }

    @Override
    public boolean execute() throws SQLException {
        Admission admission = admitExecution();
        boolean hasResultSet = admission.execute(preparedDelegate::execute,
                result -> result ? -1 : preparedDelegate.getUpdateCount());
        if (hasResultSet) {
            wrapResult(preparedDelegate.getResultSet(), admission);
        }
        return hasResultSet;
    }

    @Override
    public int executeUpdate() throws SQLException {
        return admitExecution().execute(preparedDelegate::executeUpdate, RowCount.ofInt());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return admitExecution().execute(preparedDelegate::executeLargeUpdate, RowCount.ofLong());
    }

    @Override
    public void addBatch() throws SQLException {
        Admission admission = admitExecution();
        preparedDelegate.addBatch();
        queue(admission);
    }

    @Override
    public void clearParameters() throws SQLException {
        preparedDelegate.clearParameters();
        parameters.clear();
    }

    // ---- recorded parameters, then delegation ---------------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return preparedDelegate.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return preparedDelegate.getParameterMetaData();
    }

    @Override
    public void setArray(int parameterIndex, Array array) throws SQLException {
        parameters.set(parameterIndex, array);
        preparedDelegate.setArray(parameterIndex, array);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setAsciiStream(parameterIndex, stream, scaleOrLength);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream stream, long length) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setAsciiStream(parameterIndex, stream, length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream stream) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setAsciiStream(parameterIndex, stream);
    }

    @Override
    public void setBigDecimal(int parameterIndex, java.math.BigDecimal bigDecimal) throws SQLException {
        parameters.set(parameterIndex, bigDecimal);
        preparedDelegate.setBigDecimal(parameterIndex, bigDecimal);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setBinaryStream(parameterIndex, stream, scaleOrLength);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream stream, long length) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setBinaryStream(parameterIndex, stream, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream stream) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setBinaryStream(parameterIndex, stream);
    }

    @Override
    public void setBlob(int parameterIndex, java.io.InputStream stream, long length) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setBlob(parameterIndex, stream, length);
    }

    @Override
    public void setBlob(int parameterIndex, java.io.InputStream stream) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setBlob(parameterIndex, stream);
    }

    @Override
    public void setBlob(int parameterIndex, Blob blob) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setBlob(parameterIndex, blob);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean flag) throws SQLException {
        parameters.set(parameterIndex, flag);
        preparedDelegate.setBoolean(parameterIndex, flag);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        parameters.set(parameterIndex, x);
        preparedDelegate.setByte(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        parameters.set(parameterIndex, x);
        preparedDelegate.setBytes(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, int scaleOrLength) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setCharacterStream(parameterIndex, reader, scaleOrLength);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setClob(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setClob(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, java.io.Reader reader) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setClob(parameterIndex, reader);
    }

    @Override
    public void setClob(int parameterIndex, Clob clob) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setClob(parameterIndex, clob);
    }

    @Override
    public void setDate(int parameterIndex, Date date, java.util.Calendar cal) throws SQLException {
        parameters.set(parameterIndex, date);
        preparedDelegate.setDate(parameterIndex, date, cal);
    }

    @Override
    public void setDate(int parameterIndex, Date date) throws SQLException {
        parameters.set(parameterIndex, date);
        preparedDelegate.setDate(parameterIndex, date);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        parameters.set(parameterIndex, x);
        preparedDelegate.setDouble(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        parameters.set(parameterIndex, x);
        preparedDelegate.setFloat(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        parameters.set(parameterIndex, x);
        preparedDelegate.setInt(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long length) throws SQLException {
        parameters.set(parameterIndex, length);
        preparedDelegate.setLong(parameterIndex, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setNCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setNCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setNClob(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, java.io.Reader reader) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setNClob(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob nClob) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setNClob(parameterIndex, nClob);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        parameters.set(parameterIndex, value);
        preparedDelegate.setNString(parameterIndex, value);
    }

    @Override
    public void setNull(int parameterIndex, int x, String value) throws SQLException {
        parameters.set(parameterIndex, null);
        preparedDelegate.setNull(parameterIndex, x, value);
    }

    @Override
    public void setNull(int parameterIndex, int x) throws SQLException {
        parameters.set(parameterIndex, null);
        preparedDelegate.setNull(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object object, int scaleOrLength, int value3) throws SQLException {
        parameters.set(parameterIndex, object);
        preparedDelegate.setObject(parameterIndex, object, scaleOrLength, value3);
    }

    @Override
    public void setObject(int parameterIndex, Object object, int scaleOrLength) throws SQLException {
        parameters.set(parameterIndex, object);
        preparedDelegate.setObject(parameterIndex, object, scaleOrLength);
    }

    @Override
    public void setObject(int parameterIndex, Object object, SQLType sqlType, int value3) throws SQLException {
        parameters.set(parameterIndex, object);
        preparedDelegate.setObject(parameterIndex, object, sqlType, value3);
    }

    @Override
    public void setObject(int parameterIndex, Object object, SQLType sqlType) throws SQLException {
        parameters.set(parameterIndex, object);
        preparedDelegate.setObject(parameterIndex, object, sqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object object) throws SQLException {
        parameters.set(parameterIndex, object);
        preparedDelegate.setObject(parameterIndex, object);
    }

    @Override
    public void setRef(int parameterIndex, Ref ref) throws SQLException {
        parameters.set(parameterIndex, ref);
        preparedDelegate.setRef(parameterIndex, ref);
    }

    @Override
    public void setRowId(int parameterIndex, RowId rowId) throws SQLException {
        parameters.set(parameterIndex, rowId);
        preparedDelegate.setRowId(parameterIndex, rowId);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML sQLXML) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setSQLXML(parameterIndex, sQLXML);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        parameters.set(parameterIndex, x);
        preparedDelegate.setShort(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String value) throws SQLException {
        parameters.set(parameterIndex, value);
        preparedDelegate.setString(parameterIndex, value);
    }

    @Override
    public void setTime(int parameterIndex, Time time, java.util.Calendar cal) throws SQLException {
        parameters.set(parameterIndex, time);
        preparedDelegate.setTime(parameterIndex, time, cal);
    }

    @Override
    public void setTime(int parameterIndex, Time time) throws SQLException {
        parameters.set(parameterIndex, time);
        preparedDelegate.setTime(parameterIndex, time);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp timestamp, java.util.Calendar cal) throws SQLException {
        parameters.set(parameterIndex, timestamp);
        preparedDelegate.setTimestamp(parameterIndex, timestamp, cal);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp timestamp) throws SQLException {
        parameters.set(parameterIndex, timestamp);
        preparedDelegate.setTimestamp(parameterIndex, timestamp);
    }

    @Override
    public void setURL(int parameterIndex, java.net.URL uRL) throws SQLException {
        parameters.set(parameterIndex, uRL);
        preparedDelegate.setURL(parameterIndex, uRL);
    }

    @Override
    public void setUnicodeStream(int parameterIndex, java.io.InputStream stream, int scaleOrLength) throws SQLException {
        parameters.set(parameterIndex, Parameters.OPAQUE);
        preparedDelegate.setUnicodeStream(parameterIndex, stream, scaleOrLength);
    }

}
