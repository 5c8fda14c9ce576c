package dev.governance.jdbc.gate;

/**
 * What the gate decided about a SQL text when it was prepared, so executing the prepared statement never parses
 * again. Re-checked at execution only for what bound parameters can change.
 */
public final class PreparedSql {
    private final String sql;
    private final EntryPoint entry;

    PreparedSql(String sql, EntryPoint entry) {
        this.sql = sql;
        this.entry = entry;
    }

    public String sql() {
        return sql;
    }

    public EntryPoint entry() {
        return entry;
    }
}
