package dev.governance.jdbc.sql;

import java.util.List;

import net.sf.jsqlparser.expression.Expression;

/**
 * One place in a statement that changes rows of a table (the statement itself, or a CTE/subquery inside it),
 * with what restricts it. Whether the restriction is always true is decided per use, with that use's literal
 * and parameter values.
 *
 * @param kind             UPDATE, DELETE, MERGE or TRUNCATE
 * @param condition        WHERE (or MERGE ... ON) condition, null when there is none
 * @param referencesTarget whether the condition mentions a column that may belong to the changed table
 * @param usesParameters   whether bound parameter values can decide whether the condition restricts anything
 * @param unanchored       OR-branches of the condition that mention no column of the target: each one that
 *                         can hold makes the change reach every row ({@code id = 1 OR length('') = 0})
 */
record ChangeSite(StatementType kind, Expression condition, boolean referencesTarget, boolean usesParameters,
                  List<Disjuncts.Branch> unanchored) {

    /** True when this change reaches every row of its table for these values. */
    boolean unbounded(ConditionEvaluator evaluator, Values values) {
        if (kind == StatementType.TRUNCATE || condition == null) {
            return true;
        }
        Truth t = evaluator.truth(condition);
        if (t == Truth.TRUE) {
            return true;
        }
        if (t == Truth.FALSE) {
            return false;
        }
        if (referencesTarget) {
            for (Disjuncts.Branch branch : unanchored) {
                Truth b = evaluator.truth(branch.expression());
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
