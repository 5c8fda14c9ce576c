package dev.governance.jdbc.masking;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.Locale;
import java.util.Set;

/**
 * The databases' own catalogs (PostgreSQL's {@code pg_catalog} and {@code information_schema}, H2's
 * {@code INFORMATION_SCHEMA}, MySQL's {@code information_schema}, {@code mysql}, {@code performance_schema},
 * {@code sys}) describe the data; they are not the data, and are returned as the database gives them — except where
 * they carry values from the data: column statistics (most common values, histograms, min/max) and column defaults.
 */
final class CatalogData {
    private static final Set<String> CATALOG_SCHEMAS = Set.of("pg_catalog", "information_schema", "mysql",
            "performance_schema", "sys");

    /** Relations whose every column may hold values from the data. */
    private static final Set<String> DATA_TABLES = Set.of("pg_stats", "pg_statistic", "pg_stats_ext",
            "pg_stats_ext_exprs", "pg_statistic_ext_data", "column_stats", "column_statistics", "table_stats",
            "index_stats");

    /** Columns holding a default value (a literal someone wrote, maybe copied from the data). */
    private static final Set<String> DEFAULT_COLUMNS = Set.of("column_default", "attribute_default", "domain_default",
            "adbin", "adsrc", "default_value", "parameter_default");

    /** Relations that have such a column (a whole-row or untraced read of them counts as sensitive). */
    private static final Set<String> TABLES_WITH_DEFAULTS = Set.of("columns", "attributes", "domains", "pg_attrdef",
            "parameters", "fields");

    private CatalogData() {
    }

    static boolean catalog(TableName table) {
        return table != null && table.schema() != null
                && CATALOG_SCHEMAS.contains(table.schema().toLowerCase(Locale.ROOT));
    }

    /** For a catalog table: true when reading it whole (or untraced) may show data values. */
    static boolean carriesData(TableName table) {
        String name = table.table().toLowerCase(Locale.ROOT);
        return DATA_TABLES.contains(name) || TABLES_WITH_DEFAULTS.contains(name);
    }

    /** For a column of a catalog table: true when it may hold data values. */
    static boolean carriesData(ColumnName column) {
        String name = column.column().toLowerCase(Locale.ROOT);
        if (name.equals("*")) {
            return carriesData(column.table());
        }
        return DATA_TABLES.contains(column.table().table().toLowerCase(Locale.ROOT)) || DEFAULT_COLUMNS.contains(name);
    }
}
