package dev.governance.jdbc.pool;

import dev.governance.jdbc.GovernedConnection;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Put in front of any pool of governed connections (HikariCP, DBCP, c3p0, …), whether or not the pool calls
 * {@link Connection#beginRequest()}/{@link Connection#endRequest()}: every {@link #getConnection()} is one request.
 * The borrow begins a request; with a token supplier, the borrower's token is verified and its identity scoped to
 * this borrow; {@code close()} ends the request — that scope, any {@code runAs} scope the borrower forgot, and its
 * {@code governance.reason} — before the connection goes back to the pool. The next borrower starts as the
 * pool's own identity.
 */
public final class RequestScopedDataSource implements DataSource {
    private final DataSource pool;
    private final Supplier<String> tokens;

    private RequestScopedDataSource(DataSource pool, Supplier<String> tokens) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.tokens = tokens;
    }

    /** Borrows run as the pool's own identity; whatever a borrower scoped is undone when it returns. */
    public static RequestScopedDataSource over(DataSource pool) {
        return new RequestScopedDataSource(pool, null);
    }

    /**
     * Each borrow runs as the identity of the token {@code tokens} gives at that moment (for example the token of
     * the request being served, from a thread-local or a request scope); null: the pool's own identity.
     */
    public static RequestScopedDataSource perBorrower(DataSource pool, Supplier<String> tokens) {
        return new RequestScopedDataSource(pool, Objects.requireNonNull(tokens, "tokens"));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return borrow(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return borrow(pool.getConnection(username, password));
    }

    private Connection borrow(Connection pooled) throws SQLException {
        try {
            GovernedConnection governed = pooled.unwrap(GovernedConnection.class);
            governed.beginRequest();
            String token = tokens == null ? null : tokens.get();
            GovernedConnection.IdentityScope scope = token == null ? null : governed.runAs(token);
            return new BorrowedConnection(pooled, governed, scope);
        } catch (SQLException | RuntimeException e) {
            pooled.close(); // back to the pool, nothing scoped
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
