package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Names;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.TableName;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.util.TablesNamesFinder;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.FunctionAllColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One lineage computation over one statement: scopes are resolved the way the database resolves them (FROM
 * items by alias, CTEs before tables, inner levels before outer ones). Where the database's choice can't be
 * known (an ambiguous name, an unknown table's columns), every candidate is taken, never a guess. Single use,
 * single thread.
 */
final class LineageWalker {
    private static final int MAX_DEPTH = 48;
    private static final int MAX_RECURSIVE_ROUNDS = 12;
    private static final String STAR = ColumnLineage.UNKNOWN_COLUMNS;

    private final Dialect dialect;
    private final SchemaLookup schema;
    private final Set<TableName> tables = new LinkedHashSet<>();
    private final Map<ColumnName, Boolean> predicates = new LinkedHashMap<>();
    /** Columns a change writes, and the columns its written values come from (neither is a result or a predicate). */
    private final Set<ColumnName> written = new LinkedHashSet<>();
    /** False when the statement, or a part of it, could not be walked: what it reads is then not all known. */
    private boolean followed = true;
    /** Lower-case names the visitor resolved, per expression being walked (innermost last), for the backstop. */
    private final ArrayDeque<Set<String>> seen = new ArrayDeque<>();
    private boolean complete = true;
    private int depth;

    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** Whether an EXISTS subquery's select list counts as the value's sources (masking: yes; column rules: no). */
    private final boolean existsReadsSelectList;

    LineageWalker(Dialect dialect, SchemaLookup schema) {
        this(dialect, schema, true);
    }

    LineageWalker(Dialect dialect, SchemaLookup schema, boolean existsReadsSelectList) {
        this.dialect = dialect;
        this.schema = schema;
        this.existsReadsSelectList = existsReadsSelectList;
    }

    boolean existsReadsSelectList() {
        return existsReadsSelectList;
    }

    ResultLineage run(Statement statement) {
        List<Col> cols;
        try {
            if (statement instanceof Select select) {
                cols = select(select, new Scope(null)).columns();
            } else if (statement instanceof Insert insert) {
                cols = insert(insert);
            } else if (statement instanceof Update update) {
                cols = update(update);
            } else if (statement instanceof Delete delete) {
                cols = delete(delete);
            } else {
                followed = false;
                return ResultLineage.unknown(allTables(statement));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // a construct we can't walk: say so rather than return a partial answer as if it were whole
            followed = false;
            return ResultLineage.unknown(allTables(statement));
        }
        List<ColumnLineage> out = new ArrayList<>(cols.size());
        boolean all = complete;
        for (Col c : cols) {
            boolean certain = c.certain() && !c.star();
            all &= certain;
            String label = c.star() ? (c.direct() ? STAR : ColumnLineage.UNKNOWN_SHAPE) : c.name();
            out.add(new ColumnLineage(label, c.sources(), certain, c.star() ? null : c.value()));
        }
        Set<PredicateColumn> preds = new LinkedHashSet<>();
        predicates.forEach((k, v) -> preds.add(new PredicateColumn(k, v)));
        return new ResultLineage(out, tables, preds, all);
    }

    /**
     * Every column the statement reads or writes: the sources of its result, what it filters, joins, groups or orders
     * on, the columns it writes and the values it writes them from. Call after {@link #run(Statement)}.
     */
    ColumnsRead columnsRead(ResultLineage result) {
        Set<ColumnName> out = new LinkedHashSet<>(result.allSources());
        out.addAll(predicates.keySet());
        out.addAll(written);
        return new ColumnsRead(out, result.tablesTouched(), result.predicates(), followed);
    }

    /** What we walked plus every table name the parser's finder sees, so unknown-lineage knows what was read. */
    private Set<TableName> allTables(Statement statement) {
        Set<TableName> out = new LinkedHashSet<>(tables);
        try {
            for (String name : new TablesNamesFinder<Void>().getTables(statement)) {
                String[] parts = name.split("\\.");
                String table = Names.unquote(parts[parts.length - 1]);
                String schemaName = parts.length >= 2 ? Names.unquote(parts[parts.length - 2]) : null;
                out.add(schema.resolve(schemaName, table, dialect));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the finder doesn't know every statement type either
        }
        return out;
    }

    // ---- queries ----

    Relation select(Select select, Scope outer) {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        try {
            Scope scope = outer;
            if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
                scope = new Scope(outer);
                defineCtes(select.getWithItemsList(), scope);
            }
            if (select instanceof PlainSelect plain) {
                return plain(plain, scope);
            }
            Relation r;
            if (select instanceof SetOperationList set) {
                r = setOperation(set, scope);
            } else if (select instanceof ParenthesedSelect p) {
                r = select(p.getSelect(), scope);
            } else if (select instanceof Values values) {
                r = values(values, scope);
            } else if (select instanceof TableStatement table) {
                r = fromTable(table.getTable(), new Scope(scope));
            } else {
                complete = false;
                followed = false;
                r = Relation.opaque(STAR, Set.of());
            }
            orderByOutputs(select.getOrderByElements(), r, scope);
            return r;
        } finally {
            depth--;
        }
    }

    private Relation plain(PlainSelect ps, Scope outer) {
        Scope s = new Scope(outer);
        if (ps.getFromItem() != null) {
            List<Col> cols = from(ps.getFromItem(), s);
            if (ps.getJoins() != null) {
                for (Join j : ps.getJoins()) {
                    cols = join(cols, j, s);
                }
            }
            s.star.addAll(cols);
        }
        if (ps.getLateralViews() != null && !ps.getLateralViews().isEmpty()) {
            complete = false;
            followed = false;
        }
        predicate(ps.getWhere(), s);
        if (ps.getWindowDefinitions() != null) {
            for (WindowDefinition w : ps.getWindowDefinitions()) {
                Acc acc = new Acc();
                if (w.getPartitionExpressionList() != null) {
                    for (Object e : w.getPartitionExpressionList()) {
                        acc.add(expression((Expression) e, s));
                    }
                }
                if (w.getOrderByElements() != null) {
                    for (OrderByElement o : w.getOrderByElements()) {
                        acc.add(expression(o.getExpression(), s));
                    }
                }
                s.windows.put(Names.key(w.getWindowName()), acc);
            }
        }
        Relation out = items(ps.getSelectItems(), s);
        s.outputNamesToo = true;
        GroupByElement group = ps.getGroupBy();
        if (group != null) {
            if (group.getGroupByExpressionList() != null) {
                for (Object e : group.getGroupByExpressionList()) {
                    orderingUse((Expression) e, out, s);
                }
            }
            if (group.getGroupingSets() != null) {
                for (ExpressionList<?> set : group.getGroupingSets()) {
                    for (Expression e : set) {
                        orderingUse(e, out, s);
                    }
                }
            }
        }
        predicate(ps.getHaving(), s);
        predicate(ps.getQualify(), s);
        windowOrdering(ps, out, s);
        if (ps.getOrderByElements() != null) {
            for (OrderByElement o : ps.getOrderByElements()) {
                orderingUse(o.getExpression(), out, s);
            }
        }
        if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
            for (SelectItem<?> item : ps.getDistinct().getOnSelectItems()) {
                orderingUse(item.getExpression(), out, s);
            }
        }
        return out;
    }

    private Relation items(List<SelectItem<?>> items, Scope s) {
        List<Col> out = new ArrayList<>();
        for (SelectItem<?> item : items) {
            Expression e = item.getExpression();
            if (e.getClass() == AllColumns.class) {
                AllColumns all = (AllColumns) e;
                if (s.star.isEmpty()) {
                    complete = false;
                    out.add(new Col(STAR, Set.of(), false, true, false));
                }
                Set<String> except = new HashSet<>();
                if (all.getExceptColumns() != null) {
                    for (Column c : all.getExceptColumns()) {
                        except.add(Names.key(c.getColumnName()));
                    }
                }
                if (all.getReplaceExpressions() != null && !all.getReplaceExpressions().isEmpty()) {
                    complete = false; // * REPLACE (...): positions known, but keep the replaced ones conservative
                }
                for (Col c : s.star) {
                    if (c.star() || !except.contains(Names.key(c.name()))) {
                        out.add(c);
                    }
                }
            } else if (e instanceof FunctionAllColumns f) {
                // (f(x)).*: as many columns as the function returns, computed from its arguments
                complete = false;
                out.add(new Col(ColumnLineage.UNKNOWN_SHAPE, expression(f.getFunction(), s).sources(), false, true, false));
            } else if (e instanceof AllTableColumns all) {
                List<Scope.Entry> found = entries(s, all.getTable());
                if (found.isEmpty()) {
                    Acc acc = new Acc();
                    wholeRow(all.getTable(), s, acc);
                    out.add(new Col(STAR, acc.sources(), false, true, false));
                } else {
                    for (Scope.Entry en : found) {
                        out.addAll(en.relation().columns());
                    }
                }
            } else {
                Acc acc = expression(e, s);
                String alias = item.getAlias() == null ? null : Names.unquote(item.getAlias().getName());
                Col c = Col.of(alias != null ? alias : label(e), acc).shaped(new Shapes(this, s).ofItem(e));
                out.add(c);
                if (alias != null) {
                    s.selectAliases.put(Names.key(alias), c);
                }
            }
        }
        return new Relation(out);
    }

    private Relation setOperation(SetOperationList set, Scope s) {
        List<Relation> branches = new ArrayList<>();
        for (Select branch : set.getSelects()) {
            branches.add(select(branch, s));
        }
        Relation first = branches.get(0);
        boolean aligned = true;
        for (Relation b : branches) {
            aligned &= !b.hasStar() && b.columns().size() == first.columns().size();
        }
        if (!aligned) {
            // positions can't be matched: every column may hold any branch's value
            complete = false;
            Set<ColumnName> all = new LinkedHashSet<>();
            for (Relation b : branches) {
                all.addAll(b.wholeRow().sources());
            }
            return Relation.opaque(STAR, all);
        }
        List<Col> out = new ArrayList<>();
        for (int i = 0; i < first.columns().size(); i++) {
            Acc acc = new Acc();
            boolean direct = true;
            for (Relation b : branches) {
                acc.add(b.columns().get(i));
                direct &= b.columns().get(i).direct();
            }
            acc.direct(direct);
            out.add(Col.of(first.columns().get(i).name(), acc));
        }
        return new Relation(out);
    }

    private Relation values(Values values, Scope s) {
        List<List<Expression>> rows = new ArrayList<>();
        ExpressionList<?> list = values.getExpressions();
        if (list == null) {
            return new Relation(List.of());
        }
        boolean parenthesed = list instanceof net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
        boolean nested = !list.isEmpty() && list.get(0) instanceof ExpressionList;
        if (parenthesed && !nested) {
            rows.add(new ArrayList<>(list));
        } else {
            for (Expression row : list) {
                rows.add(row instanceof ExpressionList<?> el ? new ArrayList<>(el) : List.of(row));
            }
        }
        int width = 0;
        for (List<Expression> row : rows) {
            width = Math.max(width, row.size());
        }
        List<Col> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            Acc acc = new Acc();
            for (List<Expression> row : rows) {
                if (i < row.size()) {
                    acc.add(expression(row.get(i), s));
                }
            }
            acc.direct(false);
            out.add(Col.of(valuesColumnName(i), acc));
        }
        return new Relation(out);
    }

    private String valuesColumnName(int i) {
        return switch (dialect) {
            case H2 -> "C" + (i + 1);
            case MYSQL -> "column_" + i;
            default -> "column" + (i + 1);
        };
    }

    private void defineCtes(List<WithItem<?>> items, Scope s) {
        boolean recursive = false;
        for (WithItem<?> w : items) {
            recursive |= w.isRecursive();
        }
        for (WithItem<?> w : items) {
            String name = Names.unquote(w.getAliasName());
            String key = Names.key(name);
            List<String> names = new ArrayList<>();
            if (w.getWithItemList() != null) {
                for (SelectItem<?> c : w.getWithItemList()) {
                    names.add(Names.unquote(c.toString().trim()));
                }
            }
            // getSelect() throws on a DML CTE: ask what it is first
            ParenthesedSelect body = w.getParenthesedStatement() instanceof ParenthesedSelect ps ? ps : null;
            if (body == null) {
                s.ctes.put(key, dmlCte(w, s));
                continue;
            }
            if (!recursive) {
                // a plain CTE can't see itself: a same-named table inside it is the real table (shadowing)
                s.ctes.put(key, select(body, s).renamed(names));
                continue;
            }
            Select inner = body.getSelect();
            Relation seed;
            if (inner instanceof SetOperationList set) {
                seed = select(set.getSelects().get(0), s).renamed(names);
            } else {
                seed = names.isEmpty() ? Relation.opaque(STAR, Set.of()) : emptyNamed(names);
            }
            s.ctes.put(key, seed);
            Relation current = seed;
            boolean stable = false;
            for (int round = 0; round < MAX_RECURSIVE_ROUNDS && !stable; round++) {
                Relation next = merge(current, select(body, s).renamed(names));
                stable = next.equals(current);
                current = next;
                s.ctes.put(key, current);
            }
            if (!stable) {
                complete = false;
            }
        }
    }

    private static Relation emptyNamed(List<String> names) {
        List<Col> out = new ArrayList<>();
        for (String n : names) {
            out.add(new Col(n, Set.of(), true, false, false));
        }
        return new Relation(out);
    }

    /** Position-by-position union of two relations (rounds of a recursive CTE). */
    private Relation merge(Relation a, Relation b) {
        if (a.hasStar() || b.hasStar() || a.columns().size() != b.columns().size()) {
            Set<ColumnName> all = new LinkedHashSet<>(a.wholeRow().sources());
            all.addAll(b.wholeRow().sources());
            complete = false;
            return Relation.opaque(STAR, all);
        }
        List<Col> out = new ArrayList<>();
        for (int i = 0; i < a.columns().size(); i++) {
            Acc acc = new Acc();
            acc.add(a.columns().get(i));
            acc.add(b.columns().get(i));
            out.add(Col.of(a.columns().get(i).name(), acc));
        }
        return new Relation(out);
    }

    /** {@code WITH d AS (DELETE ... RETURNING ...)}: the returned rows. */
    private Relation dmlCte(WithItem<?> w, Scope s) {
        List<Col> cols = null;
        Object body = w.getParenthesedStatement();
        if (body instanceof ParenthesedDelete d) {
            cols = delete(d.getDelete());
        } else if (body instanceof ParenthesedUpdate u) {
            cols = update(u.getUpdate());
        } else if (body instanceof ParenthesedInsert i) {
            cols = insert(i.getInsert());
        }
        if (cols == null) {
            complete = false;
            followed = false;
            return Relation.opaque(STAR, Set.of());
        }
        return new Relation(cols);
    }

    // ---- FROM ----

    /** Adds a FROM item's names to the scope; returns the columns it contributes to {@code SELECT *}. */
    private List<Col> from(FromItem item, Scope s) {
        Alias alias = item.getAlias();
        String aliasName = alias == null ? null : Names.unquote(alias.getName());
        List<String> aliasColumns = aliasColumns(alias);
        if (item instanceof Table t) {
            Scope.Entry entry = tableEntry(t, s, aliasName, aliasColumns, item);
            s.entries.add(entry);
            return entry.relation().columns();
        }
        Relation r;
        if (item instanceof ParenthesedSelect p) {
            // the enclosing level is visible: that is what LATERAL means, and harmless otherwise
            r = select(p, s);
        } else if (item instanceof ParenthesedFromItem pf) {
            if (alias == null) {
                // (a JOIN b): a and b stay visible by their own names
                List<Col> cols = from(pf.getFromItem(), s);
                if (pf.getJoins() != null) {
                    for (Join j : pf.getJoins()) {
                        cols = join(cols, j, s);
                    }
                }
                return cols;
            }
            Scope inner = new Scope(s);
            List<Col> cols = from(pf.getFromItem(), inner);
            if (pf.getJoins() != null) {
                for (Join j : pf.getJoins()) {
                    cols = join(cols, j, inner);
                }
            }
            r = new Relation(cols);
        } else if (item instanceof Values v) {
            r = values(v, s);
        } else if (item instanceof TableFunction tf) {
            // generate_series, unnest, json_to_recordset...: columns unknown, computed from the arguments
            complete = false;
            Acc args = expression(tf.getFunction(), s);
            r = Relation.opaque(STAR, args.sources());
            if (aliasName == null) {
                aliasName = tf.getFunction().getName();
            }
        } else {
            complete = false;
            followed = false;
            r = Relation.opaque(STAR, Set.of());
        }
        r = pivots(item, r).renamed(aliasColumns);
        s.entries.add(new Scope.Entry(aliasName, r, null));
        return r.columns();
    }

    private Scope.Entry tableEntry(Table t, Scope s, String aliasName, List<String> aliasColumns, FromItem item) {
        String name = Names.unquote(t.getName());
        Relation r;
        TableName tn = null;
        if (t.getSchemaName() == null && s.hasCte(name)) {
            r = s.cte(name);
        } else {
            tn = tableName(t);
            tables.add(tn);
            r = base(tn);
        }
        r = pivots(item, r).renamed(aliasColumns);
        return new Scope.Entry(aliasName != null ? aliasName : name, r, tn);
    }

    private Relation fromTable(Table t, Scope s) {
        Scope.Entry entry = tableEntry(t, s, null, List.of(), t);
        s.entries.add(entry);
        return entry.relation();
    }

    private TableName tableName(Table t) {
        return schema.resolve(Names.unquote(t.getSchemaName()), Names.unquote(t.getName()), dialect);
    }

    private Relation base(TableName tn) {
        List<String> columns = schema.columnsOf(tn);
        if (columns == null || columns.isEmpty()) {
            // direct: the placeholder's columns keep the table's names, so t.* can be read as t.<name>
            return new Relation(List.of(new Col(STAR, Set.of(new ColumnName(tn, STAR)), false, true, true)), tn);
        }
        List<Col> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            out.add(new Col(c, Set.of(new ColumnName(tn, c)), true, false, true));
        }
        return new Relation(out);
    }

    private Relation pivots(FromItem item, Relation r) {
        if (item.getPivot() != null || item.getUnPivot() != null) {
            complete = false;
            return r.collapsed();
        }
        return r;
    }

    private static List<String> aliasColumns(Alias alias) {
        List<String> out = new ArrayList<>();
        if (alias != null && alias.getAliasColumns() != null) {
            for (Alias.AliasColumn c : alias.getAliasColumns()) {
                out.add(Names.unquote(c.name));
            }
        }
        return out;
    }

    private List<Col> join(List<Col> left, Join j, Scope s) {
        List<Col> right = from(j.getRightItem(), s);
        List<String> using = new ArrayList<>();
        if (j.getUsingColumns() != null) {
            for (Column c : j.getUsingColumns()) {
                using.add(Names.unquote(c.getColumnName()));
            }
        }
        Relation l = new Relation(left);
        Relation r = new Relation(right);
        if (j.isNatural()) {
            if (l.hasStar() || r.hasStar()) {
                complete = false; // the common columns aren't known: any column of either side may be a join key
                for (ColumnName src : l.wholeRow().sources()) {
                    recordPredicate(src, false);
                }
                for (ColumnName src : r.wholeRow().sources()) {
                    recordPredicate(src, false);
                }
            } else {
                for (Col c : left) {
                    if (r.hasNamed(c.name())) {
                        using.add(c.name());
                    }
                }
            }
        }
        List<Col> merged = new ArrayList<>();
        if (using.isEmpty()) {
            merged.addAll(left);
            merged.addAll(right);
        } else {
            // USING/NATURAL: the common columns come first, once, as a coalesce of both sides
            Set<String> common = new HashSet<>();
            for (String u : using) {
                common.add(Names.key(u));
                Acc acc = new Acc();
                Col lc = l.lookup(u);
                Col rc = r.lookup(u);
                if (lc != null) {
                    acc.add(lc);
                }
                if (rc != null) {
                    acc.add(rc);
                }
                merged.add(Col.of(u, acc));
                for (ColumnName src : acc.sources()) {
                    recordPredicate(src, false);
                }
            }
            for (Col c : left) {
                if (c.star() || !common.contains(Names.key(c.name()))) {
                    merged.add(c);
                }
            }
            for (Col c : right) {
                if (c.star() || !common.contains(Names.key(c.name()))) {
                    merged.add(c);
                }
            }
        }
        if (j.getOnExpressions() != null) {
            for (Expression on : j.getOnExpressions()) {
                predicate(on, s);
            }
        }
        return merged;
    }

    // ---- DML with RETURNING ----

    private List<Col> insert(Insert insert) {
        Scope s = new Scope(null);
        if (insert.getWithItemsList() != null && !insert.getWithItemsList().isEmpty()) {
            defineCtes(insert.getWithItemsList(), s);
        }
        TableName tn = tableName(insert.getTable());
        tables.add(tn);
        Acc input = new Acc();
        if (insert.getSelect() != null) {
            input.add(select(insert.getSelect(), s).wholeRow());
        }
        if (insert.getSetUpdateSets() != null) {
            for (UpdateSet set : insert.getSetUpdateSets()) {
                input.add(expression(set.getValues(), s));
            }
        }
        // the returned row holds what was inserted: each column may carry any input value
        Relation target = base(tn);
        List<Col> cols = new ArrayList<>();
        for (Col c : target.columns()) {
            Acc acc = new Acc();
            acc.add(c);
            acc.add(input);
            cols.add(new Col(c.name(), acc.sources(), acc.certain(), c.star(), false));
        }
        Scope t = new Scope(s);
        String alias = insert.getTable().getAlias() == null ? null : Names.unquote(insert.getTable().getAlias().getName());
        t.entries.add(new Scope.Entry(alias != null ? alias : tn.table(), new Relation(cols, target.base()), tn));
        t.star.addAll(cols);
        written.addAll(input.sources());
        if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
            for (Column c : insert.getColumns()) {
                written.add(new ColumnName(tn, Names.unquote(c.getColumnName())));
            }
        } else {
            written.addAll(target.wholeRow().sources()); // no column list: every column is written
        }
        upsertSets(insert, tn, cols, t);
        return returning(insert.getReturningClause(), t);
    }

    /** ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE: the columns set, and what they are set from. */
    private void upsertSets(Insert insert, TableName tn, List<Col> cols, Scope t) {
        List<UpdateSet> sets = new ArrayList<>();
        if (insert.getDuplicateUpdateSets() != null) {
            sets.addAll(insert.getDuplicateUpdateSets());
        }
        Expression where = null;
        if (insert.getConflictAction() != null) {
            if (insert.getConflictAction().getUpdateSets() != null) {
                sets.addAll(insert.getConflictAction().getUpdateSets());
            }
            where = insert.getConflictAction().getWhereExpression();
        }
        if (sets.isEmpty() && where == null) {
            return;
        }
        Scope u = new Scope(t);
        u.entries.add(new Scope.Entry("excluded", new Relation(cols), null)); // PostgreSQL's proposed row
        for (UpdateSet set : sets) {
            written.addAll(expression(set.getValues(), u).sources());
            for (Column c : set.getColumns()) {
                written.add(new ColumnName(tn, Names.unquote(c.getColumnName())));
            }
        }
        predicate(where, u);
    }

    private List<Col> update(Update update) {
        Scope s = new Scope(null);
        if (update.getWithItemsList() != null && !update.getWithItemsList().isEmpty()) {
            defineCtes(update.getWithItemsList(), s);
        }
        Scope t = new Scope(s);
        List<Col> cols = from(update.getTable(), t);
        if (update.getStartJoins() != null) {
            for (Join j : update.getStartJoins()) {
                cols = join(cols, j, t);
            }
        }
        if (update.getFromItem() != null) {
            cols = new ArrayList<>(cols);
            cols.addAll(from(update.getFromItem(), t));
        }
        if (update.getJoins() != null) {
            for (Join j : update.getJoins()) {
                cols = join(cols, j, t);
            }
        }
        // SET note = email: the returned note now carries email
        Map<String, Acc> assigned = new LinkedHashMap<>();
        if (update.getUpdateSets() != null) {
            for (UpdateSet set : update.getUpdateSets()) {
                Acc value = expression(set.getValues(), t);
                written.addAll(value.sources());
                for (Column c : set.getColumns()) {
                    assigned.computeIfAbsent(Names.key(c.getColumnName()), k -> new Acc()).add(value);
                    Acc target = new Acc();
                    resolveColumn(c, t, target);
                    written.addAll(target.sources());
                }
            }
        }
        predicate(update.getWhere(), t);
        if (!assigned.isEmpty() && !t.entries.isEmpty()) {
            Scope.Entry target = t.entries.get(0);
            List<Col> changed = new ArrayList<>();
            for (Col c : target.relation().columns()) {
                Acc extra = c.star() ? null : assigned.get(Names.key(c.name()));
                if (c.star()) {
                    Acc acc = new Acc();
                    acc.add(c);
                    assigned.values().forEach(acc::add);
                    changed.add(new Col(c.name(), acc.sources(), false, true, false));
                } else if (extra != null) {
                    Acc acc = new Acc();
                    acc.add(c);
                    acc.add(extra);
                    changed.add(Col.of(c.name(), acc));
                } else {
                    changed.add(c);
                }
            }
            t.entries.set(0, new Scope.Entry(target.alias(), new Relation(changed, target.relation().base()), target.table()));
            List<Col> star = new ArrayList<>(changed);
            star.addAll(cols.subList(Math.min(target.relation().columns().size(), cols.size()), cols.size()));
            cols = star;
        }
        t.star.addAll(cols);
        return returning(update.getReturningClause(), t);
    }

    private List<Col> delete(Delete delete) {
        Scope s = new Scope(null);
        if (delete.getWithItemsList() != null && !delete.getWithItemsList().isEmpty()) {
            defineCtes(delete.getWithItemsList(), s);
        }
        Scope t = new Scope(s);
        List<Col> cols = from(delete.getTable(), t);
        if (delete.getUsingList() != null) {
            for (Table u : delete.getUsingList()) {
                cols = new ArrayList<>(cols);
                cols.addAll(from(u, t));
            }
        }
        if (delete.getJoins() != null) {
            for (Join j : delete.getJoins()) {
                cols = join(cols, j, t);
            }
        }
        t.star.addAll(cols);
        predicate(delete.getWhere(), t);
        return returning(delete.getReturningClause(), t);
    }

    private List<Col> returning(ReturningClause clause, Scope s) {
        if (clause == null || clause.isEmpty()) {
            return List.of(); // no result set (generated keys are the caller's business)
        }
        return items(new ArrayList<>(clause), s).columns();
    }

    // ---- expressions ----

    Acc expression(Expression e, Scope s) {
        Acc acc = new Acc();
        if (e == null) {
            return acc;
        }
        seen.push(new HashSet<>());
        Set<String> names;
        try {
            if (e instanceof Column c) {
                acc.direct(resolveColumn(c, s, acc));
            } else {
                new ExprSources(this, s, acc).walk(e);
            }
        } finally {
            names = seen.pop();
        }
        backstop(e, names, s, acc);
        if (!seen.isEmpty()) {
            seen.peek().addAll(names);
        }
        return acc;
    }

    /** Adds the sources of a column reference; true when it is exactly one table column, unchanged. */
    boolean resolveColumn(Column c, Scope s, Acc acc) {
        String name = Names.unquote(c.getColumnName());
        see(Names.key(name));
        Table q = c.getTable();
        if (q == null || q.getName() == null) {
            return resolveUnqualified(name, s, acc);
        }
        String qs = Names.unquote(q.getSchemaName());
        String qn = Names.unquote(q.getName());
        see(Names.key(qn));
        if (qs != null) {
            see(Names.key(qs));
        }
        for (Scope level = s; level != null; level = level.parent) {
            List<Scope.Entry> found = matching(level, qs, qn);
            if (!found.isEmpty()) {
                boolean direct = found.size() == 1;
                for (Scope.Entry en : found) {
                    Col col = en.relation().lookup(name);
                    if (col == null) {
                        // not a column of that item (the database would refuse it): attribute it anyway
                        acc.add(new ColumnName(en.table(), name));
                        acc.uncertain();
                        direct = false;
                    } else {
                        acc.add(col);
                        direct &= col.direct();
                    }
                }
                return direct;
            }
            if (qs != null) {
                // alias.column.field: a field of a composite column
                List<Scope.Entry> owners = matching(level, null, qs);
                if (!owners.isEmpty()) {
                    for (Scope.Entry en : owners) {
                        Col col = en.relation().lookup(qn);
                        if (col != null) {
                            acc.add(col);
                        } else {
                            acc.add(en.relation().wholeRow());
                        }
                    }
                    return false;
                }
            }
        }
        acc.add(new ColumnName(schema.resolve(qs, qn, dialect), name));
        acc.uncertain();
        return false;
    }

    private boolean resolveUnqualified(String name, Scope s, Acc acc) {
        boolean direct = false;
        boolean onlyMaybe = false; // some inner level may have it (unknown columns): outer levels may too
        for (Scope level = s; level != null; level = level.parent) {
            List<Col> yes = new ArrayList<>();
            List<Col> maybe = new ArrayList<>();
            for (Scope.Entry en : level.entries) {
                Relation r = en.relation();
                if (r.hasNamed(name)) {
                    yes.add(r.lookup(name));
                } else if (r.hasStar()) {
                    maybe.add(r.lookup(name));
                }
            }
            Col output = level.outputNamesToo || (yes.isEmpty() && maybe.isEmpty())
                    ? level.selectAliases.get(Names.key(name)) : null;
            if (!yes.isEmpty() || output != null) {
                for (Col c : yes) {
                    // more than one: ambiguous (or USING-merged), take them all, never a guess
                    acc.add(c);
                }
                if (output != null) {
                    acc.add(output);
                }
                // a second table that might have it as well would make the database refuse the statement
                return !onlyMaybe && yes.size() == 1 && output == null && yes.get(0).direct();
            }
            if (!maybe.isEmpty()) {
                for (Col c : maybe) {
                    acc.add(c);
                }
                if (maybe.size() > 1) {
                    acc.uncertain();
                }
                direct = !onlyMaybe && maybe.size() == 1 && maybe.get(0).direct();
                onlyMaybe = true;
                continue;
            }
            // a FROM item's name used as a value is its whole row (PostgreSQL: SELECT u FROM users u)
            List<Scope.Entry> rows = matching(level, null, name);
            if (!rows.isEmpty()) {
                for (Scope.Entry en : rows) {
                    acc.add(en.relation().wholeRow());
                }
                return false;
            }
        }
        if (onlyMaybe) {
            return direct;
        }
        acc.add(new ColumnName(null, name));
        acc.uncertain();
        return false;
    }

    /** {@code OVER w}: what the named window reads. */
    void namedWindow(String name, Scope s, Acc acc) {
        Acc w = s.window(name);
        if (w == null) {
            untraceable(acc);
        } else {
            acc.add(w);
        }
    }

    /** A value that doesn't come from anything this statement names. */
    void untraceable(Acc acc) {
        acc.uncertain();
        complete = false;
    }

    /**
     * query_to_xml('SELECT ...'), table_to_xml('users', ...): the SQL or table is in a string. A literal one is
     * read like the statement itself; anything else can't be traced.
     */
    void sqlTextFunction(String name, Function f, Scope s, Acc acc) {
        Expression first = f.getParameters() == null || f.getParameters().isEmpty() ? null : f.getParameters().get(0);
        String text = first instanceof StringValue sv ? sv.getValue().replace("''", "'") : null;
        if (text != null && name.startsWith("query_to_xml")) {
            try {
                if (CCJSqlParserUtil.parse(text) instanceof Select inner) {
                    acc.add(select(inner, new Scope(null)).wholeRow());
                    return;
                }
            } catch (JSQLParserException | RuntimeException e) {
                // falls through to untraceable
            }
        } else if (text != null && name.startsWith("table_to_xml")) {
            String[] parts = text.split("\\.");
            if (parts.length <= 2) {
                TableName tn = schema.resolve(parts.length == 2 ? Names.unquote(parts[0]) : null,
                        Names.unquote(parts[parts.length - 1]), dialect);
                tables.add(tn);
                acc.add(base(tn).wholeRow());
                if (base(tn).hasStar()) {
                    complete = false;
                }
                return;
            }
        }
        untraceable(acc);
    }

    /** {@code t.*} or a whole-row value: every column of the matching FROM item. */
    void wholeRow(Table t, Scope s, Acc acc) {
        for (Scope level = s; level != null; level = level.parent) {
            List<Scope.Entry> found = matching(level, Names.unquote(t.getSchemaName()), Names.unquote(t.getName()));
            if (!found.isEmpty()) {
                for (Scope.Entry en : found) {
                    acc.add(en.relation().wholeRow());
                }
                return;
            }
        }
        complete = false;
        acc.add(new ColumnName(tableName(t), STAR));
        acc.uncertain();
    }

    /** {@code (u).email} where u is a FROM item: that column only. False when u is not a FROM item name. */
    boolean rowField(RowGetExpression row, Scope s, Acc acc) {
        Expression inner = row.getExpression();
        while (inner instanceof ExpressionList<?> list && list.size() == 1) {
            inner = list.get(0);
        }
        if (!(inner instanceof Column c) || c.getTable() != null && c.getTable().getName() != null) {
            return false;
        }
        String name = Names.unquote(c.getColumnName());
        for (Scope level = s; level != null; level = level.parent) {
            for (Scope.Entry en : level.entries) {
                if (en.relation().hasNamed(name)) {
                    return false; // a composite column, not a row alias
                }
            }
            List<Scope.Entry> found = matching(level, null, name);
            if (!found.isEmpty()) {
                see(Names.key(name));
                see(Names.key(row.getColumnName()));
                for (Scope.Entry en : found) {
                    Col col = en.relation().lookup(Names.unquote(row.getColumnName()));
                    if (col != null) {
                        acc.add(col);
                    } else {
                        acc.add(en.relation().wholeRow());
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** The FROM items {@code t.*} names. */
    List<Scope.Entry> tableEntries(Table t, Scope s) {
        return entries(s, t);
    }

    /**
     * The FROM item a bare name refers to as a whole-row value ({@code SELECT c FROM customers c}); empty when the
     * name is qualified, or a column of some FROM item (a column wins, as in the database).
     */
    List<Scope.Entry> rowEntries(Column c, Scope s) {
        if (c.getTable() != null && c.getTable().getName() != null) {
            return List.of();
        }
        String name = Names.unquote(c.getColumnName());
        for (Scope level = s; level != null; level = level.parent) {
            for (Scope.Entry en : level.entries) {
                if (en.relation().hasNamed(name)) {
                    return List.of();
                }
            }
            List<Scope.Entry> found = matching(level, null, name);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private List<Scope.Entry> entries(Scope s, Table t) {
        String qs = Names.unquote(t.getSchemaName());
        String qn = Names.unquote(t.getName());
        for (Scope level = s; level != null; level = level.parent) {
            List<Scope.Entry> found = matching(level, qs, qn);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<Scope.Entry> matching(Scope level, String qs, String qn) {
        List<Scope.Entry> out = new ArrayList<>();
        for (Scope.Entry en : level.entries) {
            if (qs == null) {
                if (Names.same(en.alias(), qn) || en.table() != null && Names.same(en.table().table(), qn)) {
                    out.add(en);
                }
            } else if (en.table() != null && Names.same(en.table().table(), qn)
                    && (en.table().schema() == null || Names.same(en.table().schema(), qs))) {
                out.add(en);
            }
        }
        return out;
    }

    private void see(String name) {
        if (!seen.isEmpty() && name != null) {
            seen.peek().add(name);
        }
    }

    /** Names in the text the visitor never reached but that are columns in scope: take them, and say so. */
    private void backstop(Expression e, Set<String> resolved, Scope s, Acc acc) {
        for (String id : Backstop.identifiers(e.toString())) {
            if (resolved.contains(id) || !visibleColumn(id, s)) {
                continue;
            }
            Acc extra = new Acc();
            resolveUnqualified(id, s, extra);
            acc.add(extra);
            acc.uncertain();
        }
    }

    private static boolean visibleColumn(String name, Scope s) {
        for (Scope level = s; level != null; level = level.parent) {
            for (Scope.Entry en : level.entries) {
                if (en.relation().hasNamed(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String label(Expression e) {
        if (e instanceof Column c) {
            return Names.unquote(c.getColumnName());
        }
        if (dialect == Dialect.POSTGRESQL) {
            if (e instanceof Function f && f.getName() != null) {
                return f.getName().toLowerCase(Locale.ROOT);
            }
            if (e instanceof CastExpression cast && cast.getLeftExpression() instanceof Column c) {
                return Names.unquote(c.getColumnName());
            }
            return "?column?";
        }
        return e.toString();
    }

    // ---- predicates ----

    private void predicate(Expression e, Scope s) {
        if (e == null) {
            return;
        }
        if (e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression) {
            BinaryExpression b = (BinaryExpression) e;
            predicate(b.getLeftExpression(), s);
            predicate(b.getRightExpression(), s);
        } else if (e instanceof NotExpression not) {
            predicate(not.getExpression(), s);
        } else if (e instanceof ExpressionList<?> list && list.size() == 1 && !(e instanceof net.sf.jsqlparser.expression.RowConstructor)) {
            predicate(list.get(0), s); // (a = 1) comes back as a one-element list
        } else if (e instanceof EqualsTo eq && plainEquality(eq, s)) {
            return;
        } else {
            for (ColumnName c : expression(e, s).sources()) {
                recordPredicate(c, false);
            }
        }
    }

    private boolean plainEquality(EqualsTo eq, Scope s) {
        Column column;
        if (eq.getLeftExpression() instanceof Column l && eq.getRightExpression() instanceof Column r) {
            // an equi-join (a.email = b.email) tells only that two values are equal, like a literal comparison
            for (Column c : new Column[] {l, r}) {
                Acc acc = new Acc();
                boolean direct = resolveColumn(c, s, acc);
                for (ColumnName name : acc.sources()) {
                    recordPredicate(name, direct);
                }
            }
            return true;
        }
        if (eq.getLeftExpression() instanceof Column c && isValue(eq.getRightExpression())) {
            column = c;
        } else if (eq.getRightExpression() instanceof Column c && isValue(eq.getLeftExpression())) {
            column = c;
        } else {
            return false;
        }
        Acc acc = new Acc();
        boolean direct = resolveColumn(column, s, acc);
        for (ColumnName c : acc.sources()) {
            recordPredicate(c, direct);
        }
        return true;
    }

    private static boolean isValue(Expression e) {
        if (e instanceof SignedExpression signed) {
            e = signed.getExpression();
        }
        return e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue || e instanceof JdbcParameter
                || e instanceof JdbcNamedParameter || e instanceof DateValue || e instanceof TimeValue
                || e instanceof TimestampValue || e instanceof BooleanValue || e instanceof NullValue
                || e instanceof HexValue || e instanceof DateTimeLiteralExpression;
    }

    /** GROUP BY / ORDER BY / DISTINCT ON: a position or an output name may stand for a select-list column. */
    /**
     * Window functions order and partition too: {@code ROW_NUMBER() OVER (ORDER BY email)} ranks rows by the value
     * as surely as an ORDER BY does (named windows included).
     */
    private void windowOrdering(PlainSelect ps, Relation out, Scope s) {
        List<Expression> uses = new ArrayList<>();
        net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void> finder =
                new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<>() {
                    @Override
                    public <S> Void visit(net.sf.jsqlparser.expression.AnalyticExpression a, S context) {
                        if (a.getOrderByElements() != null) {
                            a.getOrderByElements().forEach(o -> uses.add(o.getExpression()));
                        }
                        if (a.getFuncOrderBy() != null) {
                            a.getFuncOrderBy().forEach(o -> uses.add(o.getExpression()));
                        }
                        if (a.getPartitionExpressionList() != null) {
                            for (Object p : a.getPartitionExpressionList()) {
                                uses.add((Expression) p);
                            }
                        }
                        return super.visit(a, context);
                    }
                };
        if (ps.getSelectItems() != null) {
            for (SelectItem<?> item : ps.getSelectItems()) {
                if (item.getExpression() != null) {
                    item.getExpression().accept(finder, null);
                }
            }
        }
        if (ps.getWindowDefinitions() != null) {
            for (WindowDefinition w : ps.getWindowDefinitions()) {
                if (w.getOrderByElements() != null) {
                    w.getOrderByElements().forEach(o -> uses.add(o.getExpression()));
                }
                if (w.getPartitionExpressionList() != null) {
                    for (Object p : w.getPartitionExpressionList()) {
                        uses.add((Expression) p);
                    }
                }
            }
        }
        for (Expression e : uses) {
            if (!(e instanceof LongValue)) {
                orderingUse(e, out, s);
            }
        }
    }

    private void orderingUse(Expression e, Relation out, Scope s) {
        if (e instanceof LongValue) {
            // a position (ORDER BY 2): in a cached parse the number is a literal's marker, not its value, and one
            // parse serves ORDER BY 1 and ORDER BY 4 alike, so any output column may be the one meant
            for (Col col : out.columns()) {
                for (ColumnName c : col.sources()) {
                    recordPredicate(c, false);
                }
            }
            return;
        }
        for (ColumnName c : expression(e, s).sources()) {
            recordPredicate(c, false);
        }
    }

    /** ORDER BY after a set operation or parentheses: positions and output names only. */
    private void orderByOutputs(List<OrderByElement> order, Relation out, Scope s) {
        if (order == null) {
            return;
        }
        for (OrderByElement o : order) {
            Expression e = o.getExpression();
            if (e instanceof LongValue) {
                orderingUse(e, out, s);
                continue;
            }
            Col named = e instanceof Column c ? out.lookup(Names.unquote(c.getColumnName())) : null;
            Acc acc = named != null ? null : out.wholeRow(); // an expression over outputs: any of them
            for (ColumnName c : named != null ? named.sources() : acc.sources()) {
                recordPredicate(c, false);
            }
        }
    }

    private void recordPredicate(ColumnName c, boolean plainEquality) {
        predicates.merge(c, plainEquality, Boolean::logicalAnd);
    }
}
