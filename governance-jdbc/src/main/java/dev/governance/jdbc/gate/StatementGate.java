package dev.governance.jdbc.gate;

import dev.governance.jdbc.identity.Identity;

import java.sql.SQLException;

/**
 * The one choke point: every SQL text that can reach the database, from every entry point of every wrapper,
 * is admitted here or refused before it runs.
 */
public final class StatementGate {
    private final Governance governance;

    StatementGate(Governance governance) {
        this.governance = governance;
    }

    /** Decides on a SQL text about to run now. */
    public Admission admit(Session session, EntryPoint entry, String sql) throws SQLException {
        Identity identity = session.identity();
        requireText(sql);
        return new Admission(session, identity, entry, sql);
    }

    /** Decides on a SQL text being prepared; the result is reused for every execution. */
    public PreparedSql prepare(Session session, EntryPoint entry, String sql) throws SQLException {
        session.identity();
        requireText(sql);
        return new PreparedSql(sql, entry);
    }

    /** Admits one execution of a prepared statement with its bound parameters. */
    public Admission admitPrepared(Session session, PreparedSql prepared, Parameters parameters) throws SQLException {
        Identity identity = session.identity();
        return new Admission(session, identity, prepared.entry(), prepared.sql());
    }

    /** Checks a text handed to {@code nativeSQL}: it does not run, but what an agent asks about is decided too. */
    public void inspect(Session session, String sql) throws SQLException {
        session.identity();
        requireText(sql);
    }

    /**
     * Runs a batch whose statements were each admitted when they were added; the batch as a whole runs once.
     */
    public <T> T executeBatch(Session session, java.util.List<Admission> queued, JdbcCall<T> call, RowCount<T> rows)
            throws SQLException {
        session.identity();
        return call.call();
    }

    private static void requireText(String sql) throws SQLException {
        if (sql == null) {
            throw new SQLException("SQL text is null", "HY009");
        }
    }

    Governance governance() {
        return governance;
    }
}
