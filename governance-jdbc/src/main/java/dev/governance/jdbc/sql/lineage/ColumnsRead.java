package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.Set;

/**
 * Every table column one statement reads or writes, as lineage follows it: the sources of its result ({@code *},
 * {@code t.*} and whole-row values expanded from the catalog, through subqueries, CTEs and set operations), what
 * it filters, joins ({@code USING}, {@code NATURAL}), groups or orders on at any depth, the columns it writes and
 * the values it writes them from.
 *
 * @param columns  the columns; one named {@code *} stands for every column of its table (they were unknown, or
 *                 the whole row was used)
 * @param tables   every table the walk met
 * @param predicates the columns it filters, joins, groups or orders on, for the predicate guard (an EXISTS
 *                 subquery's select list is not among them: only its conditions decide the answer)
 * @param followed false when the statement, or a part of it, could not be walked (a statement type lineage doesn't
 *                 follow, a construct it doesn't know): then any column of any table it touches may be read
 */
public record ColumnsRead(Set<ColumnName> columns, Set<TableName> tables, Set<PredicateColumn> predicates,
                          boolean followed) {
    public ColumnsRead {
        columns = Set.copyOf(columns);
        tables = Set.copyOf(tables);
        predicates = Set.copyOf(predicates);
    }
}
