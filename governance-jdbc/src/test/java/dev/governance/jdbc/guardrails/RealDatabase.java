package dev.governance.jdbc.guardrails;

import org.junit.jupiter.api.function.Executable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Refusal checks against a real database: the observable state is given by a list of queries run by the service. */
final class RealDatabase {
    final Connection service;
    final List<String> stateQueries;

    RealDatabase(Connection service, List<String> stateQueries) {
        this.service = service;
        this.stateQueries = stateQueries;
    }

    String snapshot() throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String q : stateQueries) {
            out.append(q).append(":\n").append(Guard.query(service, q));
        }
        return out.toString();
    }

    /** The state as {@code c} sees it (its own uncommitted work included); a query it may not run, as its refusal. */
    String snapshotAs(Connection c) {
        StringBuilder out = new StringBuilder();
        for (String q : stateQueries) {
            out.append(q).append(":\n");
            try {
                out.append(Guard.query(c, q));
            } catch (SQLException e) {
                out.append("refused ").append(e.getSQLState()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The SQL is refused through every entry point, with autocommit on and off; nothing changes — as the service
     * sees the database, and as the refusing connection itself sees it (with autocommit off, work the refused
     * statement did would be visible only there) — and the connection goes on working.
     */
    void refusedEverywhere(Connection agent, String sql, String state, Set<String> rules, String identityQuery)
            throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (EntryPoint entry : EntryPoint.values()) {
            for (boolean autoCommit : new boolean[] {true, false}) {
                checks.add(() -> refused(agent, entry, sql, state, rules, identityQuery, autoCommit));
            }
        }
        assertAll(sql, checks);
    }

    /** {@link #refused(Connection, EntryPoint, String, String, Set, String, boolean)} in both transaction modes. */
    void refused(Connection agent, EntryPoint entry, String sql, String state, Set<String> rules, String identityQuery)
            throws SQLException {
        refused(agent, entry, sql, state, rules, identityQuery, true);
        refused(agent, entry, sql, state, rules, identityQuery, false);
    }

    void refused(Connection agent, EntryPoint entry, String sql, String state, Set<String> rules, String identityQuery,
                 boolean autoCommit) throws SQLException {
        String context = entry + (autoCommit ? "" : " (autocommit off)") + " " + sql;
        boolean previous = agent.getAutoCommit();
        agent.setAutoCommit(autoCommit);
        try {
            String who = Guard.query(agent, identityQuery);
            String before = snapshot();
            String seenBefore = snapshotAs(agent);
            Throwable thrown = null;
            try {
                entry.run(agent, sql);
            } catch (Throwable t) {
                thrown = t;
            }
            assertEquals(seenBefore, snapshotAs(agent), context + ": the database changed as the agent sees it");
            assertEquals(before, snapshot(), context + ": the database changed (the statement ran)");
            Guard.assertRefusal(thrown, state, rules, context);
            assertEquals(true, service.isValid(2), context + ": the service's session was ended");
            Guard.assertUsable(agent, autoCommit, context);
            assertEquals(who, Guard.query(agent, identityQuery), context + ": the session's database identity changed");
        } finally {
            if (!agent.getAutoCommit()) {
                agent.rollback();
            }
            agent.setAutoCommit(previous);
        }
    }

    static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
