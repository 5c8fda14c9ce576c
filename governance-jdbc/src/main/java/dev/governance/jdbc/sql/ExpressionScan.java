package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.util.TablesNamesFinder;

/** The columns and parameters an expression (subqueries included) mentions. */
final class ExpressionScan extends TablesNamesFinder<Void> {

    final List<Column> columns = new ArrayList<>();
    boolean parameters;

    static ExpressionScan of(Expression e) {
        ExpressionScan scan = new ExpressionScan();
        if (e != null) {
            scan.getTables(e);
        }
        return scan;
    }

    @Override
    public <S> Void visit(Column column, S context) {
        columns.add(column);
        return null;
    }

    /**
     * Whether a parameter stands where its value could make the condition constant: compared with anything but
     * a column ({@code ? = ?}, {@code ? = 1}), or used as a truth value ({@code WHERE ?}, {@code ? AND x}).
     */
    boolean decisiveParameters;

    @Override
    public void visitBinaryExpression(BinaryExpression e) {
        decisive(e.getLeftExpression(), e.getRightExpression());
        decisive(e.getRightExpression(), e.getLeftExpression());
        super.visitBinaryExpression(e);
    }

    private void decisive(Expression side, Expression other) {
        if (side instanceof JdbcParameter && !(other instanceof Column)) {
            decisiveParameters = true;
        }
    }

    @Override
    public <S> Void visit(InExpression in, S context) {
        if (in.getLeftExpression() instanceof JdbcParameter) {
            decisiveParameters = true;
        }
        return super.visit(in, context);
    }

    @Override
    public <S> Void visit(Between between, S context) {
        if (between.getLeftExpression() instanceof JdbcParameter) {
            decisiveParameters = true;
        }
        return super.visit(between, context);
    }

    @Override
    public <S> Void visit(NotExpression not, S context) {
        if (not.getExpression() instanceof JdbcParameter) {
            decisiveParameters = true;
        }
        return super.visit(not, context);
    }

    @Override
    public <S> Void visit(JdbcParameter parameter, S context) {
        parameters = true;
        return null;
    }

    @Override
    public <S> Void visit(Table table, S context) {
        return null;
    }
}
