package dev.governance.jdbc.gate;

import dev.governance.jdbc.masking.ViewLookup;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.AnalyzedStatement;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
import dev.governance.jdbc.sql.TableName;
import dev.governance.jdbc.sql.lineage.ColumnsRead;
import dev.governance.jdbc.sql.lineage.LineageAnalyzer;
import dev.governance.jdbc.sql.lineage.SchemaLookup;
import net.sf.jsqlparser.statement.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns a statement reads or writes as {@code columns} rules see them: every column it names, plus what
 * lineage finds behind {@code *}, {@code t.*}, whole-row references, {@code USING}/{@code NATURAL} joins, ORDER BY,
 * GROUP BY, subqueries and CTEs, and what a view's columns are computed from. Fail closed: a table whose columns
 * can't be followed (a statement lineage doesn't walk, a table it didn't meet, an unparseable text) counts as read
 * whole ({@code t.*}).
 */
final class ColumnReads {
    private static final LineageAnalyzer LINEAGE = new LineageAnalyzer();
    private static final String ALL = "*";
    private static final int MAX_VIEW_DEPTH = 8;

    private ColumnReads() {
    }

    /**
     * {@code decided} (the facts the policy sees, function reads included) with every column read or written;
     * {@code parsed} is the same text's analysis with its parse trees. {@code traced} gives a parse tree's columns
     * (cached by the caller).
     */
    static Analysis of(Analysis decided, Analysis parsed, Function<Statement, ColumnsRead> traced) {
        List<AnalyzedStatement> trees = parsed.analyzedStatements();
        List<StatementFacts> statements = decided.statements();
        List<StatementFacts> widened = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Statement tree = i < trees.size() ? trees.get(i).parsedStatement() : null;
            StatementFacts facts = statements.get(i);
            widened.add(new WidenedFacts(facts, facts.tablesRead(),
                    columns(facts, tree == null ? null : traced.apply(tree))));
        }
        return new WidenedFacts.Of(decided, List.copyOf(widened));
    }

    /** The traced columns of each parsed statement of {@code analysis} (unparseable ones have none). */
    static List<ColumnsRead> traced(Analysis analysis, Function<Statement, ColumnsRead> traced) {
        List<AnalyzedStatement> statements = analysis.analyzedStatements();
        List<ColumnsRead> out = new ArrayList<>(statements.size());
        for (AnalyzedStatement statement : statements) {
            if (statement.parsedStatement() != null) {
                out.add(traced.apply(statement.parsedStatement()));
            }
        }
        return out;
    }

    /** The statement's named columns, what lineage found, and {@code t.*} for every table lineage couldn't follow. */
    static Set<ColumnName> columns(StatementFacts facts, ColumnsRead read) {
        Set<ColumnName> out = new LinkedHashSet<>(facts.columns());
        out.addAll(facts.updatedColumns());
        Set<String> followed = new HashSet<>();
        if (read != null && read.followed()) {
            out.addAll(read.columns());
            for (TableName t : read.tables()) {
                followed.add(t.key());
            }
        }
        for (TableName t : facts.tablesRead()) {
            wholeUnlessFollowed(t, followed, out);
        }
        if (changesRows(facts)) {
            for (TableName t : facts.tablesWritten()) {
                wholeUnlessFollowed(t, followed, out);
            }
        }
        return Set.copyOf(out);
    }

    /** DML writes rows; a created, altered or dropped table has no columns read or written by the statement. */
    private static boolean changesRows(StatementFacts facts) {
        for (StatementType kind : facts.kinds()) {
            if (kind == StatementType.INSERT || kind == StatementType.UPDATE || kind == StatementType.DELETE
                    || kind == StatementType.MERGE) {
                return true;
            }
        }
        return false;
    }

    private static void wholeUnlessFollowed(TableName t, Set<String> followed, Set<ColumnName> out) {
        if (!t.isOpaqueFunction() && !followed.contains(t.key())) {
            out.add(new ColumnName(t, ALL));
        }
    }

    /** Lineage's columns of one parse tree, with view columns traced to what they are computed from. */
    static ColumnsRead trace(Statement tree, Dialect dialect, SchemaLookup schema, ViewLookup views) {
        ColumnsRead read = LINEAGE.columnsRead(tree, dialect, schema);
        if (!read.followed()) {
            return read;
        }
        Set<ColumnName> out = new LinkedHashSet<>(read.columns());
        for (ColumnName c : read.columns()) {
            behindView(c, views, out, 0);
        }
        return new ColumnsRead(out, read.tables(), read.predicates(), true);
    }

    /** Adds what a view column is computed from (a view's whole row, or an untraced column: every table it reads). */
    private static void behindView(ColumnName c, ViewLookup views, Set<ColumnName> out, int depth) {
        ViewLookup.View view = c.table() == null || c.table().isOpaqueFunction() ? null : views.of(c.table());
        if (view == null) {
            return;
        }
        Set<ColumnName> sources = ALL.equals(c.column()) ? null : view.columns().get(c.column().toLowerCase(Locale.ROOT));
        if (sources == null || depth >= MAX_VIEW_DEPTH) {
            for (TableName read : view.reads()) {
                ColumnName whole = new ColumnName(read, ALL);
                if (out.add(whole) && depth < MAX_VIEW_DEPTH) {
                    behindView(whole, views, out, depth + 1);
                }
            }
            return;
        }
        for (ColumnName source : sources) {
            if (out.add(source)) {
                behindView(source, views, out, depth + 1);
            }
        }
    }
}
