package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What calling a user-defined function reads, like a view: the tables its SQL body reads (bodies calling other
 * functions followed, to a depth), or — for a body that isn't SQL, or can't be read — the function itself as an
 * opaque read ({@link TableName#opaqueFunction(String)}), outside every access list that doesn't name it.
 */
final class FunctionReads {
    private static final int MAX_DEPTH = 8;

    private FunctionReads() {
    }

    /**
     * The reads of a call to {@code name}; empty for a built-in (no user-defined function of that name). Throws
     * {@link CatalogUnavailable} when the catalog can't be asked.
     */
    static Set<TableName> of(Connection physical, Dialect dialect, SqlAnalyzer analyzer, String name) {
        Set<TableName> reads = new LinkedHashSet<>();
        collect(physical, dialect, analyzer, name, 0, new LinkedHashSet<>(), reads);
        return Set.copyOf(reads);
    }

    private static void collect(Connection physical, Dialect dialect, SqlAnalyzer analyzer, String name, int depth,
                                Set<String> visiting, Set<TableName> reads) {
        List<FunctionBodies.Body> bodies;
        try {
            bodies = FunctionBodies.of(physical, dialect, name);
        } catch (SQLException e) {
            // the catalog can't tell now (an aborted transaction): nothing is cached, the caller fails closed once
            throw new CatalogUnavailable(e);
        }
        if (bodies.isEmpty() || !visiting.add(name)) {
            return; // a built-in, or a recursive call already being followed
        }
        for (FunctionBodies.Body body : bodies) {
            if (body.sql() == null || depth >= MAX_DEPTH) {
                reads.add(TableName.opaqueFunction(name));
                continue;
            }
            Analysis analysis = analyzer.analyze(body.sql(), dialect);
            if (analysis.unparseable() || analysis.statements().isEmpty()) {
                reads.add(TableName.opaqueFunction(name));
                continue;
            }
            for (StatementFacts facts : analysis.statements()) {
                reads.addAll(facts.tablesRead());
                reads.addAll(facts.tablesWritten());
                for (String called : facts.functions()) {
                    collect(physical, dialect, analyzer, called, depth + 1, visiting, reads);
                }
            }
        }
        visiting.remove(name);
    }
}
