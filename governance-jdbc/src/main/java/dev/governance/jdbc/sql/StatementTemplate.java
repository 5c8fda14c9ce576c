package dev.governance.jdbc.sql;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.Statement;

/**
 * What one statement shape does, independent of its literal values: the cached part of an analysis.
 * {@link #apply(Values, Dialect)} adds what the values decide (always-true conditions, set_config targets).
 *
 * @param settingArguments first arguments of set_config(...) calls; null entries when they couldn't be read
 * @param transientProblem the problem (a timeout) may not recur: don't cache
 * @param schemaSwitch     the schema this statement makes unqualified names resolve to afterwards, or null
 * @param kinds            every kind of statement it may be besides {@code baseType} (upserts, REPLACE, MERGE actions,
 *                         writing CTEs); may include {@code baseType}
 * @param sequences        the sequences it advances or sets: written (an UPDATE of the sequence), though no row
 */
record StatementTemplate(
        StatementType baseType,
        ObjectKind objectKind,
        Set<TableName> tablesRead,
        Set<TableName> tablesWritten,
        Set<ColumnName> columns,
        Set<ColumnName> updatedColumns,
        Set<String> functions,
        Set<Hazard> hazards,
        List<ChangeSite> changes,
        List<Expression> settingArguments,
        boolean dependsOnParameters,
        String problem,
        boolean transientProblem,
        String normalizedSql,
        Statement parsed,
        SchemaSwitch schemaSwitch,
        Set<StatementType> kinds,
        SequenceWrites sequences) {

    boolean unparseable() {
        return problem != null;
    }

    AnalyzedStatement apply(Values values, Dialect dialect, TableResolver names) {
        ConditionEvaluator evaluator = new ConditionEvaluator(values, dialect);
        boolean unbounded = false;
        for (ChangeSite site : changes) {
            if (site.unbounded(evaluator, values)) {
                unbounded = true;
                break;
            }
        }
        Set<Hazard> all = hazards;
        for (Expression arg : settingArguments) {
            Object v = arg == null ? Values.UNKNOWN : evaluator.value(arg, 0);
            // set_config('role', ...) switches identity; an argument we can't read might
            if (!(v instanceof String s) || DangerousOperations.isIdentitySetting(s)) {
                all = EnumSet.copyOf(hazards.isEmpty() ? EnumSet.noneOf(Hazard.class) : hazards);
                all.add(Hazard.IDENTITY_SWITCH);
                all = Set.copyOf(all);
                break;
            }
            if (!HarmlessSettings.harmlessName(s, dialect)) {
                // set_config('session_replication_role', ...), set_config('standard_conforming_strings', ...)
                all = EnumSet.copyOf(all.isEmpty() ? EnumSet.noneOf(Hazard.class) : all);
                all.add(Hazard.SYSTEM_CONFIGURATION);
                all = Set.copyOf(all);
            }
        }
        StatementType type = baseType;
        if (!all.isEmpty() && (type == StatementType.SELECT || type == StatementType.SET || type == StatementType.CALL)) {
            // a query or command that reaches outside the data is typed OTHER (contract 4.3)
            type = StatementType.OTHER;
        }
        Set<StatementType> kinds = kinds(type);
        boolean changesRows = changesRows(kinds);
        Set<TableName> written = tablesWritten;
        Set<TableName> advanced = Set.of();
        if (!sequences.isEmpty()) {
            advanced = sequences.resolve(evaluator);
            Set<TableName> both = new java.util.LinkedHashSet<>(written);
            both.addAll(advanced);
            written = Set.copyOf(both);
            Set<StatementType> withUpdate = EnumSet.copyOf(kinds);
            withUpdate.add(StatementType.UPDATE);
            kinds = Set.copyOf(withUpdate);
        }
        java.util.List<Set<ColumnName>> notNull = new java.util.ArrayList<>();
        for (ChangeSite site : changes) {
            notNull.addAll(site.notNullBranches());
        }
        if (names == null) {
            return new AnalyzedStatement(type, objectKind, tablesRead, written, columns, updatedColumns, functions,
                    all, unbounded, problem != null, problem, normalizedSql, parsed,
                    schemaSwitch == null ? null : schemaSwitch.schema(), java.util.List.copyOf(notNull), kinds,
                    changesRows, advanced);
        }
        return new AnalyzedStatement(type, objectKind, PendingNames.tables(tablesRead, names),
                PendingNames.tables(written, names), PendingNames.columns(columns, names),
                PendingNames.columns(updatedColumns, names), functions, all, unbounded, problem != null, problem,
                normalizedSql, parsed, schemaSwitch == null ? null : schemaSwitch.schema(),
                PendingNames.branches(java.util.List.copyOf(notNull), names), kinds, changesRows,
                PendingNames.tables(advanced, names));
    }

    private static boolean changesRows(Set<StatementType> kinds) {
        for (StatementType k : kinds) {
            if (k.changesRows()) {
                return true;
            }
        }
        return false;
    }

    /** {@code Set.of(type)} for each type, made once (asked on every use of a cached shape). */
    private static final java.util.List<Set<StatementType>> SINGLE = java.util.Arrays.stream(StatementType.values())
            .map(Set::of).toList();

    private Set<StatementType> kinds(StatementType type) {
        if (kinds.isEmpty() || kinds.size() == 1 && kinds.contains(type)) {
            return SINGLE.get(type.ordinal());
        }
        Set<StatementType> all = EnumSet.copyOf(kinds);
        all.remove(baseType); // a query typed OTHER (it reaches outside the data) is no longer a SELECT
        all.add(type);
        return Set.copyOf(all);
    }
}
