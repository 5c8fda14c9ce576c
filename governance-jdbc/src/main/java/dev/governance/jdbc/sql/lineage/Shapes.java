package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.lineage.ValueShape.Elements;
import dev.governance.jdbc.sql.lineage.ValueShape.Fields;
import dev.governance.jdbc.sql.lineage.ValueShape.Format;
import dev.governance.jdbc.sql.lineage.ValueShape.Leaf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionType;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllTableColumns;


/**
 * The {@link ValueShape} of a select item: the JSON, array and row constructors a statement spells out
 * ({@code json_agg}, {@code row_to_json}, {@code json_build_object}, {@code JSON_OBJECT}, {@code JSON_ARRAYAGG},
 * {@code array_agg}, {@code ARRAY[…]}, {@code ROW(…)}, a whole-row reference), down to the values they are made of.
 * Keys written as anything but a string literal, and every other construct, give a {@link Leaf}.
 */
final class Shapes {
    private static final int MAX_DEPTH = 16;
    private static final Set<String> JSON_AGGREGATES = Set.of("json_agg", "jsonb_agg", "json_agg_strict",
            "jsonb_agg_strict", "json_arrayagg");
    private static final Set<String> TO_JSON = Set.of("row_to_json", "to_json", "to_jsonb");
    private static final Set<String> JSON_OBJECTS = Set.of("json_build_object", "jsonb_build_object", "json_object");
    private static final Set<String> JSON_ARRAYS = Set.of("json_build_array", "jsonb_build_array", "json_array");

    private final LineageWalker walker;
    private final Scope scope;

    Shapes(LineageWalker walker, Scope scope) {
        this.walker = walker;
        this.scope = scope;
    }

    /** The shape of a select item, or null when it is not a structured value this class takes apart. */
    ValueShape ofItem(Expression e) {
        if (!structured(e)) {
            return null;
        }
        ValueShape shape = of(e, 0);
        return shape instanceof Leaf ? null : shape;
    }

    /** A cheap first look: only constructors are worth a second walk. */
    private boolean structured(Expression e) {
        if (e instanceof CastExpression c) {
            return structured(c.getLeftExpression());
        }
        if (e instanceof Function f) {
            String name = name(f);
            return JSON_AGGREGATES.contains(name) || TO_JSON.contains(name) || JSON_OBJECTS.contains(name)
                    || JSON_ARRAYS.contains(name) || name.equals("array_agg") || name.equals("row");
        }
        return e instanceof JsonFunction || e instanceof JsonAggregateFunction || e instanceof ArrayConstructor
                || e instanceof ParenthesedExpressionList<?> || e instanceof AllTableColumns
                || e instanceof Column c && !walker.rowEntries(c, scope).isEmpty();
    }

    private ValueShape of(Expression e, int depth) {
        if (depth > MAX_DEPTH) {
            return leaf(e);
        }
        if (e instanceof CastExpression c && textual(c)) {
            return of(c.getLeftExpression(), depth + 1); // row_to_json(c)::text is the same document
        }
        if (e instanceof Function f) {
            return function(f, depth);
        }
        if (e instanceof JsonFunction jf) {
            return jsonFunction(jf, depth);
        }
        if (e instanceof JsonAggregateFunction ja && ja.getType() == JsonFunctionType.ARRAY
                && ja.getExpression() != null) {
            return new Elements(Format.JSON, json(of(ja.getExpression(), depth + 1)));
        }
        if (e instanceof ArrayConstructor ac && ac.getExpressions() != null) {
            return new Elements(Format.ARRAY, merged(ac.getExpressions(), depth));
        }
        if (e instanceof ParenthesedExpressionList<?> list && list.size() > 1) {
            return row(list, depth);
        }
        if (e instanceof Column c) {
            List<Scope.Entry> rows = walker.rowEntries(c, scope);
            return rows.size() == 1 ? wholeRow(rows.get(0)) : leaf(e);
        }
        if (e instanceof AllTableColumns all) {
            List<Scope.Entry> rows = walker.tableEntries(all.getTable(), scope);
            return rows.size() == 1 ? wholeRow(rows.get(0)) : leaf(e);
        }
        return leaf(e);
    }

    private ValueShape function(Function f, int depth) {
        String name = name(f);
        List<Expression> params = params(f);
        if (params == null || f.isDistinct() && !JSON_AGGREGATES.contains(name) && !name.equals("array_agg")) {
            return leaf(f);
        }
        if (JSON_AGGREGATES.contains(name) && params.size() == 1) {
            return new Elements(Format.JSON, json(of(params.get(0), depth + 1)));
        }
        if (name.equals("array_agg") && params.size() == 1) {
            return new Elements(Format.ARRAY, of(params.get(0), depth + 1));
        }
        if (TO_JSON.contains(name) && !params.isEmpty() && (params.size() == 1 || name.equals("row_to_json"))) {
            return json(of(params.get(0), depth + 1));
        }
        if (JSON_OBJECTS.contains(name) && params.size() % 2 == 0 && !params.isEmpty()) {
            List<String> keys = new ArrayList<>();
            List<ValueShape> values = new ArrayList<>();
            for (int i = 0; i < params.size(); i += 2) {
                String key = literalKey(params.get(i));
                if (key == null) {
                    return leaf(f); // a computed key: which value is under which key isn't known
                }
                keys.add(key);
                values.add(json(of(params.get(i + 1), depth + 1)));
            }
            return new Fields(Format.JSON, keys, values);
        }
        if (JSON_ARRAYS.contains(name)) {
            return new Elements(Format.JSON, json(merged(params, depth)));
        }
        if (name.equals("row") && !params.isEmpty()) {
            return row(params, depth);
        }
        return leaf(f);
    }

