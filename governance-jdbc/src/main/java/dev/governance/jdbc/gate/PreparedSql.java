package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;

/**
 * A SQL text as the gate analysed it when it was prepared, so executing the prepared statement never parses
 * again; each execution is still decided with its identity, policy and bound parameters.
 */
public final class PreparedSql {
    private final Analysis analysis;
    private final EntryPoint entry;
    private final boolean callEscape;

    PreparedSql(Analysis analysis, EntryPoint entry, boolean callEscape) {
        this.analysis = analysis;
        this.entry = entry;
        this.callEscape = callEscape;
    }

    /** True when the text was a JDBC call escape ({@code {call p(?)}}, {@code {? = call f(?)}}). */
    public boolean callEscape() {
        return callEscape;
    }

    public Analysis analysis() {
        return analysis;
    }

    public EntryPoint entry() {
        return entry;
    }
}
