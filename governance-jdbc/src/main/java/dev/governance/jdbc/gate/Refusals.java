package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;

/**
 * How a refusal names the statement it refuses: the recorded form (literals replaced by {@code ?}, as in the
 * audit trail), shortened, so that a tool that runs many statements (Flyway, an ORM) says which one was refused.
 */
final class Refusals {
    private static final int MAX = 200;

    private Refusals() {
    }

    /** {@code statement: DELETE FROM orders WHERE id = ?}. */
    static String statement(Analysis analysis) {
        String text = analysis.normalizedSql();
        if (text == null || text.isBlank()) {
            text = "(empty)";
        }
        text = text.strip().replaceAll("\\s+", " ");
        String named = "statement: " + (text.length() > MAX ? text.substring(0, MAX) + "…" : text);
        // an unreadable text says why, so the author can rewrite it
        return analysis.unparseable() && analysis.parseProblem() != null
                ? named + "; unreadable: " + analysis.parseProblem() : named;
    }
}
