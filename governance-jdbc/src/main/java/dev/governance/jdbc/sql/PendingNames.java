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

    /**
     * The last resolution of a cached shape's set (by identity) and the schemas the resolver answered for its
     * pending names: the next use that gets the same answers reuses the resolved set instead of building and
     * hashing a new one (each ad-hoc statement is a new analysis of the same shape). Direct-mapped and racy by
     * design: an entry is immutable and checked before use, a lost or overwritten one is built again.
     */
    private record Resolved(Set<?> from, String[] schemas, Set<?> to) {
    }

    private static final int MEMO_SLOTS = 1024;
    private static final Resolved[] MEMO = new Resolved[MEMO_SLOTS];

    static Set<TableName> tables(Set<TableName> tables, TableResolver names) {
        int pending = 0;
        for (TableName t : tables) {
            pending += pending(t) ? 1 : 0;
        }
        if (pending == 0) {
            return tables;
        }
        String[] schemas = new String[pending];
        int i = 0;
        for (TableName t : tables) {
            if (pending(t)) {
                schemas[i++] = names.schemaOf(t.table());
            }
        }
        @SuppressWarnings("unchecked")
        Set<TableName> known = (Set<TableName>) remembered(tables, schemas);
        if (known != null) {
            return known;
        }
        Set<TableName> out = new LinkedHashSet<>();
        i = 0;
        for (TableName t : tables) {
            out.add(pending(t) ? new TableName(schemas[i++], t.table()) : t);
        }
        return remember(tables, schemas, Set.copyOf(out));
    }

    static Set<ColumnName> columns(Set<ColumnName> columns, TableResolver names) {
        int pending = 0;
        for (ColumnName c : columns) {
            pending += pending(c.table()) ? 1 : 0;
        }
        if (pending == 0) {
            return columns;
        }
        String[] schemas = new String[pending];
        int i = 0;
        for (ColumnName c : columns) {
            if (pending(c.table())) {
                schemas[i++] = names.schemaOf(c.table().table());
            }
        }
        @SuppressWarnings("unchecked")
        Set<ColumnName> known = (Set<ColumnName>) remembered(columns, schemas);
        if (known != null) {
            return known;
        }
        Set<ColumnName> out = new LinkedHashSet<>();
        i = 0;
        for (ColumnName c : columns) {
            out.add(pending(c.table()) ? new ColumnName(new TableName(schemas[i++], c.table().table()), c.column()) : c);
        }
        return remember(columns, schemas, Set.copyOf(out));
    }

    private static Set<?> remembered(Set<?> from, String[] schemas) {
        Resolved r = MEMO[System.identityHashCode(from) & (MEMO_SLOTS - 1)];
        return r != null && r.from() == from && java.util.Arrays.equals(r.schemas(), schemas) ? r.to() : null;
    }

    private static <T> Set<T> remember(Set<?> from, String[] schemas, Set<T> to) {
        MEMO[System.identityHashCode(from) & (MEMO_SLOTS - 1)] = new Resolved(from, schemas, to);
        return to;
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
