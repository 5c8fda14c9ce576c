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

    /** The SQL is refused through every entry point, nothing changes, and the connection goes on working. */
    void refusedEverywhere(Connection agent, String sql, String state, Set<String> rules, String identityQuery)
            throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (EntryPoint entry : EntryPoint.values()) {
            checks.add(() -> refused(agent, entry, sql, state, rules, identityQuery));
        }
        assertAll(sql, checks);
    }

    void refused(Connection agent, EntryPoint entry, String sql, String state, Set<String> rules, String identityQuery)
            throws SQLException {
        String context = entry + " " + sql;
        String who = Guard.query(agent, identityQuery);
        String before = snapshot();
        Throwable thrown = null;
        try {
            entry.run(agent, sql);
        } catch (Throwable t) {
            thrown = t;
        }
        assertEquals(before, snapshot(), context + ": the database changed (the statement ran)");
        Guard.assertRefusal(thrown, state, rules, context);
        assertEquals(true, service.isValid(2), context + ": the service's session was ended");
        Guard.assertUsable(agent, agent.getAutoCommit(), context);
        assertEquals(who, Guard.query(agent, identityQuery), context + ": the session's database identity changed");
    }

    static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
