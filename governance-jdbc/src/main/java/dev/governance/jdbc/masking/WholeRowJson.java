package dev.governance.jdbc.masking;

import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.TableName;
import dev.governance.jdbc.sql.lineage.SchemaLookup;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Finds result columns that are JSON built from whole rows of one table — {@code json_agg(c)}, {@code jsonb_agg(c)},
 * {@code row_to_json(c)}, {@code to_json(c)}, {@code to_jsonb(c)} with {@code c} (or {@code c.*}) a table of the
 * FROM clause — whose keys are therefore that table's column names: such a document can be masked field by field.
 * Only this exact shape qualifies; anything else is masked as a whole.
 */
final class WholeRowJson {
    private static final Set<String> ROW_TO_JSON = Set.of("json_agg", "jsonb_agg", "row_to_json", "to_json", "to_jsonb",
            "json_agg_strict", "jsonb_agg_strict");

    private WholeRowJson() {
    }

    /** The table whose whole rows result column {@code column} (1-based) is built from, or null. */
    static TableName source(Statement parsed, int column, SchemaLookup schema, Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL || !(parsed instanceof PlainSelect select) || select.getSelectItems() == null
                || column > select.getSelectItems().size()) {
            return null;
        }
        List<SelectItem<?>> items = select.getSelectItems();
        for (SelectItem<?> item : items) {
            String text = String.valueOf(item.getExpression());
            if (text.endsWith("*")) {
                return null; // a star before or after: result columns don't line up with items
            }
        }
        Expression e = items.get(column - 1).getExpression();
        if (!(e instanceof Function f) || f.getName() == null
                || !ROW_TO_JSON.contains(f.getName().toLowerCase(Locale.ROOT)) || f.getParameters() == null
                || f.getParameters().size() != 1 || f.isDistinct() || f.getKeep() != null) {
            return null;
        }
        Object arg = f.getParameters().get(0);
        String alias;
        if (arg instanceof Column c && c.getTable() == null) {
            alias = c.getColumnName();
        } else if (arg instanceof AllTableColumns all && all.getTable() != null) {
            alias = all.getTable().getName();
        } else {
            return null;
        }
        Table table = tables(select).get(key(alias));
        if (table == null) {
            return null;
        }
        return schema.resolve(unquote(table.getSchemaName()), unquote(table.getName()), dialect);
    }

    /** The FROM clause's base tables by the name a select item calls them (alias, else table name). */
    private static Map<String, Table> tables(PlainSelect select) {
        Map<String, Table> out = new HashMap<>();
        add(select.getFromItem(), out);
        if (select.getJoins() != null) {
            for (Join j : select.getJoins()) {
                add(j.getRightItem(), out);
            }
        }
        return out;
    }

    private static void add(FromItem item, Map<String, Table> out) {
        if (item instanceof Table t) {
            String name = t.getAlias() != null ? t.getAlias().getName() : t.getName();
            if (out.put(key(name), t) != null) {
                out.put(key(name), null); // ambiguous: no shape
            }
        } else if (item != null && item.getAlias() != null) {
            out.put(key(item.getAlias().getName()), null); // a subquery or function of that name: not a base table
        }
    }

    private static String key(String name) {
        String n = unquote(name);
        return n == null ? null : n.toLowerCase(Locale.ROOT);
    }

    private static String unquote(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        char a = name.charAt(0);
        char b = name.charAt(name.length() - 1);
        return a == '"' && b == '"' || a == '`' && b == '`' ? name.substring(1, name.length() - 1) : name;
    }
}
