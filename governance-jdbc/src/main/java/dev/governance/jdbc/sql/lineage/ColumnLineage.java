package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;

import java.util.Set;

/**
 * Where one result column's values come from.
 *
 * @param label   the label the database will most likely give the column (position is what counts)
 * @param sources every table column the value is computed from, in any way (functions, aggregates, CASE,
 *                casts, subqueries, whole-row values). A source whose column is {@code *} stands for every
 *                column of that table (its columns were unknown); a source with a null table is a column
 *                that could not be attributed to any table in scope.
 * @param certain false when the sources may be incomplete (an unknown table's columns, a table function,
 *                an unsupported construct)
 * @param value   how a JSON, array or row value is built from its sources, part by part (null: not such a value,
 *                or not taken apart)
 */
public record ColumnLineage(String label, Set<ColumnName> sources, boolean certain, ValueShape value) {
    public ColumnLineage {
        sources = Set.copyOf(sources);
    }

    public ColumnLineage(String label, Set<ColumnName> sources, boolean certain) {
        this(label, sources, certain, null);
    }

    /** The same column under the label the database gave it. */
    ColumnLineage labelled(String newLabel) {
        return new ColumnLineage(newLabel, sources, certain, value);
    }

    /**
     * The label of a placeholder for an unknown number of columns that keep their table's names ({@code SELECT *}
     * over a table whose columns are unknown): each is {@code t.<its label>} for every {@code t.*} source.
     */
    public static final String UNKNOWN_COLUMNS = "*";

    /**
     * The label of a placeholder for an unknown number of columns whose names say nothing (a set operation or
     * alias list over unknown columns): each may hold any source, {@code t.*} meaning any column of t.
     */
    public static final String UNKNOWN_SHAPE = "*?";

    /** True when this entry stands for an unknown number of columns rather than exactly one. */
    public boolean placeholder() {
        return !certain && (UNKNOWN_COLUMNS.equals(label) || UNKNOWN_SHAPE.equals(label));
    }
}
