package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;

/**
 * A table column the statement filters, joins, groups or orders on (WHERE, JOIN ON/USING, GROUP BY, HAVING,
 * QUALIFY, ORDER BY, at any depth), for the predicate guard.
 *
 * @param column        the column
 * @param plainEquality true when every use is {@code column = literal} or {@code column = ?} on the column
 *                      itself (not on an expression of it)
 */
public record PredicateColumn(ColumnName column, boolean plainEquality) {
}
