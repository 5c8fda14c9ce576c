package dev.governance.jdbc.masking;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.policy.Defaults;
import dev.governance.jdbc.policy.MaskingPolicy;
import dev.governance.jdbc.sql.NormalizedTextCache;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.AnalyzedStatement;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.TableName;
import dev.governance.jdbc.sql.lineage.ColumnLineage;
import dev.governance.jdbc.sql.lineage.LineageAnalyzer;
import dev.governance.jdbc.sql.lineage.PredicateColumn;
import dev.governance.jdbc.sql.lineage.ResultLineage;
import dev.governance.jdbc.sql.lineage.ResultShape;
import dev.governance.jdbc.sql.lineage.SchemaLookup;
import dev.governance.jdbc.sql.lineage.ValueShape;


import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, once per result, which columns a masked identity sees masked: a column is masked when any table
 * column it is computed from is sensitive (policy column rules, then detection by name), when the result's own
 * metadata or label names a sensitive column, or — with lineage that can't be traced on a result touching a
 * sensitive table — as {@code unknown-lineage} says. Thread-safe; plans are cached per statement shape and
 * result layout.
 */
public final class MaskingPlanner {
    private final LineageAnalyzer lineage = new LineageAnalyzer();

    /** Plans are the same for the same policy, statement shape and result layout: decided once, then reused. */
    private final NormalizedTextCache<PlanKey, Planned> plans =
            NormalizedTextCache.expiring("masking-plan", java.time.Duration.ofMinutes(5)); // schemas and views change

    /**
     * A statement's plan and the result layout it was made for (column labels, types and tables). A result is
     * compared with it column by column, in place: building a key string from the metadata cost more bytes than
     * the rest of a point query. Another layout for the same statement (a table altered) is planned anew.
     */
    private record Planned(String[] labels, int[] types, String[] tables, MaskingPlan plan) {
        static Planned of(ResultSetMetaData md, MaskingPlan plan) throws SQLException {
            int n = md.getColumnCount();
            String[] labels = new String[n];
            int[] types = new int[n];
            String[] tables = new String[n];
            for (int i = 0; i < n; i++) {
                labels[i] = md.getColumnLabel(i + 1);
                types[i] = md.getColumnType(i + 1);
                tables[i] = md.getTableName(i + 1);
            }
            return new Planned(labels, types, tables, plan);
        }

