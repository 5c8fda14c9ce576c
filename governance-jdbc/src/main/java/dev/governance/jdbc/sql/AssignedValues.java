package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The constant values an INSERT or UPDATE writes into columns (literals and bound parameters, as the application
 * gave them). The gate uses them to keep a masked identity from writing masked placeholders back over real data.
 * Expressions that are not constants (functions, other columns) are left out.
 */
public final class AssignedValues {

    /** One column written with one constant value ({@code null} for SQL NULL). */
    public record Assignment(ColumnName column, Object value) {
    }

    private static final Object NOT_CONSTANT = new Object();

    private AssignedValues() {
    }

    /** The assignments of every INSERT/UPDATE statement in the analysis; {@code parameters} index 0 = parameter 1. */
    public static List<Assignment> of(Analysis analysis, List<Object> parameters) {
        if (!(analysis instanceof SqlAnalysis sql)) {
            return List.of();
        }
        List<Assignment> out = new ArrayList<>();
        Values values = new Values(sql.literals(), parameters);
        for (AnalyzedStatement s : sql.analyzedStatements()) {
            TableName target = s.rowTarget();
            Writer writer = new Writer(target, sql.dialect(), values, parameters, out);
            if (s.parsedStatement() instanceof Update update) {
                writer.sets(update.getUpdateSets());
            } else if (s.parsedStatement() instanceof Insert insert) {
                writer.insert(insert);
            }
        }
        return out;
    }

    /** The written columns of one statement, with the values given to them. */
    private record Writer(TableName target, Dialect dialect, Values values, List<Object> parameters,
                          List<Assignment> out) {

        void sets(List<UpdateSet> sets) {
            if (sets == null) {
                return;
            }
            for (UpdateSet set : sets) {
                pair(set.getColumns(), set.getValues());
            }
        }

        void insert(Insert insert) {
            sets(insert.getDuplicateUpdateSets());
            sets(insert.getSetUpdateSets());
            if (insert.getConflictAction() != null) {
                sets(insert.getConflictAction().getUpdateSets());
            }
            List<Column> columns = insert.getColumns();
            if (columns == null || !(insert.getSelect() instanceof net.sf.jsqlparser.statement.select.Values values)) {
                return; // INSERT ... SELECT: the values come from the database, not from the application
            }
            ExpressionList<?> rows = values.getExpressions();
            if (rows == null) {
                return;
            }
            if (rows.size() == columns.size() && !(rows.get(0) instanceof ExpressionList)) {
                pair(columns, rows); // VALUES (a, b)
                return;
            }
            for (Expression row : rows) { // VALUES (a, b), (c, d)
                if (row instanceof ExpressionList<?> list) {
                    pair(columns, list);
                }
            }
        }

        private void pair(List<Column> columns, ExpressionList<?> expressions) {
            if (columns == null || expressions == null) {
                return;
            }
            List<? extends Expression> list = expressions;
            if (list.size() == 1 && columns.size() > 1 && list.get(0) instanceof ExpressionList<?> inner) {
                list = inner; // SET (a, b) = (?, ?)
            }
            if (list.size() != columns.size()) {
                return;
            }
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Object v = value(list.get(i));
                if (v != NOT_CONSTANT && c.getColumnName() != null) {
                    out.add(new Assignment(new ColumnName(target, Names.identifier(c.getColumnName(), dialect)), v));
                }
            }
        }

        private Object value(Expression e) {
            if (e instanceof JdbcParameter p) {
                Integer index = p.getIndex();
                if (parameters == null || index == null || index < 1 || index > parameters.size()) {
                    return NOT_CONSTANT;
                }
                return parameters.get(index - 1);
            }
            if (e instanceof LongValue lv) {
                return literal(lv.getStringValue());
            }
            if (e instanceof StringValue sv) {
                return literal(sv.getValue());
            }
            if (e instanceof NullValue) {
                return null;
            }
            if (e instanceof CastExpression cast) {
                return value(cast.getLeftExpression());
            }
            return NOT_CONSTANT;
        }

        private Object literal(String marker) {
            try {
                Object v = values.literal(Long.parseLong(marker));
                return v == Values.UNKNOWN ? NOT_CONSTANT : v;
            } catch (NumberFormatException e) {
                return NOT_CONSTANT;
            }
        }
    }

    /** Whether any statement of the analysis writes rows with constant values (INSERT or UPDATE). */
    public static boolean writes(Analysis analysis) {
        for (StatementFacts f : analysis.statements()) {
            Set<TableName> written = f.tablesWritten();
            if (!written.isEmpty() && (f.type() == StatementType.INSERT || f.type() == StatementType.UPDATE
                    || f.type() == StatementType.MERGE)) {
                return true;
            }
        }
        return false;
    }
}
