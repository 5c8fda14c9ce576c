package dev.governance.jdbc.masking;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.Map;
import java.util.Set;

/**
 * What a view's columns are computed from, so a view over a sensitive column is as sensitive as the column
 * ({@code CREATE VIEW v AS SELECT hex(email) AS h FROM customers}, then {@code SELECT h FROM v}).
 */
@FunctionalInterface
public interface ViewLookup {

    /** Knows no views: every table is a table. */
    ViewLookup NONE = table -> null;

    /** The lineage of {@code table} when it is a view; null when it is not one (or can't be told). */
    View of(TableName table);

    /**
     * @param columns per view column (lower case): the table columns it is computed from; a column missing from the
     *                map could not be traced
     * @param reads   every table the view's query reads
     */
    record View(Map<String, Set<ColumnName>> columns, Set<TableName> reads) {
    }
}