        boolean fits(ResultSetMetaData md) throws SQLException {
            int n = md.getColumnCount();
            if (n != labels.length) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (types[i] != md.getColumnType(i + 1) || !java.util.Objects.equals(labels[i], md.getColumnLabel(i + 1))
                        || !java.util.Objects.equals(tables[i], md.getTableName(i + 1))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The policy and its defaults compare by identity: they are immutable and a reload makes new ones, and hashing
     * them deeply cost more than the plan it looked up. The normalized text is the cached analysis's own string
     * (its hash computed once); the statements' types and tables complete the key, and the result's layout is
     * compared with the entry's ({@link Planned}).
     */
    private static final class PlanKey {
        private final MaskingPolicy policy;
        private final Defaults defaults;
        private final Dialect dialect;
        private final String normalized;
        private final Object statements;
        private final boolean sensitiveVariables;
        private final int hash;

        PlanKey(MaskingPolicy policy, Defaults defaults, Dialect dialect, String normalized, Object statements,
                boolean sensitiveVariables) {
            this.policy = policy;
            this.defaults = defaults;
            this.dialect = dialect;
            this.normalized = normalized;
            this.statements = statements;
            this.sensitiveVariables = sensitiveVariables;
            int h = System.identityHashCode(policy);
            h = 31 * h + System.identityHashCode(defaults);
            h = 31 * h + (dialect == null ? 0 : dialect.hashCode());
            h = 31 * h + normalized.hashCode();
            h = 31 * h + statements.hashCode();
            this.hash = 31 * h + (sensitiveVariables ? 1 : 0);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PlanKey k && k.hash == hash && k.policy == policy && k.defaults == defaults
                    && k.dialect == dialect && k.sensitiveVariables == sensitiveVariables
                    && k.normalized.equals(normalized) && k.statements.equals(statements);
        }
    }

    /** The plan for a result; null when nothing needs doing (the result is passed through). */
    public MaskingPlan plan(MaskingPolicy policy, Defaults defaults, Analysis analysis, Dialect dialect,
                            ResultSetMetaData md, SchemaLookup schema, ViewLookup views) throws SQLException {
        return plan(policy, defaults, analysis, dialect, md, schema, views, false);
    }

    /**
     * As {@link #plan(MaskingPolicy, Defaults, Analysis, Dialect, ResultSetMetaData, SchemaLookup, ViewLookup)};
     * {@code sensitiveVariables}: the statement reads a session variable that holds sensitive data, so whatever
     * can't be traced in its result counts as sensitive.
     */
    public MaskingPlan plan(MaskingPolicy policy, Defaults defaults, Analysis analysis, Dialect dialect,
                            ResultSetMetaData md, SchemaLookup schema, ViewLookup views, boolean sensitiveVariables)
            throws SQLException {
        PlanKey key = cacheKey(policy, defaults, dialect, analysis, sensitiveVariables);
        if (key == null) {
            return bound(plan(policy, defaults, analysis, dialect, md, schema, views, true, sensitiveVariables),
                    analysis);
        }
        Planned cached = plans.getIfPresent(key);
        if (cached == null || !cached.fits(md)) {
            cached = Planned.of(md, plan(policy, defaults, analysis, dialect, md, schema, views, true,
                    sensitiveVariables));
            plans.put(key, cached);
        }
        return bound(cached.plan(), analysis);
    }

    /** The plan with this text's literal JSON keys filled in (see {@link MaskingPlan#bound}). */
    private static MaskingPlan bound(MaskingPlan plan, Analysis analysis) {
        if (plan == null) {
            return null;
        }
        return analysis == null ? plan.bound(k -> null) : plan.bound(analysis::literal);
    }

    /**
     * True when the statement may compute something from a sensitive column: it names one (in any clause, as the
     * parser sees it or as a word of the text, {@code identifiers}), or it reads a table with sensitive columns
     * without naming any column (a whole row, or a text the parser couldn't read) other than to count rows.
     */
    public boolean computesFromSensitive(MaskingPolicy policy, Analysis analysis, SchemaLookup schema,
                                         ViewLookup views, java.util.Set<String> identifiers) {
        Sensitivity sensitivity = new Sensitivity(policy, schema, views);
        for (StatementFacts facts : analysis.statements()) {
            for (TableName read : facts.tablesRead()) {
                // a sensitive column named anywhere in the text, parsed or not
                for (String column : schema.columnsOf(read)) {
                    if (identifiers.contains(column.toLowerCase(Locale.ROOT))
                            && sensitivity.of(new ColumnName(read, column)) != null) {
                        return true;
                    }
                }
            }
            for (ColumnName named : facts.columns()) {
                if (named.table() != null) {
                    if (sensitivity.of(named) != null) {
                        return true;
                    }
                    continue;
                }
                if (sensitivity.of(named) != null) {
                    return true;
                }
                for (TableName read : facts.tablesRead()) {
                    if (sensitivity.of(new ColumnName(read, named.column())) != null) {
                        return true;
                    }
                }
            }
            // COUNT(*) names no column and computes nothing from one; every other way of naming none (a whole row, an
            // expression the walk doesn't see into, like GROUP_CONCAT) may
            boolean onlyCounts = !facts.unparseable() && facts.columns().isEmpty()
                    && facts.functions().contains("count") && COUNTING.containsAll(facts.functions());
            if (!onlyCounts && facts.columns().isEmpty() || facts.unparseable()) {
                for (TableName read : facts.tablesRead()) {
                    if (sensitivity.table(read)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The statement (type, tables as resolved, normalized text); null for texts too long to key on. */
    private static PlanKey cacheKey(MaskingPolicy policy, Defaults defaults, Dialect dialect, Analysis analysis,
                                    boolean sensitiveVariables) {
        String normalized = analysis.normalizedSql();
        List<StatementFacts> facts = analysis.statements();
        if (!NormalizedTextCache.cacheable(normalized) || facts.isEmpty()) {
            return null;
        }
        Object statements;
        if (facts.size() == 1) {
            statements = List.of(facts.get(0).type(), facts.get(0).tablesRead());
        } else {
            List<Object> all = new ArrayList<>(facts.size() * 2);
            for (StatementFacts f : facts) {
                all.add(f.type());
                all.add(f.tablesRead());
            }
            statements = all;
        }
        return new PlanKey(policy, defaults, dialect, normalized, statements, sensitiveVariables);
    }

    /**
     * The plan for generated keys: they come from the written table, not from what the statement read, so only
     * the keys' own metadata, names and values decide.
     */
    public MaskingPlan planForKeys(MaskingPolicy policy, Dialect dialect, ResultSetMetaData md, SchemaLookup schema)
            throws SQLException {
        return plan(policy, Defaults.DEFAULT, null, dialect, md, schema, ViewLookup.NONE, false, false);
    }

    private MaskingPlan plan(MaskingPolicy policy, Defaults defaults, Analysis analysis, Dialect dialect,
                             ResultSetMetaData md, SchemaLookup schema, ViewLookup views, boolean traceLineage,
                             boolean sensitiveVariables) throws SQLException {
        Sensitivity sensitivity = new Sensitivity(policy, schema, views);
        int n = md.getColumnCount();
        MaskingStrategy[] strategies = new MaskingStrategy[n + 1];
        boolean[] scanned = new boolean[n + 1];
        boolean[] binary = new boolean[n + 1];
        String[] labels = new String[n + 1];
        // EXPLAIN output describes the plan, not the rows: only its own values (scanned below) can be sensitive
        boolean explain = traceLineage && explain(analysis);
        ResultLineage traced = traceLineage && !explain ? trace(analysis, dialect, md, schema) : null;
        boolean touchesSensitive = traceLineage && !explain
                && (sensitiveVariables || touchesSensitiveTable(sensitivity, analysis));
        boolean warnings = traceLineage && listsWarnings(analysis);
        boolean anyUnknown = false;
        DocumentMask[] documents = new DocumentMask[n + 1];
        for (int i = 1; i <= n; i++) {
            labels[i] = md.getColumnLabel(i);
            MaskingStrategy s = null;
            ColumnLineage column = traced == null || i > traced.columns().size() ? null : traced.columns().get(i - 1);
            if (column != null) {
                for (ColumnName source : column.sources()) {
                    s = stricter(s, sensitivity.of(source));
                }
            }
            boolean byLineageOnly = s != null;
            MaskingStrategy other = sensitivity.of(metadataColumn(md, i, dialect));
            MaskingStrategy named = policy.detect() == MaskingPolicy.Detect.OFF ? null
                    : byName(labels[i], md.getColumnType(i));
            // a label that is the expression's own text (H2, MariaDB) names what lineage already traced
            byLineageOnly &= other == null && (named == null || expressionText(labels[i]));
            s = stricter(s, stricter(other, named));
            boolean unknown = column == null || !column.certain() || traced == null || !traced.complete();
            if (s == null && unknown && touchesSensitive) {
                anyUnknown = true;
                s = MaskingStrategy.REDACT;
            }
            if (s == null && sensitiveVariables && column != null && column.sources().isEmpty()) {
                // computed from no table column: from the session variables it reads (current_setting('app.v'))
                s = MaskingStrategy.REDACT;
            }
            if (s == null && warnings && MaskedCells.isText(md.getColumnType(i))
                    && "message".equalsIgnoreCase(labels[i])) {
                s = MaskingStrategy.REDACT; // warnings quote the values that failed: MariaDB's SHOW WARNINGS / ERRORS
            }
            strategies[i] = s;
            int jdbcType = md.getColumnType(i);
            binary[i] = MaskedCells.isBinary(jdbcType);
            scanned[i] = s == null && policy.detect() == MaskingPolicy.Detect.AUTO
                    && (MaskedCells.isText(jdbcType) || binary[i] || MaskedCells.isLongNumber(jdbcType));
            if (byLineageOnly && column.value() != null) {
                documents[i] = document(column.value(), sensitivity, s, dialect);
                if (documents[i] != null) {
                    // masked part by part, its other values scanned; read off the common text path
                    strategies[i] = null;
                    scanned[i] = true;
                    binary[i] = true;
                }
            }
        }
        if (anyUnknown && defaults.unknownLineage() == Defaults.UnknownLineage.DENY) {
            throw new PolicyViolationException(List.of("unknown-lineage"), "the result reads a table with sensitive"
                    + " columns, and which of its columns come from them can't be traced");
        }
        MaskingPlan plan = new MaskingPlan(strategies, scanned, labels, binary, documents);
        return plan.empty() ? null : plan;
    }

    /** A structured column's parts, each masked as its sources say; null when no part is sensitive after all. */
    private static DocumentMask document(ValueShape shape, Sensitivity sensitivity, MaskingStrategy whole,
                                         Dialect dialect) {
        DocumentPart root = part(shape, sensitivity, whole);
        return sensitive(root) ? new DocumentMask(root, whole, dialect == Dialect.POSTGRESQL) : null;
    }

    private static DocumentPart part(ValueShape shape, Sensitivity sensitivity, MaskingStrategy whole) {
        if (shape instanceof ValueShape.Leaf leaf) {
            MaskingStrategy s = null;
            for (ColumnName source : leaf.sources()) {
                s = stricter(s, sensitivity.of(source));
            }
            if (s == null && !leaf.certain()) {
                s = whole; // sources may be incomplete: fail closed for this part
            }
            return s == null ? DocumentPart.Value.INNOCENT : new DocumentPart.Value(s);
        }
        if (shape instanceof ValueShape.Fields f) {
            DocumentPart[] values = new DocumentPart[f.values().size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = part(f.values().get(k), sensitivity, whole);
            }
            return new DocumentPart.Fields(f.format(), f.names().toArray(new String[0]), values,
                    new DocumentPart.Value(whole));
        }
        ValueShape.Elements e = (ValueShape.Elements) shape;
        return new DocumentPart.Elements(e.format(), part(e.element(), sensitivity, whole));
    }

    private static boolean sensitive(DocumentPart part) {
        if (part instanceof DocumentPart.Value v) {
            return v.sensitive();
        }
        if (part instanceof DocumentPart.Fields f) {
            for (DocumentPart p : f.values()) {
                if (sensitive(p)) {
                    return true;
                }
            }
            return false;
        }
        return sensitive(((DocumentPart.Elements) part).element());
    }


    /**
     * For {@code masking.predicates: deny}: the first of {@code predicates} (one statement's, traced by the caller)
     * that is a sensitive column used other than by plain equality, or null.
     */
    public ColumnName sensitivePredicate(MaskingPolicy policy, Set<PredicateColumn> predicates, SchemaLookup schema,
                                         ViewLookup views) {
        Sensitivity sensitivity = new Sensitivity(policy, schema, views);
        for (PredicateColumn predicate : predicates) {
            if (!predicate.plainEquality() && sensitivity.of(predicate.column()) != null) {
                return predicate.column();
            }
        }
        return null;
    }

    /**
     * For a statement whose predicates can't be traced: the first of {@code tables} that has a sensitive column, as
     * {@code t.*} (any of its columns may be filtered on), or null.
     */
    public ColumnName sensitiveTable(MaskingPolicy policy, Set<TableName> tables, SchemaLookup schema,
                                     ViewLookup views) {
        Sensitivity sensitivity = new Sensitivity(policy, schema, views);
        for (TableName table : tables) {
            if (!table.isOpaqueFunction() && sensitivity.table(table)) {
                return new ColumnName(table, "*");
            }
        }
        return null;
    }

    /** The strategy a masked identity sees {@code column} of a table with, or null when it is not sensitive. */
    public MaskingStrategy strategyFor(MaskingPolicy policy, ColumnName column, SchemaLookup schema, ViewLookup views) {
        return new Sensitivity(policy, schema, views).of(column);
    }

    private ResultLineage trace(Analysis analysis, Dialect dialect, ResultSetMetaData md, SchemaLookup schema)
            throws SQLException {
        List<AnalyzedStatement> statements = parsed(analysis);
        if (statements.isEmpty()) {
            return null;
        }
        // The result comes from the last statement that returns rows (a single one for governed agents).
        AnalyzedStatement last = statements.get(statements.size() - 1);
        try {
            return LineageAnalyzer.align(lineage.lineage(last.parsedStatement(), dialect, schema), ResultShape.of(md));
        } catch (RuntimeException e) {
            return null; // untraceable: unknown-lineage decides
        }
    }

    private static List<AnalyzedStatement> parsed(Analysis analysis) {
        List<AnalyzedStatement> out = new java.util.ArrayList<>();
        for (AnalyzedStatement s : analysis.analyzedStatements()) {
            if (s.parsedStatement() != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** A label the database made from the expression's text ({@code JSON_OBJECT('e': EMAIL)}), not a name given. */
    private static boolean expressionText(String label) {
        return label != null && label.indexOf('(') >= 0 && label.indexOf(')') > label.indexOf('(');
    }

    private static MaskingStrategy byName(String name, int jdbcType) {
        if (name == null) {
            return null;
        }
        SensitiveKind kind = ColumnNameClassifier.classify(name, jdbcType);
        return kind == null ? null : kind.defaultStrategy();
    }

    /** Functions that, around COUNT(*), still compute nothing from a column's values. */
    private static final java.util.Set<String> COUNTING = java.util.Set.of("count", "set_config", "current_setting",
            "concat", "cast", "coalesce");

    /** SHOW WARNINGS / SHOW ERRORS: the server's diagnostics, whose messages quote values. */
    private static boolean listsWarnings(Analysis analysis) {
        String text = analysis == null ? null : analysis.normalizedSql();
        if (text == null) {
            return false;
        }
        String upper = text.stripLeading().toUpperCase(Locale.ROOT);
        return upper.startsWith("SHOW") && (upper.contains("WARNINGS") || upper.contains("ERRORS"));
    }

    private static boolean explain(Analysis analysis) {
        String text = analysis.normalizedSql();
        if (text == null) {
            return false;
        }
        text = text.stripLeading();
        return text.regionMatches(true, 0, "EXPLAIN", 0, 7) && (text.length() == 7 || !Character.isLetterOrDigit(text.charAt(7)));
    }

    private static boolean touchesSensitiveTable(Sensitivity sensitivity, Analysis analysis) {
        for (StatementFacts facts : analysis.statements()) {
            for (TableName table : facts.tablesRead()) {
                if (sensitivity.table(table)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Which table columns are sensitive, for one plan: column rules, names, and views traced to their sources. */
    private static final class Sensitivity {
        private static final int MAX_VIEW_DEPTH = 8;
        private final MaskingPolicy policy;
        private final SchemaLookup schema;
        private final ViewLookup views;

        Sensitivity(MaskingPolicy policy, SchemaLookup schema, ViewLookup views) {
            this.policy = policy;
            this.schema = schema;
            this.views = views;
        }

        /** The strategy for a table column, or null when it is not sensitive. */
        MaskingStrategy of(ColumnName column) {
            return of(column, 0);
        }

        private MaskingStrategy of(ColumnName column, int depth) {
            if (column == null) {
                return null;
            }
            if (CatalogData.catalog(column.table())) {
                return CatalogData.carriesData(column) ? MaskingStrategy.REDACT : null;
            }
            if (column.column().equals("*") && column.table() != null) {
                // "any column of t" (columns unknown or the whole row): sensitive when t has a sensitive column.
                return table(column.table(), depth) ? MaskingStrategy.REDACT : null;
            }
            MaskingPolicy.Strategy ruled = policy.strategyFor(column);
            if (ruled != null) {
                return MaskingStrategy.valueOf(ruled.name());
            }
            MaskingStrategy named = policy.detect() == MaskingPolicy.Detect.OFF ? null
                    : byName(column.column(), java.sql.Types.OTHER);
            if (named != null || column.table() == null) {
                return named;
            }
            // A view's column is as sensitive as what it is computed from (with detect: off too: a columns entry on
            // customers.ssn covers a view's tax_id computed from it).
            ViewLookup.View view = depth < MAX_VIEW_DEPTH ? views.of(column.table()) : null;
            if (view == null) {
                return null;
            }
            java.util.Set<ColumnName> sources = view.columns().get(column.column().toLowerCase(Locale.ROOT));
            if (sources == null) {
                for (TableName read : view.reads()) {
                    if (table(read, depth + 1)) {
                        return MaskingStrategy.REDACT; // untraced view column over a sensitive table
                    }
                }
                return null;
            }
            MaskingStrategy strictest = null;
            for (ColumnName source : sources) {
                strictest = stricter(strictest, of(source, depth + 1));
            }
            return strictest;
        }

        boolean table(TableName table) {
            return table(table, 0);
        }

        private boolean table(TableName table, int depth) {
            if (CatalogData.catalog(table)) {
                return CatalogData.carriesData(table);
            }
            List<String> columns = schema.columnsOf(table);
            if (columns.isEmpty()) {
                return true; // unknown columns: assume the worst
            }
            for (String column : columns) {
                if (of(new ColumnName(table, column), depth) != null) {
                    return true;
                }
            }
            return false;
        }
    }

    private static ColumnName metadataColumn(ResultSetMetaData md, int i, Dialect dialect) {
        try {
            String table = md.getTableName(i);
            String column = md.getColumnName(i);
            if (table == null || table.isEmpty() || column == null || column.isEmpty()) {
                return null;
            }
            String schema = md.getSchemaName(i);
            if (schema == null || schema.isEmpty()) {
                schema = dialect.defaultSchema();
            }
            return new ColumnName(new TableName(schema == null ? null : schema.toLowerCase(Locale.ROOT),
                    table.toLowerCase(Locale.ROOT)), column);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /** Any masking beats none; the first sensitive source decides the strategy. */
    private static MaskingStrategy stricter(MaskingStrategy current, MaskingStrategy candidate) {
        return current != null ? current : candidate;
    }
}
