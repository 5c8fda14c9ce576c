package dev.governance.jdbc.sql;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

import java.util.ArrayList;
import java.util.List;

/**
 * The OR-branches of a condition (through parentheses, and through NOT by De Morgan: {@code NOT (a AND b)} is
 * {@code NOT a OR NOT b}). A change restricts its rows only if every branch does: one branch that holds
 * whatever the row is ({@code id = 1 OR length('') = 0}) reaches every row.
 */
final class Disjuncts {
    /** One branch; {@code negated}: the branch is {@code NOT expression}. */
    record Branch(Expression expression, boolean negated) {
    }

    private static final int MAX_BRANCHES = 256;

    private Disjuncts() {
    }

    static List<Branch> of(Expression condition) {
        List<Branch> out = new ArrayList<>();
        collect(condition, false, out, 0);
        return out;
    }

    private static void collect(Expression e, boolean negated, List<Branch> out, int depth) {
        if (e == null) {
            return;
        }
        if (depth > 100 || out.size() >= MAX_BRANCHES) {
            out.add(new Branch(e, negated));
            return;
        }
        if (e instanceof ExpressionList<?> list && list.size() == 1) {
            collect(list.get(0), negated, out, depth + 1);
        } else if (e instanceof NotExpression not) {
            collect(not.getExpression(), !negated, out, depth + 1);
        } else if (!negated && e instanceof OrExpression or) {
            collect(or.getLeftExpression(), false, out, depth + 1);
            collect(or.getRightExpression(), false, out, depth + 1);
        } else if (negated && e instanceof AndExpression and) {
            collect(and.getLeftExpression(), true, out, depth + 1);
            collect(and.getRightExpression(), true, out, depth + 1);
        } else {
            out.add(new Branch(e, negated));
        }
    }
}
