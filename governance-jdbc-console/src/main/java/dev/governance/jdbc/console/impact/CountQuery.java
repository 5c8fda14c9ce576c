package dev.governance.jdbc.console.impact;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read-only {@code SELECT COUNT(*)} an UPDATE or DELETE amounts to: the same target table (and alias), the same
 * joined or {@code FROM}/{@code USING} tables, the same WHERE, the same LIMIT — built from the parsed statement, so
 * the count is of exactly the rows the change would touch.
 */
final class CountQuery {
    private CountQuery() {
    }

    /** The count query, or empty when the statement is neither an UPDATE nor a DELETE. */
    static Optional<String> of(Statement statement) throws JSQLParserException {
        Table target;
        List<Join> joins = new ArrayList<>();
        Expression where;
        Limit limit;
        if (statement instanceof Update update) {
            target = update.getTable();
            add(joins, update.getStartJoins());
            if (update.getFromItem() != null) {
                joins.add(simple(update.getFromItem()));
            }
            add(joins, update.getJoins());
            where = update.getWhere();
            limit = update.getLimit();
        } else if (statement instanceof Delete delete) {
            target = delete.getTable();
            if (delete.getUsingList() != null) {
                delete.getUsingList().forEach(t -> joins.add(simple(t)));
            }
            add(joins, delete.getJoins());
            where = delete.getWhere();
            limit = delete.getLimit();
        } else {
            return Optional.empty();
        }
        PlainSelect rows = (PlainSelect) CCJSqlParserUtil.parse("SELECT 1 FROM placeholder");
        rows.setFromItem(target);
        rows.setJoins(joins.isEmpty() ? null : joins);
        rows.setWhere(where);
        if (limit == null) {
            PlainSelect count = (PlainSelect) CCJSqlParserUtil.parse("SELECT COUNT(*) FROM placeholder");
            count.setFromItem(target);
            count.setJoins(joins.isEmpty() ? null : joins);
            count.setWhere(where);
            return Optional.of(count.toString());
        }
        rows.setLimit(limit);
        return Optional.of("SELECT COUNT(*) FROM (" + rows + ") limited_rows");
    }

    private static void add(List<Join> to, List<Join> joins) {
        if (joins != null) {
            to.addAll(joins);
        }
    }

    private static Join simple(FromItem item) {
        Join join = new Join();
        join.setSimple(true);
        join.setRightItem(item);
        return join;
    }
}
