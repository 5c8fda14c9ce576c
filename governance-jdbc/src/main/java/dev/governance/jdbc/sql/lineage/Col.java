package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;

import java.util.Set;

/**
 * One column of a relation while walking a statement.
 *
 * @param star   a placeholder for an unknown number of columns; its {@code t.*} sources stand for any column of t
 * @param direct the value is a table column passed through unchanged (so equality on it is equality on the column)
 * @param value  how a JSON, array or row value is built, part by part; null for other values
 */
record Col(String name, Set<ColumnName> sources, boolean certain, boolean star, boolean direct, ValueShape value) {
    Col {
        sources = Set.copyOf(sources);
    }

    Col(String name, Set<ColumnName> sources, boolean certain, boolean star, boolean direct) {
        this(name, sources, certain, star, direct, null);
    }

    /** The same column, its structure (JSON, array, row) known. */
    Col shaped(ValueShape shape) {
        return shape == null ? this : new Col(name, sources, certain, star, direct, shape);
    }

    static Col of(String name, Acc acc) {
        return new Col(name, acc.sources(), acc.certain(), false, acc.direct());
    }

    Col renamed(String newName) {
        return new Col(newName, sources, certain, star, direct, value);
    }
}
