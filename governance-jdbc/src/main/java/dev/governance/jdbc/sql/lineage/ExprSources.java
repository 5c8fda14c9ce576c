package dev.governance.jdbc.sql.lineage;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FunctionAllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects every table column an expression reads, at any depth: function arguments (positional and named),
 * CASE branches, casts, window clauses, scalar subqueries, whole-row references. The adapter walks most nodes;
 * the overrides add what it skips. Whatever still slips through is caught by {@link Backstop}.
 */
final class ExprSources extends ExpressionVisitorAdapter<Void> {
    /** Functions that read tables named in a string argument rather than in the statement. */
    static final Set<String> SQL_TEXT_FUNCTIONS = Set.of(
            "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema",
            "table_to_xml", "table_to_xmlschema", "table_to_xml_and_xmlschema",
            "cursor_to_xml", "schema_to_xml", "schema_to_xml_and_xmlschema", "database_to_xml",
            "database_to_xml_and_xmlschema", "dblink", "dblink_exec", "csvread", "link_schema");
    private final LineageWalker walker;
    private final Scope scope;
    private final Acc acc;

    ExprSources(LineageWalker walker, Scope scope, Acc acc) {
        this.walker = walker;
        this.scope = scope;
        this.acc = acc;
    }

    void walk(Expression e) {
        if (e != null) {
            e.accept(this, null);
        }
    }

    @Override
    public <S> Void visit(Column column, S context) {
        walker.resolveColumn(column, scope, acc);
        return null;
    }

    @Override
    public <S> Void visit(AllColumns all, S context) {
        if (all instanceof FunctionAllColumns f) {
            walk(f.getFunction());
            return null;
        }
        // a bare * inside an expression: the whole FROM row
        for (Col c : scope.star) {
            acc.add(c);
        }
        return null;
    }

    @Override
    public <S> Void visit(AllTableColumns all, S context) {
        walker.wholeRow(all.getTable(), scope, acc);
        return null;
    }

    @Override
    public <S> Void visit(FunctionAllColumns all, S context) {
        walk(all.getFunction());
        return null;
    }

    @Override
    public <S> Void visit(RowGetExpression row, S context) {
        // (u).email: the field of a row when u is a FROM item, else the field of whatever the inner value is
        if (!walker.rowField(row, scope, acc)) {
            walk(row.getExpression());
        }
        return null;
    }

    @Override
    public <S> Void visit(Function f, S context) {
        String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
        if (name.equals("count") && f.getParameters() != null && f.getParameters().size() == 1
                && f.getParameters().get(0).getClass() == AllColumns.class) {
            return null; // count(*) reads no value
        }
        if (SQL_TEXT_FUNCTIONS.contains(name)) {
            walker.sqlTextFunction(name, f, scope, acc);
        }
        super.visit(f, context);
        if (f.getNamedParameters() != null) {
            for (Object p : f.getNamedParameters()) {
                walk((Expression) p);
            }
        }
        if (f.getAttribute() instanceof Expression attr) {
            walk(attr);
        }
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression a, S context) {
        // walked by hand: the adapter skips OVER (ORDER BY ...) unless WITHIN GROUP is present, and PARTITION BY
        String name = a.getName() == null ? "" : a.getName().toLowerCase(Locale.ROOT);
        if (!(name.equals("count") && a.getExpression() != null && a.getExpression().getClass() == AllColumns.class)) {
            walk(a.getExpression());
        }
        walk(a.getOffset());
        walk(a.getDefaultValue());
        walk(a.getKeep());
        walkOrder(a.getFuncOrderBy());
        walkOrder(a.getOrderByElements());
        if (a.getPartitionExpressionList() != null) {
            for (Object p : a.getPartitionExpressionList()) {
                walk((Expression) p);
            }
        }
        walk(a.getFilterExpression());
        if (a.getWindowName() != null) {
            walker.namedWindow(a.getWindowName(), scope, acc);
        }
        return null;
    }

    @Override
    public <S> Void visit(UserVariable variable, S context) {
        // @v holds whatever an earlier statement put there: not traceable from this one
        walker.untraceable(acc);
        return null;
    }

    @Override
    public <S> Void visit(JsonFunction f, S context) {
        super.visit(f, context);
        for (JsonKeyValuePair pair : f.getKeyValuePairs()) {
            if (pair.getKey() instanceof Expression k) {
                walk(k);
            }
            if (pair.getValue() instanceof Expression v) {
                walk(v);
            }
        }
        return null;
    }

    private void walkOrder(List<OrderByElement> order) {
        if (order != null) {
            for (OrderByElement o : order) {
                walk(o.getExpression());
            }
        }
    }

    @Override
    public <S> Void visit(TrimFunction t, S context) {
        walk(t.getExpression());
        walk(t.getFromExpression());
        return null;
    }

    @Override
    public <S> Void visit(ExistsExpression exists, S context) {
        // EXISTS (SELECT * ...) is decided by the subquery's conditions (recorded as predicates), not by its columns;
        // masking still takes them as the value's sources (the conservative choice for a result), rules do not
        if (!walker.existsReadsSelectList() && exists.getRightExpression() instanceof Select select) {
            walker.select(select, scope);
        } else {
            walk(exists.getRightExpression());
        }
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        acc.add(walker.select(select, scope).wholeRow());
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        acc.add(walker.select(select, scope).wholeRow());
        return null;
    }
}
