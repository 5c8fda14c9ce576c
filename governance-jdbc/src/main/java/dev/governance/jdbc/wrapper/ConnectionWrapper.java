package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.gate.EntryPoint;
import dev.governance.jdbc.gate.PreparedSql;
import dev.governance.jdbc.gate.Session;
import dev.governance.jdbc.identity.Identity;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The governed connection. Statements it creates are governed; SQL handed to {@code prepare*} and
 * {@code nativeSQL} is decided by the gate before the real driver sees it; the real connection is never handed out.
 */
public final class ConnectionWrapper implements GovernedConnection {
    /** Client-info name of the requester's reason, shown to reviewers; kept here, never sent to the real driver. */
    public static final String REASON = "governance.reason";

    private final Connection delegate;
    private final Session session;
    private final Set<StatementWrapper> open = ConcurrentHashMap.newKeySet();
    private volatile DatabaseMetaDataWrapper metaData;
    private volatile boolean closed;

    public ConnectionWrapper(Connection delegate, Session session) {
        this.delegate = delegate;
        this.session = session;
    }

    Session session() {
        return session;
    }

    /**
     * Whether the real driver's objects may be handed out: only with {@code allow-unwrap=true}, and never to an
     * identity whose results are masked (through the real objects masking could be undone).
     */
    boolean allowUnwrap() {
        return session.mayUnwrap();
    }

    private <S extends StatementWrapper> S track(S statement) {
        open.add(statement);
        return statement;
    }

    void forget(StatementWrapper statement) {
        open.remove(statement);
    }

    /** A governed wrapper for a statement the real driver created on its own (e.g. behind a metadata result). */
    StatementWrapper wrapForeign(Statement raw) {
        if (raw instanceof CallableStatement callable) {
            return track(new CallableStatementWrapper(callable, this, null, true));
        }
        if (raw instanceof PreparedStatement prepared) {
            return track(new PreparedStatementWrapper(prepared, this, null));
        }
        return track(new StatementWrapper(raw, this));
    }

    private PreparedSql prepare(EntryPoint entry, String sql) throws SQLException {
        return session.prepare(entry, sql);
    }

    // ---- governed connection --------------------------------------------------------------------------------------

    private Identity identityOrNull() {
        try {
            return session.identity();
        } catch (SQLException expired) {
            return null; // an expired token does not keep a connection from closing
        }
    }

    @Override
    public Identity identity() throws SQLException {
        return session.identity();
    }

    @Override
    public String connectionId() {
        return session.connectionId();
    }

    @Override
    public dev.governance.jdbc.approval.Approvals approvals() {
        return session.approvals();
    }

    @Override
    public dev.governance.jdbc.policy.Decision decide(String sql) throws SQLException {
        return session.decide(sql);
    }

    @Override
    public void client(dev.governance.jdbc.audit.AuditEvent.Client client) {
        session.client(client);
    }

    @Override
    public void recordCall(String error) throws SQLException {
        session.recordCall(error);
    }

    @Override
    public IdentityScope runAs(String token) throws SQLException {
        Identity identity = session.verify(token);
        session.pushIdentity(identity);
        return new IdentityScope() {
            @Override
            public Identity identity() {
                return identity;
            }

            @Override
            public void close() {
                session.popIdentity(identity);
            }
        };
    }

    /**
     * A pool lends this connection to a new borrower: nothing of the previous one's request survives (identity
     * scopes it opened and forgot, its {@code governance.reason}).
     */
    @Override
    public void beginRequest() throws SQLException {
        session.resetRequest();
        delegate.beginRequest();
    }

    /** The borrower is done: its identity scopes and reason end here, before the pool lends the connection again. */
    @Override
    public void endRequest() throws SQLException {
        session.resetRequest();
        delegate.endRequest();
    }

