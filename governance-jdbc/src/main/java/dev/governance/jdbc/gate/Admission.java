package dev.governance.jdbc.gate;

import dev.governance.jdbc.identity.Identity;

import java.sql.SQLException;

/**
 * One statement that the gate let through: it runs the real call and completes the statement's record with the
 * outcome. Obtained only from {@link StatementGate}.
 */
public final class Admission {
    private final Session session;
    private final Identity identity;
    private final EntryPoint entry;
    private final String sql;

    Admission(Session session, Identity identity, EntryPoint entry, String sql) {
        this.session = session;
        this.identity = identity;
        this.entry = entry;
        this.sql = sql;
    }

    public Identity identity() {
        return identity;
    }

    public String sql() {
        return sql;
    }

    public EntryPoint entry() {
        return entry;
    }

    Session session() {
        return session;
    }

    /** Runs the real call; {@code rows} tells how many rows it changed. */
    public <T> T execute(JdbcCall<T> call, RowCount<T> rows) throws SQLException {
        return call.call();
    }
}
