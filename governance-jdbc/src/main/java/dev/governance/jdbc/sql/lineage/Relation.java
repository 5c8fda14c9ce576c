package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Names;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a FROM item, CTE or subquery produces, each with its lineage.
 *
 * @param base the base table when this is one with unknown columns (a name looked up in it is then exact)
 */
record Relation(List<Col> columns, TableName base) {
    Relation {
        columns = List.copyOf(columns);
    }

    Relation(List<Col> columns) {
        this(columns, null);
    }

    /** A relation whose columns are unknown: one placeholder carrying what it is computed from. */
    static Relation opaque(String name, Set<ColumnName> sources) {
        return new Relation(List.of(new Col(name, sources, false, true, false)));
    }

    boolean hasStar() {
        for (Col c : columns) {
            if (c.star()) {
                return true;
            }
        }
        return false;
    }

    boolean hasNamed(String name) {
        for (Col c : columns) {
            if (!c.star() && Names.same(c.name(), name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The column called {@code name}, or null when it certainly isn't here. Two columns of the same name (a join
     * inside a derived table) are merged; behind a placeholder that keeps its table's names ({@code direct}) every
     * {@code t.*} source becomes {@code t.name}, behind any other it stays {@code t.*} (any column of t).
     */
    Col lookup(String name) {
        Acc acc = new Acc();
        boolean found = false;
        boolean direct = false;
        int matches = 0;
        for (Col c : columns) {
            if (!c.star() && Names.same(c.name(), name)) {
                acc.add(c);
                found = true;
                direct = c.direct();
                matches++;
            }
        }
        boolean star = false;
        for (Col c : columns) {
            if (c.star()) {
                star = true;
                for (ColumnName s : c.sources()) {
                    boolean byName = c.direct() && ColumnLineage.UNKNOWN_COLUMNS.equals(s.column());
                    acc.add(byName ? new ColumnName(s.table(), Names.unquote(name)) : s);
                }
            }
        }
        if (!found && !star) {
            return null;
        }
        if (star && !(base != null && columns.size() == 1)) {
            acc.uncertain();
        }
        acc.direct((found && matches == 1 && direct && !star) || (base != null && !found));
        return new Col(Names.unquote(name), acc.sources(), acc.certain(), false, acc.direct());
    }

    /** Every source of every column: the value of the whole row. */
    Acc wholeRow() {
        Acc acc = new Acc();
        for (Col c : columns) {
            acc.add(c);
        }
        return acc;
    }

    /** Renames the first columns as an alias column list {@code AS x(a, b)} does. */
    Relation renamed(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        List<Col> out = new ArrayList<>();
        if (hasStar()) {
            // positions are unknown: each named column may be any of them
            Acc all = wholeRow();
            all.uncertain();
            for (String n : names) {
                out.add(new Col(n, all.sources(), false, false, false));
            }
            out.add(new Col(ColumnLineage.UNKNOWN_COLUMNS, all.sources(), false, true, false));
            return new Relation(out);
        }
        for (int i = 0; i < columns.size(); i++) {
            out.add(i < names.size() ? columns.get(i).renamed(names.get(i)) : columns.get(i));
        }
        for (int i = columns.size(); i < names.size(); i++) {
            // more names than columns: the database refuses it; keep it conservative anyway
            Acc all = wholeRow();
            all.uncertain();
            out.add(new Col(names.get(i), all.sources(), false, false, false));
        }
        return new Relation(out);
    }

    /** All sources collapsed into one placeholder: what is left when positions can't be trusted. */
    Relation collapsed() {
        Acc all = wholeRow();
        Set<ColumnName> s = new LinkedHashSet<>(all.sources());
        return opaque(ColumnLineage.UNKNOWN_COLUMNS, s);
    }
}
