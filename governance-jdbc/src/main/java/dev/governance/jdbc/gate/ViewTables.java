package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.TableName;
import dev.governance.jdbc.sql.TableResolver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What reading a view reads, for access lists: the tables (and views) its definition reads, with what the
 * user-defined functions it calls read. A definition that can't be read from the catalog or parsed reads an unknown
 * table ({@link TableName#unreadableView(TableName)}). The database's own catalog views are not followed.
 */
final class ViewTables {
    /** Schemas of built-in catalog views (lower case): read as themselves, named in access lists as today. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "mysql", "sys",
            "performance_schema");

    private ViewTables() {
    }

    /**
     * What {@code table}'s definition reads, or empty when it is not a view. Throws {@link CatalogUnavailable} when the
     * catalog can't be asked.
     */
    static Optional<Set<TableName>> of(Connection physical, Dialect dialect, SqlAnalyzer analyzer, TableResolver names,
                                       Function<String, Set<TableName>> functionReads, TableName table) {
        if (table.isOpaqueFunction() || table.isUnreadableView() || table.schema() != null
                && SYSTEM_SCHEMAS.contains(table.schema().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        List<String> definitions;
        try {
            definitions = ViewDefinitions.all(physical, dialect, table);
        } catch (SQLException e) {
            throw new CatalogUnavailable(e);
        }
        if (definitions.isEmpty()) {
            return Optional.empty();
        }
        Set<TableName> reads = new LinkedHashSet<>();
        for (String definition : definitions) {
            String sql = statementOf(definition);
            Analysis analysis = sql.isEmpty() ? null : analyzer.analyze(sql, dialect, names);
            if (analysis == null || analysis.unparseable() || analysis.statements().isEmpty()) {
                reads.add(TableName.unreadableView(table));
                continue;
            }
            for (StatementFacts facts : analysis.statements()) {
                reads.addAll(facts.tablesRead());
                reads.addAll(facts.tablesWritten());
                for (String function : facts.functions()) {
                    reads.addAll(functionReads.apply(function));
                }
            }
        }
        return Optional.of(java.util.Collections.unmodifiableSet(reads));
    }

    /** The definition as one statement: PostgreSQL's ends with a semicolon. */
    private static String statementOf(String definition) {
        String text = definition == null ? "" : definition.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}
