package dev.governance.jdbc.sql;

import java.util.List;

/**
 * The analysis of one SQL text (which may hold several statements). Cached by normalized text, so the parts that
 * depend on literal values or bound parameters are evaluated per use: {@link #bind(List)} gives the facts for one
 * set of parameter values.
 */
public interface Analysis {

    /** The SQL text as given. */
    String sql();

    /** The text with literals replaced by {@code ?} (and IN-lists collapsed): safe to record. */
    String normalizedSql();

    /** A stable hex SHA-256 fingerprint of the normalized text. */
    String fingerprint();

    /** One entry per statement, in order; empty only for an empty text. */
    List<StatementFacts> statements();

    /**
     * The same statements with their parse trees ({@link AnalyzedStatement#parsedStatement()}, null for a statement
     * that could not be parsed), for the callers that trace lineage or read the tree; empty when there are none.
     */
    List<AnalyzedStatement> analyzedStatements();

    /**
     * The value of literal marker {@code k} of this text (parse trees hold markers, not values: see
     * {@link AnalyzedStatement#parsedStatement()}), or null when unknown.
     */
    default Object literal(int k) {
        return null;
    }

    default boolean multiStatement() {
        return statements().size() > 1;
    }

    /** True when the whole text, or any statement of it, could not be read reliably. */
    boolean unparseable();

    /** Why it was unparseable (for the refusal message), or null. */
    String parseProblem();

    /** True when some fact (for example an always-true WHERE) depends on bound parameter values. */
    boolean dependsOnParameters();

    /**
     * An object standing for everything this analysis holds apart from name resolution, when another analysis with
     * the same key has the same facts (a text without literals and without bound parameters: its cached shape); null
     * when values make this analysis its own. Compared by identity.
     */
    default Object reuseKey() {
        return null;
    }

    /** The analysis with these bound parameter values (index 0 = parameter 1; null for unset) taken into account. */
    Analysis bind(List<Object> parameters);
}