    // ---- intercepted: statements ----------------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        return track(new StatementWrapper(delegate.createStatement(), this));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return track(new StatementWrapper(delegate.createStatement(resultSetType, resultSetConcurrency), this));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return track(new StatementWrapper(
                delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability), this));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE, sql);
        return track(new PreparedStatementWrapper(delegate.prepareStatement(sql), this, prepared));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE, sql);
        return track(new PreparedStatementWrapper(delegate.prepareStatement(sql, autoGeneratedKeys), this, prepared));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE, sql);
        return track(new PreparedStatementWrapper(delegate.prepareStatement(sql, columnIndexes), this, prepared));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE, sql);
        return track(new PreparedStatementWrapper(delegate.prepareStatement(sql, columnNames), this, prepared));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE, sql);
        return track(new PreparedStatementWrapper(
                delegate.prepareStatement(sql, resultSetType, resultSetConcurrency), this, prepared));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE, sql);
        return track(new PreparedStatementWrapper(
                delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability), this, prepared));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE_CALL, sql);
        return track(new CallableStatementWrapper(delegate.prepareCall(sql), this, prepared,
                prepared.callEscape()));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE_CALL, sql);
        return track(new CallableStatementWrapper(delegate.prepareCall(sql, resultSetType, resultSetConcurrency), this, prepared,
                prepared.callEscape()));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        PreparedSql prepared = prepare(EntryPoint.PREPARE_CALL, sql);
        return track(new CallableStatementWrapper(delegate.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability), this, prepared,
                prepared.callEscape()));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        session.inspect(sql);
        return delegate.nativeSQL(sql);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        DatabaseMetaDataWrapper wrapper = metaData;
        if (wrapper == null) {
            wrapper = new DatabaseMetaDataWrapper(delegate.getMetaData(), this);
            metaData = wrapper;
        }
        return wrapper;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // JDBC: closing a connection closes its statements and their results.
            for (StatementWrapper statement : open.toArray(new StatementWrapper[0])) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // the real connection's close below releases them anyway
                }
            }
        } finally {
            open.clear();
            try {
                delegate.close();
            } finally {
                session.recordClosed(identityOrNull());
            }
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return closed || delegate.isClosed();
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (REASON.equals(name)) {
            session.reason(value);
            return;
        }
        delegate.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        Properties forwarded = new Properties();
        if (properties != null) {
            forwarded.putAll(properties);
            Object reason = forwarded.remove(REASON);
            session.reason(reason == null ? null : reason.toString());
        }
        delegate.setClientInfo(forwarded);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return REASON.equals(name) ? session.reason() : delegate.getClientInfo(name);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface, allowUnwrap());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface, allowUnwrap());
    }

    // ---- plain delegation ---------------------------------------------------------------------------------------

    @Override
    public void abort(java.util.concurrent.Executor executor) throws SQLException {
        delegate.abort(executor);
    }


    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public void commit() throws SQLException {
        delegate.commit();
        session.transactionEnded();
    }

    @Override
    public Array createArrayOf(String name, Object[] x) throws SQLException {
        return delegate.createArrayOf(name, x);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return delegate.createBlob();
    }

    @Override
    public Clob createClob() throws SQLException {
        return delegate.createClob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return delegate.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return delegate.createSQLXML();
    }

    @Override
    public Struct createStruct(String name, Object[] x) throws SQLException {
        return delegate.createStruct(name, x);
    }


    @Override
    public boolean getAutoCommit() throws SQLException {
        return delegate.getAutoCommit();
    }

    @Override
    public String getCatalog() throws SQLException {
        return delegate.getCatalog();
    }

    @Override
    public java.util.Properties getClientInfo() throws SQLException {
        return delegate.getClientInfo();
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return delegate.getNetworkTimeout();
    }

    @Override
    public String getSchema() throws SQLException {
        return delegate.getSchema();
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return delegate.getTransactionIsolation();
    }

    @Override
    public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
        return delegate.getTypeMap();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return session.visibleWarnings(delegate.getWarnings());
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return delegate.isReadOnly();
    }

    @Override
    public boolean isValid(int value) throws SQLException {
        return delegate.isValid(value);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        delegate.releaseSavepoint(savepoint);
    }

    @Override
    public void rollback() throws SQLException {
        delegate.rollback();
        session.transactionEnded();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        delegate.rollback(savepoint);
        session.transactionEnded();
    }

    @Override
    public void setAutoCommit(boolean flag) throws SQLException {
        delegate.setAutoCommit(flag);
    }

    @Override
    public void setCatalog(String name) throws SQLException {
        delegate.setCatalog(name);
        session.catalogSwitched(name);
    }

    @Override
    public void setHoldability(int value) throws SQLException {
        delegate.setHoldability(value);
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor executor, int x) throws SQLException {
        delegate.setNetworkTimeout(executor, x);
    }

    @Override
    public void setReadOnly(boolean flag) throws SQLException {
        delegate.setReadOnly(flag);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return delegate.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return delegate.setSavepoint(name);
    }

    @Override
    public void setSchema(String name) throws SQLException {
        delegate.setSchema(name);
        session.defaultSchema(name);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    public void setTransactionIsolation(int value) throws SQLException {
        delegate.setTransactionIsolation(value);
    }

    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> map) throws SQLException {
        delegate.setTypeMap(map);
    }

}