    private ValueShape jsonFunction(JsonFunction jf, int depth) {
        JsonFunctionType type = jf.getType();
        if (type == JsonFunctionType.ARRAY) {
            List<Expression> exprs = new ArrayList<>();
            jf.getExpressions().forEach(x -> exprs.add(x.getExpression()));
            return new Elements(Format.JSON, json(merged(exprs, depth)));
        }
        if (type != JsonFunctionType.OBJECT && type != JsonFunctionType.MYSQL_OBJECT
                && type != JsonFunctionType.POSTGRES_OBJECT) {
            return leaf(jf);
        }
        List<String> keys = new ArrayList<>();
        List<ValueShape> values = new ArrayList<>();
        for (JsonKeyValuePair pair : jf.getKeyValuePairs()) {
            String key = literalKey(pair.getKey());
            if (key == null || !(pair.getValue() instanceof Expression value)) {
                return leaf(jf);
            }
            keys.add(key);
            values.add(json(of(value, depth + 1)));
        }
        return keys.isEmpty() ? leaf(jf) : new Fields(Format.JSON, keys, values);
    }

    /**
     * A key written as a string literal, as the marker of that literal ({@link ValueShape#LITERAL_KEY} and its
     * number: the analyzed tree holds markers, not values); null for anything else.
     */
    private static String literalKey(Object key) {
        String text = key instanceof StringValue s ? s.getValue() : key == null ? null : key.toString().trim();
        if (!(key instanceof StringValue)) {
            if (text == null || text.length() < 3 || text.charAt(0) != '\'' || text.charAt(text.length() - 1) != '\'') {
                return null;
            }
            text = text.substring(1, text.length() - 1);
        }
        for (int k = 0; k < text.length(); k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return null; // not a marker: a tree that wasn't analyzed
            }
        }
        return text.isEmpty() ? null : ValueShape.LITERAL_KEY + text;
    }

    /** ROW(a, b) / (a, b): fields in order, named f1, f2, … as PostgreSQL names them in JSON. */
    private ValueShape row(List<? extends Expression> fields, int depth) {
        List<String> names = new ArrayList<>();
        List<ValueShape> values = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            names.add("f" + (i + 1));
            values.add(of(fields.get(i), depth + 1));
        }
        return new Fields(Format.ROW, names, values);
    }

    /** A whole row of a FROM item: its columns in order, each computed from what that column is. */
    private static ValueShape wholeRow(Scope.Entry entry) {
        List<String> names = new ArrayList<>();
        List<ValueShape> values = new ArrayList<>();
        for (Col c : entry.relation().columns()) {
            if (c.star()) {
                Acc all = entry.relation().wholeRow();
                return new Leaf(all.sources(), false); // columns unknown: not taken apart
            }
            names.add(c.name());
            values.add(new Leaf(c.sources(), c.certain()));
        }
        return new Fields(Format.ROW, names, values);
    }

    /** The value as JSON: rows become objects keyed by field name, arrays JSON arrays. */
    private static ValueShape json(ValueShape shape) {
        if (shape instanceof Fields f && f.format() != Format.JSON) {
            List<ValueShape> values = new ArrayList<>();
            for (ValueShape v : f.values()) {
                values.add(json(v));
            }
            return new Fields(Format.JSON, f.names(), values);
        }
        if (shape instanceof Elements el && el.format() != Format.JSON) {
            return new Elements(Format.JSON, json(el.element()));
        }
        return shape;
    }

    /** Elements written one by one (ARRAY[a, b], json_build_array): one leaf with all their sources. */
    private ValueShape merged(List<? extends Expression> elements, int depth) {
        Set<ColumnName> sources = new LinkedHashSet<>();
        boolean certain = true;
        for (Expression element : elements) {
            Acc acc = walker.expression(element, scope);
            sources.addAll(acc.sources());
            certain &= acc.certain();
        }
        return new Leaf(sources, certain);
    }

    private Leaf leaf(Expression e) {
        Acc acc = walker.expression(e, scope);
        return new Leaf(acc.sources(), acc.certain());
    }

    private static boolean textual(CastExpression c) {
        String type = c.getColDataType() == null ? "" : c.getColDataType().getDataType().toLowerCase(Locale.ROOT);
        return type.equals("json") || type.equals("jsonb") || type.equals("text") || type.startsWith("varchar")
                || type.startsWith("character varying") || type.equals("longtext") || type.startsWith("char");
    }

    private static String name(Function f) {
        return f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
    }

    private static List<Expression> params(Function f) {
        if (f.getParameters() == null) {
            return List.of();
        }
        if (f.getNamedParameters() != null || f.getKeep() != null) {
            return null;
        }
        List<Expression> out = new ArrayList<>();
        for (Object p : (ExpressionList<?>) f.getParameters()) {
            out.add((Expression) p);
        }
        return out;
    }
}
