package dev.governance.jdbc.sql;

import java.util.List;

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
 * @param unanchored       OR-branches of the condition that mention no column of the target: each one that
 *                         can hold makes the change reach every row ({@code id = 1 OR length('') = 0})
 * @param notNullBranches  OR-branches made only of {@code IS NOT NULL} tests on target columns (see
 *                         {@link StatementFacts#notNullBranches()})
 */
record ChangeSite(StatementType kind, Expression condition, boolean referencesTarget, boolean usesParameters,
                  Table target, List<Disjuncts.Branch> unanchored, List<java.util.Set<ColumnName>> notNullBranches) {

    ChangeSite(StatementType kind, Expression condition, boolean referencesTarget, boolean usesParameters) {
        this(kind, condition, referencesTarget, usesParameters, null, List.of(), List.of());
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
        if (t == Truth.FALSE) {
            return false;
        }
        if (referencesTarget) {
            for (Disjuncts.Branch branch : unanchored) {
                Truth b = evaluator.truth(branch.expression(), target);
                if (branch.negated()) {
                    b = b.not();
                }
                // Proven false for these values: restricts nothing but adds nothing either. Unknown: it may hold.
                if (b != Truth.FALSE && !(usesParameters && !values.bound())) {
                    return true;
                }
            }
            return false;
        }
        // a condition that never looks at the target's rows restricts nothing, unless it waits for parameters
        return !(usesParameters && !values.bound());
    }
}
