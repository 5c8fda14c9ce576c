package dev.governance.jdbc.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ParenthesedStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.StatementVisitor;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.synonym.CreateSynonym;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Walks one parsed statement (JSqlParser's own complete traversal, {@link TablesNamesFinder}) and records what it
 * touches: tables read and written (CTE names resolved by scope, so a CTE that shadows a real table hides it
 * only where SQL says it does), columns with their owning table where the statement says, assigned columns,
 * functions, and every place that changes rows with its condition, CTEs and subqueries included.
 * One instance per statement; not thread-safe.
 */
final class StructureCollector extends TablesNamesFinder<Void> {

    final Set<TableName> read = new LinkedHashSet<>();
    final Set<TableName> written = new LinkedHashSet<>();
    final Set<ColumnName> columns = new LinkedHashSet<>();
    final Set<ColumnName> updatedColumns = new LinkedHashSet<>();
    final Set<String> functions = new LinkedHashSet<>();
    final List<ChangeSite> changes = new ArrayList<>();
    /**
     * Inserts fed by a query over their own target ({@code INSERT INTO t SELECT … FROM t}): when the insert may also
     * update or replace (an upsert), the query's WHERE is what restricts the rows changed. {@link #upsertSources}
     * holds those the parsed statement shows as upserts; these the ones only the keywords can tell (H2's
     * {@code MERGE INTO t KEY(…) SELECT}, read as an INSERT).
     */
    final List<ChangeSite> insertSources = new ArrayList<>();
    final List<ChangeSite> upsertSources = new ArrayList<>();
    /** DML kinds met anywhere (root, CTE, subquery): a SELECT over a data-modifying CTE is that write. */
    final Set<StatementType> writeKinds = new LinkedHashSet<>();
    final List<Function> settingCalls = new ArrayList<>();
    /**
     * Sequences advanced or set ({@code NEXT VALUE FOR s}, MariaDB's {@code NEXTVAL(s)}/{@code SETVAL(s, n)}): written.
     * PostgreSQL's {@code nextval('s')}/{@code setval('s', n)} name theirs in a value, read per use
     * ({@link #sequenceArguments}).
     */
    final Set<TableName> sequences = new LinkedHashSet<>();
    final List<Expression> sequenceArguments = new ArrayList<>();
    /** SELECT ... INTO new_table. */
    boolean createsTable;

    private final Dialect dialect;
    private final Resolver resolver;
    private final Deque<Set<String>> cteScopes = new ArrayDeque<>();
    private final Deque<Map<String, TableName>> sourceScopes = new ArrayDeque<>();
    private final Set<Object> targets = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> assignedColumns = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> visitedWithItems = Collections.newSetFromMap(new IdentityHashMap<>());

    StructureCollector(Resolver resolver) {
        this.resolver = resolver;
        this.dialect = resolver.dialect();
        cteScopes.push(new HashSet<>());
    }

    void collect(Statement statement) {
        getTables(statement);
    }

    // ---- scopes

    private boolean isCte(Table t) {
        if (t.getSchemaName() != null) {
            return false;
        }
        String key = Names.key(t.getName());
        for (Set<String> scope : cteScopes) {
            if (scope.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private void pushScopes(FromItem first, List<? extends FromItem> more, List<Join> joins) {
        cteScopes.push(new HashSet<>());
        Map<String, TableName> sources = new HashMap<>();
        addSource(sources, first);
        if (more != null) {
            for (FromItem f : more) {
                addSource(sources, f);
            }
        }
        if (joins != null) {
            for (Join j : joins) {
                addSource(sources, j.getRightItem());
            }
        }
        sourceScopes.push(sources);
    }

    private void popScopes() {
        cteScopes.pop();
        sourceScopes.pop();
    }

    private void addSource(Map<String, TableName> sources, FromItem item) {
        if (item == null) {
            return;
        }
        Alias alias = item.getAlias();
        TableName owner = item instanceof Table t && (!isCte(t) || cteHidesNoTable()) ? resolver.table(t) : null;
        String key = alias != null ? Names.key(alias.getName()) : item instanceof Table t ? Names.key(t.getName()) : null;
        if (key != null) {
            sources.put(key, owner);
        } else {
            sources.put("\u0000" + sources.size(), null);
        }
    }

    private TableName owner(Column c) {
        Table t = c.getTable();
        String qualifier = t == null ? null : t.getName();
        if (qualifier == null) {
            Map<String, TableName> top = sourceScopes.peek();
            return top != null && top.size() == 1 ? top.values().iterator().next() : null;
        }
        String key = Names.key(qualifier);
        for (Map<String, TableName> scope : sourceScopes) {
            if (scope.containsKey(key)) {
                return scope.get(key);
            }
        }
        return null;
    }

    // ---- names

    @Override
    public <S> Void visit(Table table, S context) {
        if (!targets.contains(table) && table.getName() != null && (!isCte(table) || cteHidesNoTable())) {
            read.add(resolver.table(table));
        }
        return null;
    }

    /**
     * Whether a CTE name may still mean the real table of that name: H2 reads the real table whenever one exists
     * (WITH api_keys AS (...) SELECT * FROM api_keys reads the table api_keys), and a GENERIC database might be
     * H2. The analyzer can't know whether the table exists, so there it counts both.
     */
    private boolean cteHidesNoTable() {
        return dialect == Dialect.H2 || dialect == Dialect.GENERIC;
    }

    private void write(Table table) {
        if (table != null && table.getName() != null) {
            // the target of a change is always a real table: WITH users AS (...) DELETE FROM users deletes users
            targets.add(table);
            written.add(resolver.table(table));
        }
    }

    @Override
    public <S> Void visit(Column column, S context) {
        String name = column.getColumnName();
        if (name == null || column.getTable() == null && (isConstantWord(name) || name.equalsIgnoreCase("default"))
                || assignedColumns.contains(column)) {
            // VALUES (DEFAULT, ?) and SET c = DEFAULT name the column's default, not a column called "default"
            return null;
        }
        columns.add(new ColumnName(owner(column), Names.identifier(name, dialect)));
        return null;
    }

    private static boolean isConstantWord(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("true") || n.equals("false") || n.equals("null") || n.startsWith("current_")
                || n.equals("localtime") || n.equals("localtimestamp") || n.equals("sysdate");
    }

    @Override
    public <S> Void visit(Function function, S context) {
        String name = Names.function(function.getName());
        if (!name.isEmpty()) {
            functions.add(name);
            if (DangerousOperations.isSettingFunction(name)) {
                settingCalls.add(function);
            }
            if (name.equals("nextval") || name.equals("setval")) {
                sequenceCall(function);
            }
        }
        return super.visit(function, context);
    }

    /** {@code nextval(s)}/{@code setval(s, n)}: the sequence as a name (MariaDB) or as a value (PostgreSQL). */
    private void sequenceCall(Function function) {
        Expression arg = function.getParameters() == null || function.getParameters().isEmpty() ? null
                : function.getParameters().get(0);
        while (arg instanceof net.sf.jsqlparser.expression.CastExpression cast) {
            arg = cast.getLeftExpression(); // nextval('s'::regclass)
        }
        if (arg instanceof Column c && c.getColumnName() != null && dialect != Dialect.POSTGRESQL) {
            Table t = c.getTable();
            sequences.add(resolver.table(t == null ? null : t.getName(), c.getColumnName()));
        } else {
            // PostgreSQL names the sequence in a value (a column there is a value too); null: unreadable
            sequenceArguments.add(arg);
        }
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.expression.NextValExpression next, S context) {
        List<String> parts = next.getNameList();
        if (parts != null && !parts.isEmpty()) {
            String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
            sequences.add(resolver.table(schema, parts.get(parts.size() - 1)));
        } else {
            sequenceArguments.add(null);
        }
        return null;
    }

    // ---- queries and CTEs

    @Override
    public <S> Void visit(Select select, S context) {
        select.accept((SelectVisitor<Void>) this, context);
        return null;
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        if (select.getIntoTables() != null) {
            for (Table t : select.getIntoTables()) {
                if (t.getName() != null && !t.getName().startsWith("@")) {
                    write(t);
                    createsTable = true;
                }
            }
        }
        pushScopes(select.getFromItem(), null, select.getJoins());
        try {
            return super.visit(select, context);
        } finally {
            popScopes();
        }
    }

    @Override
    public <S> Void visit(SetOperationList list, S context) {
        pushScopes(null, null, null);
        try {
            return super.visit(list, context);
        } finally {
            popScopes();
        }
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        pushScopes(null, null, null);
        try {
            return super.visit(select, context);
        } finally {
            popScopes();
        }
    }

    @Override
    public <S> Void visit(WithItem<?> item, S context) {
        String name = Names.key(item.getAliasName());
        Set<String> scope = cteScopes.peek();
        if (!visitedWithItems.add(item)) {
            scope.add(name);
            return null;
        }
        if (item.isRecursive()) {
            // a recursive CTE sees itself; a plain one sees the real table of the same name
            scope.add(name);
        }
        ParenthesedStatement body = item.getParenthesedStatement();
        if (body instanceof ParenthesedSelect ps) {
            ps.accept((SelectVisitor<Void>) this, context);
        } else if (body instanceof ParenthesedDelete pd) {
            statement(pd.getDelete());
        } else if (body instanceof ParenthesedUpdate pu) {
            statement(pu.getUpdate());
        } else if (body instanceof ParenthesedInsert pi) {
            statement(pi.getInsert());
        } else if (body != null) {
            throw new UnsupportedOperationException("CTE body " + body.getClass().getSimpleName());
        }
        scope.add(name);
        return null;
    }

    private void statement(Statement s) {
        if (s != null) {
            s.accept((StatementVisitor<Void>) this, null);
        }
    }

    private void withItems(List<WithItem<?>> items) {
        if (items != null) {
            for (WithItem<?> w : items) {
                visit(w, null);
            }
        }
    }

    // ---- changes

    private ChangeSite site(StatementType kind, Expression condition, Table target, List<Join> joins) {
        ExpressionScan scan = ExpressionScan.of(condition);
        List<Column> mentioned = new ArrayList<>(scan.columns);
        if (joins != null) {
            // MySQL: DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t2.x = 1 restricts t1 through the join
            for (Join j : joins) {
                for (Expression on : j.getOnExpressions()) {
                    mentioned.addAll(ExpressionScan.of(on).columns);
                }
            }
        }
        String name = target == null ? null : Names.key(target.getName());
        String alias = target == null || target.getAlias() == null ? null : Names.key(target.getAlias().getName());
        boolean refs = mentionsTarget(mentioned, name, alias);
        // Branches of an OR that never look at the target's rows: if one can hold, every row is reached.
        List<Disjuncts.Branch> unanchored = new ArrayList<>();
        boolean unanchoredParameters = false;
        if (refs && (joins == null || joins.isEmpty())) {
            for (Disjuncts.Branch branch : Disjuncts.of(condition)) {
                ExpressionScan branchScan = ExpressionScan.of(branch.expression());
                if (!mentionsTarget(branchScan.columns, name, alias)) {
                    unanchored.add(branch);
                    unanchoredParameters |= branchScan.parameters;
                }
            }
        }
        // WHERE ? alone (condition is the parameter itself) is decisive too
        boolean decisive = scan.decisiveParameters || condition instanceof net.sf.jsqlparser.expression.JdbcParameter
                || scan.parameters && !refs || unanchoredParameters;
        return new ChangeSite(kind, condition, refs, decisive, target, List.copyOf(unanchored),
                notNullBranches(condition, target, name, alias));
    }

    /** OR-branches that are only {@code col IS NOT NULL} tests on the target's columns (ANDed together). */
    private List<java.util.Set<ColumnName>> notNullBranches(Expression condition, Table target, String name,
                                                          String alias) {
        if (condition == null || target == null) {
            return List.of();
        }
        TableName table = resolver.table(target);
        List<java.util.Set<ColumnName>> out = new ArrayList<>();
        for (Disjuncts.Branch branch : Disjuncts.of(condition)) {
            List<Expression> conjuncts = new ArrayList<>();
            conjuncts(branch.expression(), conjuncts, 0);
            java.util.Set<ColumnName> columns = new java.util.LinkedHashSet<>();
            boolean onlyNotNull = !conjuncts.isEmpty();
            for (Expression e : conjuncts) {
                if (ExpressionScan.of(e).columns.isEmpty()) {
                    continue; // 1 = 1 restricts nothing (and 1 = 0 would make the whole change moot: refusing is safe)
                }
                boolean notNullTest = e instanceof net.sf.jsqlparser.expression.operators.relational.IsNullExpression n
                        && n.isNot() != branch.negated() && n.getLeftExpression() instanceof Column c
                        && (branch.negated() ? conjuncts.size() == 1 : true)
                        && mentionsTarget(List.of(c), name, alias);
                if (!notNullTest) {
                    onlyNotNull = false;
                    break;
                }
                Column c = (Column) ((net.sf.jsqlparser.expression.operators.relational.IsNullExpression) e).getLeftExpression();
                columns.add(new ColumnName(table, Names.identifier(c.getColumnName(), dialect)));
            }
            if (onlyNotNull && !columns.isEmpty()) {
                out.add(java.util.Set.copyOf(columns));
            }
        }
        return List.copyOf(out);
    }

    private static void conjuncts(Expression e, List<Expression> out, int depth) {
        if (depth > 100) {
            out.add(e);
        } else if (e instanceof net.sf.jsqlparser.expression.operators.relational.ExpressionList<?> list && list.size() == 1) {
            conjuncts(list.get(0), out, depth + 1);
        } else if (e instanceof net.sf.jsqlparser.expression.operators.conditional.AndExpression and) {
            conjuncts(and.getLeftExpression(), out, depth + 1);
            conjuncts(and.getRightExpression(), out, depth + 1);
        } else {
            out.add(e);
        }
    }

    private static boolean mentionsTarget(List<Column> mentioned, String name, String alias) {
        for (Column c : mentioned) {
            Table q = c.getTable();
            String qualifier = q == null ? null : Names.key(q.getName());
            if (qualifier == null ? !isConstantWord(c.getColumnName()) : qualifier.equals(name) || qualifier.equals(alias)) {
                return true;
            }
        }
        return false;
    }

    /** SET targets: an unqualified one belongs to the changed table, whatever else is joined. */
    private void assigned(List<UpdateSet> sets, Table target) {
        if (sets == null) {
            return;
        }
        for (UpdateSet set : sets) {
            for (Column c : set.getColumns()) {
                if (c.getColumnName() != null) {
                    TableName owner = c.getTable() == null || c.getTable().getName() == null
                            ? (target == null || isCte(target) ? null : resolver.table(target)) : owner(c);
                    ColumnName name = new ColumnName(owner, Names.identifier(c.getColumnName(), dialect));
                    updatedColumns.add(name);
                    columns.add(name);
                    assignedColumns.add(c);
                }
            }
        }
    }

    @Override
    public <S> Void visit(Update update, S context) {
        writeKinds.add(StatementType.UPDATE);
        write(update.getTable());
        cteScopes.push(new HashSet<>());
        withItems(update.getWithItemsList());
        List<Join> joins = new ArrayList<>();
        if (update.getStartJoins() != null) {
            joins.addAll(update.getStartJoins());
        }
        if (update.getJoins() != null) {
            joins.addAll(update.getJoins());
        }
        pushScopes(update.getTable(), update.getFromItem() == null ? null : List.of(update.getFromItem()), joins);
        try {
            changes.add(site(StatementType.UPDATE, update.getWhere(), update.getTable(), joins));
            assigned(update.getUpdateSets(), update.getTable());
            return super.visit(update, context);
        } finally {
            popScopes();
            cteScopes.pop();
        }
    }

    @Override
    public <S> Void visit(Delete delete, S context) {
        writeKinds.add(StatementType.DELETE);
        List<Table> tables = delete.getTables();
        if (tables != null && !tables.isEmpty()) {
            // MySQL: DELETE t1 FROM t1 JOIN t2 ... deletes from the tables named before FROM
            tables.forEach(this::write);
        } else {
            write(delete.getTable());
        }
        cteScopes.push(new HashSet<>());
        withItems(delete.getWithItemsList());
        pushScopes(delete.getTable(), delete.getUsingList(), delete.getJoins());
        try {
            changes.add(site(StatementType.DELETE, delete.getWhere(), delete.getTable(), delete.getJoins()));
            if (tables != null) {
                for (Table t : tables) {
                    if (!targets.contains(t)) {
                        visit(t, context);
                    }
                }
            }
            return super.visit(delete, context);
        } finally {
            popScopes();
            cteScopes.pop();
        }
    }

    @Override
    public <S> Void visit(Insert insert, S context) {
        writeKinds.add(StatementType.INSERT);
        write(insert.getTable());
        cteScopes.push(new HashSet<>());
        pushScopes(insert.getTable(), null, null);
        try {
            withItems(insert.getWithItemsList());
            assigned(insert.getDuplicateUpdateSets(), insert.getTable());
            assigned(insert.getSetUpdateSets(), insert.getTable());
            if (insert.getConflictAction() != null) {
                assigned(insert.getConflictAction().getUpdateSets(), insert.getTable());
                visitSets(insert.getConflictAction().getUpdateSets(), context);
                accept(insert.getConflictAction().getWhereExpression(), context);
            }
            visitSets(insert.getDuplicateUpdateSets(), context);
            visitSets(insert.getSetUpdateSets(), context);
            boolean upsert = insert.getDuplicateUpdateSets() != null && !insert.getDuplicateUpdateSets().isEmpty()
                    || insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null
                    && !insert.getConflictAction().getUpdateSets().isEmpty();
            Expression conflictWhere = insert.getConflictAction() == null ? null
                    : insert.getConflictAction().getWhereExpression();
            selfSource(insert.getTable(), insert.getSelect(), conflictWhere, upsert ? upsertSources : insertSources);
            if (insert.getColumns() != null) {
                for (Column c : insert.getColumns()) {
                    visit(c, context);
                }
            }
            return super.visit(insert, context);
        } finally {
            popScopes();
            cteScopes.pop();
        }
    }

    /** REPLACE INTO / UPSERT INTO (MySQL, H2): an insert that may replace rows. */
    @Override
    public <S> Void visit(Upsert upsert, S context) {
        writeKinds.add(StatementType.INSERT);
        write(upsert.getTable());
        cteScopes.push(new HashSet<>());
        pushScopes(upsert.getTable(), null, null);
        try {
            assigned(upsert.getUpdateSets(), upsert.getTable());
            assigned(upsert.getDuplicateUpdateSets(), upsert.getTable());
            visitSets(upsert.getUpdateSets(), context);
            visitSets(upsert.getDuplicateUpdateSets(), context);
            if (upsert.getColumns() != null) {
                for (Column c : upsert.getColumns()) {
                    visit(c, context);
                }
            }
            if (upsert.getSelect() != null) {
                upsert.getSelect().accept((SelectVisitor<Void>) this, context);
            }
            selfSource(upsert.getTable(), upsert.getSelect(), null, upsertSources);
            return null;
        } finally {
            popScopes();
            cteScopes.pop();
        }
    }

    /**
     * {@code INSERT INTO t … SELECT … FROM t [WHERE w]}: as an upsert it changes the rows of t the query reaches, so
     * the query's WHERE (and an {@code ON CONFLICT … DO UPDATE … WHERE}) restricts the change like an UPDATE's.
     */
    private void selfSource(Table target, Select source, Expression conflictWhere, List<ChangeSite> out) {
        if (target == null || !(source instanceof PlainSelect ps) || !(ps.getFromItem() instanceof Table from)
                || from.getName() == null || isCte(from) || !maySame(resolver.table(from), resolver.table(target))) {
            return;
        }
        Expression where = ps.getWhere();
        if (conflictWhere != null) {
            where = where == null ? conflictWhere
                    : new net.sf.jsqlparser.expression.operators.conditional.AndExpression(where, conflictWhere);
        }
        out.add(site(StatementType.UPDATE, where, from, ps.getJoins()));
    }

    /** Same name, and the same schema or one not yet resolved (it may be the other): fail closed. */
    private static boolean maySame(TableName a, TableName b) {
        return a.table().equalsIgnoreCase(b.table()) && (java.util.Objects.equals(a.schema(), b.schema())
                || PendingNames.pending(a) || PendingNames.pending(b));
    }

    private <S> void visitSets(List<UpdateSet> sets, S context) {
        if (sets != null) {
            for (UpdateSet set : sets) {
                set.getColumns().accept(this, context);
                set.getValues().accept(this, context);
            }
        }
    }

    private <S> void accept(Expression e, S context) {
        if (e != null) {
            e.accept(this, context);
        }
    }

    @Override
    public <S> Void visit(Merge merge, S context) {
        writeKinds.add(StatementType.MERGE);
        write(merge.getTable());
        cteScopes.push(new HashSet<>());
        withItems(merge.getWithItemsList());
        pushScopes(merge.getTable(), merge.getFromItem() == null ? null : List.of(merge.getFromItem()), null);
        try {
            changes.add(site(StatementType.MERGE, merge.getOnCondition(), merge.getTable(), null));
            accept(merge.getOnCondition(), context);
            List<MergeOperation> ops = merge.getOperations();
            if (ops != null) {
                for (MergeOperation op : ops) {
                    if (op instanceof MergeUpdate u) {
                        assigned(u.getUpdateSets(), merge.getTable());
                        visitSets(u.getUpdateSets(), context);
                        accept(u.getAndPredicate(), context);
                        accept(u.getWhereCondition(), context);
                    } else if (op instanceof MergeInsert i) {
                        accept(i.getAndPredicate(), context);
                        accept(i.getValues(), context);
                    } else if (op instanceof MergeDelete d) {
                        accept(d.getAndPredicate(), context);
                    }
                }
            }
            return super.visit(merge, context);
        } finally {
            popScopes();
            cteScopes.pop();
        }
    }

    // ---- DDL and other statements

    @Override
    public <S> Void visit(Truncate truncate, S context) {
        if (truncate.getTables() != null && !truncate.getTables().isEmpty()) {
            truncate.getTables().forEach(this::write);
        } else {
            write(truncate.getTable());
        }
        changes.add(new ChangeSite(StatementType.TRUNCATE, null, true, false));
        return null;
    }

    @Override
    public <S> Void visit(Drop drop, S context) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(java.util.Locale.ROOT);
        if (type.endsWith("TABLE") || type.endsWith("VIEW")) {
            write(drop.getName());
        }
        return null;
    }

    @Override
    public <S> Void visit(CreateTable create, S context) {
        if (temporary(create) && create.getTable().getSchemaName() == null && dialect == Dialect.POSTGRESQL) {
            written.add(new TableName("pg_temp", Names.identifier(create.getTable().getName(), dialect)));
        } else {
            write(create.getTable());
        }
        if (create.getLikeTable() != null) {
            visit(create.getLikeTable(), context);
        }
        return super.visit(create, context);
    }

    /** CREATE TEMP / TEMPORARY / GLOBAL TEMPORARY / LOCAL TEMP TABLE: PostgreSQL puts it in the session's own schema. */
    private static boolean temporary(CreateTable create) {
        if (create.getCreateOptionsStrings() == null) {
            return false;
        }
        for (String option : create.getCreateOptionsStrings()) {
            if (option.equalsIgnoreCase("TEMP") || option.equalsIgnoreCase("TEMPORARY")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <S> Void visit(CreateView create, S context) {
        write(create.getView());
        return super.visit(create, context);
    }

    @Override
    public <S> Void visit(AlterView alter, S context) {
        write(alter.getView());
        if (alter.getSelect() != null) {
            alter.getSelect().accept((SelectVisitor<Void>) this, context);
        }
        return null;
    }

    @Override
    public <S> Void visit(CreateIndex create, S context) {
        write(create.getTable());
        return null;
    }

    @Override
    public <S> Void visit(Alter alter, S context) {
        write(alter.getTable());
        return null;
    }

    @Override
    public <S> Void visit(Execute execute, S context) {
        String name = Names.function(execute.getName());
        // CALL f() / EXEC f call a routine; EXECUTE s runs a prepared text (a hazard, not a function)
        if (!name.isEmpty() && execute.getExecType() != Execute.ExecType.EXECUTE) {
            functions.add(name);
        }
        if (execute.getExprList() != null) {
            execute.getExprList().accept(this, context);
        }
        return null;
    }

    @Override
    public <S> Void visit(ExplainStatement explain, S context) {
        statement(explain.getStatement());
        return null;
    }

    @Override
    public <S> Void visit(SetStatement set, S context) {
        // SET @x = (SELECT k FROM api_keys) reads api_keys; a bare word value (SET search_path = vault) is no column
        for (int i = 0; i < set.getCount(); i++) {
            List<Expression> values = set.getExpressions(i);
            if (values == null) {
                continue;
            }
            for (Expression e : values) {
                if (e != null && !(e instanceof Column)) {
                    e.accept(this, context);
                }
            }
        }
        return null;
    }

    @Override
    public <S> Void visit(ResetStatement reset, S context) {
        return null;
    }

    @Override
    public <S> Void visit(CreateSchema create, S context) {
        return null;
    }

    @Override
    public <S> Void visit(CreateSequence create, S context) {
        return null;
    }

    @Override
    public <S> Void visit(AlterSequence alter, S context) {
        return null;
    }

    @Override
    public <S> Void visit(CreateSynonym create, S context) {
        return null;
    }

    @Override
    public <S> Void visit(CreateFunctionalStatement create, S context) {
        return null;
    }

    @Override
    public <S> Void visit(ShowColumnsStatement show, S context) {
        return null;
    }

    @Override
    public <S> Void visit(ShowIndexStatement show, S context) {
        return null;
    }

    @Override
    public <S> Void visit(ShowTablesStatement show, S context) {
        return null;
    }
}
