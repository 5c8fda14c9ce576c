package dev.governance.jdbc.sql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Unqualified names in a cached statement shape, resolved per use: the shape records them under a marker schema,
 * and each analysis puts in the schema its connection's {@link TableResolver} answers, so one cached parse serves
 * every search path and a table created later is found where it is.
 */
final class PendingNames {
    /** The marker schema: never a real schema's name. */
    static final String SCHEMA = "\u0000unresolved";

    private PendingNames() {
    }

    static boolean pending(TableName table) {
        return table != null && SCHEMA.equals(table.schema());
    }

    static TableName table(TableName table, TableResolver names) {
        return pending(table) ? new TableName(names.schemaOf(table.table()), table.table()) : table;
    }

    static Set<TableName> tables(Set<TableName> tables, TableResolver names) {
        boolean any = false;
        for (TableName t : tables) {
            any |= pending(t);
        }
        if (!any) {
            return tables;
        }
        Set<TableName> out = new LinkedHashSet<>();
        for (TableName t : tables) {
            out.add(table(t, names));
        }
        return Set.copyOf(out);
    }

    static Set<ColumnName> columns(Set<ColumnName> columns, TableResolver names) {
        boolean any = false;
        for (ColumnName c : columns) {
            any |= pending(c.table());
        }
        if (!any) {
            return columns;
        }
        Set<ColumnName> out = new LinkedHashSet<>();
        for (ColumnName c : columns) {
            out.add(pending(c.table()) ? new ColumnName(table(c.table(), names), c.column()) : c);
        }
        return Set.copyOf(out);
    }

    static List<Set<ColumnName>> branches(List<Set<ColumnName>> branches, TableResolver names) {
        if (branches.isEmpty()) {
            return branches;
        }
        List<Set<ColumnName>> out = new java.util.ArrayList<>(branches.size());
        for (Set<ColumnName> b : branches) {
            out.add(columns(b, names));
        }
        return List.copyOf(out);
    }
}
