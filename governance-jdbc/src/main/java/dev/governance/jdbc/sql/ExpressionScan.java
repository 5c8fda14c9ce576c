package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
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
