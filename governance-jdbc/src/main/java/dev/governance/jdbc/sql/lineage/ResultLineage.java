package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lineage of one statement's result.
 *
 * @param columns       one entry per result column, in the order the database returns them (a
 *                      {@linkplain ColumnLineage#placeholder() placeholder} stands for an unknown number of them)
 * @param tablesTouched every table the statement reads, at any depth
 * @param predicates    columns used to filter, join, group or order, with whether only by plain equality
 * @param complete      false when some part could not be traced: then {@code unknown-lineage} decides
 */
public record ResultLineage(List<ColumnLineage> columns, Set<TableName> tablesTouched,
                            Set<PredicateColumn> predicates, boolean complete) {
    public ResultLineage {
        columns = List.copyOf(columns);
        tablesTouched = Set.copyOf(tablesTouched);
        predicates = Set.copyOf(predicates);
    }

    /** A statement with no result we can trace (not a query, or unreadable). */
    public static ResultLineage unknown(Set<TableName> tablesTouched) {
        return new ResultLineage(List.of(), tablesTouched, Set.of(), false);
    }

    /** The predicate columns, without how they are used. */
    public Set<ColumnName> predicateColumns() {
        Set<ColumnName> out = new LinkedHashSet<>();
        for (PredicateColumn p : predicates) {
            out.add(p.column());
        }
        return out;
    }

    /** Every source of every result column. */
    public Set<ColumnName> allSources() {
        Set<ColumnName> out = new LinkedHashSet<>();
        for (ColumnLineage c : columns) {
            out.addAll(c.sources());
        }
        return out;
    }
}
