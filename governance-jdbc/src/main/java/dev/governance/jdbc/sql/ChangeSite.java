package dev.governance.jdbc.sql;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;

/**
 * One place in a statement that changes rows of a table (the statement itself, or a CTE/subquery inside it),
 * with what restricts it. Whether the restriction is always true is decided per use, with that use's literal
 * and parameter values.
 *
 * @param kind             UPDATE, DELETE, MERGE or TRUNCATE
 * @param condition        WHERE (or MERGE ... ON) condition, null when there is none
 * @param referencesTarget whether the condition mentions a column that may belong to the changed table
 * @param usesParameters   whether bound parameter values can decide whether the condition restricts anything
 * @param target           the changed table as the statement names it (for {@code id IN (SELECT id FROM target)}),
 *                         or null
 */
record ChangeSite(StatementType kind, Expression condition, boolean referencesTarget, boolean usesParameters,
        Table target) {

    ChangeSite(StatementType kind, Expression condition, boolean referencesTarget, boolean usesParameters) {
        this(kind, condition, referencesTarget, usesParameters, null);
    }

    /** True when this change reaches every row of its table for these values. */
    boolean unbounded(ConditionEvaluator evaluator, Values values) {
        if (kind == StatementType.TRUNCATE || condition == null) {
            return true;
        }
        Truth t = evaluator.truth(condition, target);
        if (t == Truth.TRUE) {
            return true;
        }
        if (referencesTarget || t == Truth.FALSE) {
            return false;
        }
        // a condition that never looks at the target's rows restricts nothing, unless it waits for parameters
        return !(usesParameters && !values.bound());
    }
}
