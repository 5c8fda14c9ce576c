package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
import dev.governance.jdbc.sql.TableName;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts the rows a change really changed, as the database counts them: the statement's own rows plus those changed
 * by {@code ON DELETE CASCADE} and triggers. Opened inside the savepoint (or driver transaction) of a row limit,
 * before the statement runs; read after it.
 *
 * <ul>
 *   <li>PostgreSQL (with {@code track_counts} on, the default): the transaction's own counters,
 *       {@code pg_stat_xact_user_tables} (rows inserted, updated and deleted in every table, cascades and
 *       triggers included), compared before and after.</li>
 *   <li>Elsewhere (H2, MariaDB, MySQL): the catalog tells what else a change reaches. Child tables reached by
 *       {@code ON DELETE CASCADE} are counted ({@code COUNT(*)} before and after, inside the transaction), and so
 *       are rows set by {@code ON DELETE SET NULL} (the column's NULLs). A change that reaches a table with a
 *       trigger for its kind of change, or a foreign key that sets a default, or cascades an update of the
 *       referenced columns, changes rows that can't be counted: it is refused before it runs
 *       ({@link Uncountable}).</li>
 * </ul>
 */
final class BlastRadius {
    /** Why a change's full row count can't be known: the statement is refused before it runs. */
    static final class Uncountable extends Exception {
        Uncountable(String why) {
            super(why, null, false, false);
        }
    }

    /** What was read before the statement; gives the total once it ran. */
    interface Meter {
        long total(long reportedByDriver) throws SQLException;
    }

    private static final Meter DRIVER_COUNT = reported -> reported;
    private static final String PG_COUNTERS = "SELECT current_setting('track_counts'),"
            + " COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables";

    private BlastRadius() {
    }

    /** Reads what is needed to count the change {@code statements} will make; call inside the savepoint. */
    static Meter open(Connection physical, Dialect dialect, List<StatementFacts> statements)
            throws SQLException, Uncountable {
        if (dialect == Dialect.POSTGRESQL) {
            long before = pgCounter(physical);
            if (before >= 0) {
                return reported -> {
                    long after = pgCounter(physical);
                    return Math.max(reported, after - before);
                };
            }
            // track_counts off: the counters stand still; fall back to the catalog
        }
        Map<Probe, Long> cascaded = new LinkedHashMap<>();
        Set<Table> changed = new java.util.HashSet<>();
        for (StatementFacts facts : statements) {
            Set<StatementType> kinds = rowKinds(facts);
            if (kinds.isEmpty()) {
                continue;
            }
            for (TableName written : facts.tablesWritten()) {
                Table table = Table.find(physical, dialect, written);
                if (table == null) {
                    continue; // the database doesn't know it: the statement will fail on its own
                }
                changed.add(table);
                reach(physical, table, kinds, facts.updatedColumns(), cascaded);
            }
        }
        if (cascaded.isEmpty()) {
            return DRIVER_COUNT;
        }
        for (Map.Entry<Probe, Long> e : cascaded.entrySet()) {
            e.setValue(e.getKey().count(physical));
        }
        return reported -> {
            long others = 0;
            long self = 0;
            boolean selfReferencing = false;
            for (Map.Entry<Probe, Long> e : cascaded.entrySet()) {
                long gone = Math.abs(e.getValue() - e.getKey().count(physical));
                if (e.getKey().nullColumn() == null && changed.contains(e.getKey().table())) {
                    // a table that cascades to itself (a tree): its count holds the statement's own rows too
                    selfReferencing = true;
                    self += gone;
                } else {
                    others += gone;
                }
            }
            return (selfReferencing ? Math.max(reported, self) : reported) + others;
        };
    }

    private static long pgCounter(Connection physical) throws SQLException {
        try (Statement s = physical.createStatement(); ResultSet rs = s.executeQuery(PG_COUNTERS)) {
            rs.next();
            return "on".equalsIgnoreCase(rs.getString(1)) ? rs.getLong(2) : -1;
        }
    }

    /** The kinds of row change that can set off triggers and cascades. */
    private static Set<StatementType> rowKinds(StatementFacts facts) {
        Set<StatementType> kinds = EnumSet.noneOf(StatementType.class);
        for (StatementType k : facts.kinds()) {
            switch (k) {
                case INSERT, UPDATE, DELETE -> kinds.add(k);
                case MERGE -> {
                    kinds.add(StatementType.INSERT);
                    kinds.add(StatementType.UPDATE);
                    kinds.add(StatementType.DELETE);
                }
                default -> { }
            }
        }
        return kinds;
    }

    /**
     * Walks what a change of {@code start} reaches: its triggers, and the child tables its foreign keys cascade to.
     * Adds what counts the rows reached to {@code cascaded}: every table reached by {@code ON DELETE CASCADE} (its
     * rows), every column set by {@code ON DELETE SET NULL} (its NULLs); throws when something reached changes rows
     * in a way that can't be counted.
     */
    private static void reach(Connection physical, Table start, Set<StatementType> kinds, Set<ColumnName> updated,
                              Map<Probe, Long> cascaded) throws SQLException, Uncountable {
        Deque<Table> todo = new ArrayDeque<>();
        Map<Table, Set<StatementType>> seen = new LinkedHashMap<>();
        todo.add(start);
        seen.put(start, kinds);
        while (!todo.isEmpty()) {
            Table table = todo.poll();
            Set<StatementType> tableKinds = seen.get(table);
            String trigger = trigger(physical, table, tableKinds);
            if (trigger != null) {
                throw new Uncountable("table " + table + " has trigger " + trigger + ", which may change other rows"
                        + " the driver cannot count");
            }
            DatabaseMetaData md = physical.getMetaData();
            try (ResultSet rs = md.getExportedKeys(table.catalog, table.schema, table.name)) {
                while (rs.next()) {
                    Table child = new Table(rs.getString("FKTABLE_CAT"), rs.getString("FKTABLE_SCHEM"),
                            rs.getString("FKTABLE_NAME"));
                    String constraint = rs.getString("FK_NAME");
                    short onDelete = rs.getShort("DELETE_RULE");
                    short onUpdate = rs.getShort("UPDATE_RULE");
                    String keyColumn = rs.getString("PKCOLUMN_NAME");
                    if (tableKinds.contains(StatementType.DELETE)) {
                        if (onDelete == DatabaseMetaData.importedKeyCascade) {
                            cascaded.putIfAbsent(new Probe(child, null), 0L);
                            if (seen.putIfAbsent(child, EnumSet.of(StatementType.DELETE)) == null) {
                                todo.add(child);
                            }
                        } else if (onDelete == DatabaseMetaData.importedKeySetNull) {
                            // the rows set NULL: the column's NULLs grow by as many
                            cascaded.putIfAbsent(new Probe(child, rs.getString("FKCOLUMN_NAME")), 0L);
                            if (seen.putIfAbsent(child, EnumSet.of(StatementType.UPDATE)) == null) {
                                todo.add(child); // for its UPDATE triggers
                            }
                        } else if (sets(onDelete)) {
                            throw new Uncountable("deleting from " + table + " sets " + child + " rows by foreign key "
                                    + constraint + ", which the driver cannot count");
                        }
                    }
                    if (tableKinds.contains(StatementType.UPDATE) && table == start
                            && (onUpdate == DatabaseMetaData.importedKeyCascade || sets(onUpdate))
                            && mayAssign(updated, keyColumn)) {
                        throw new Uncountable("updating " + table + "." + keyColumn + " changes " + child
                                + " rows by foreign key " + constraint + ", which the driver cannot count");
                    }
                }
            }
        }
    }

    private static boolean sets(short rule) {
        return rule == DatabaseMetaData.importedKeySetNull || rule == DatabaseMetaData.importedKeySetDefault;
    }

    /** True when the statement may assign {@code column}: it names it, or it assigns columns we can't name. */
    private static boolean mayAssign(Set<ColumnName> updated, String column) {
        if (updated.isEmpty()) {
            return true; // REPLACE, H2 MERGE … KEY: whole rows
        }
        for (ColumnName c : updated) {
            if (c.column().equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    /** The name of a trigger on {@code table} for any of these kinds of change, or null. */
    private static String trigger(Connection physical, Table table, Set<StatementType> kinds) throws SQLException {
        String schema = table.schema != null ? table.schema : table.catalog;
        try (PreparedStatement ps = physical.prepareStatement("SELECT TRIGGER_NAME, EVENT_MANIPULATION"
                + " FROM INFORMATION_SCHEMA.TRIGGERS WHERE EVENT_OBJECT_TABLE = ?"
                + (schema == null ? "" : " AND EVENT_OBJECT_SCHEMA = ?"))) {
            ps.setString(1, table.name);
            if (schema != null) {
                ps.setString(2, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String event = String.valueOf(rs.getString(2)).toUpperCase(Locale.ROOT);
                    for (StatementType k : kinds) {
                        if (event.contains(k.name())) {
                            return rs.getString(1);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** What is counted in one table: its rows, or (nullColumn given) its rows where that column is NULL. */
    private record Probe(Table table, String nullColumn) {
        long count(Connection physical) throws SQLException {
            String q = physical.getMetaData().getIdentifierQuoteString().trim();
            String sql = "SELECT COUNT(*) FROM " + table.quoted(physical) + (nullColumn == null ? ""
                    : " WHERE " + q + nullColumn.replace(q, q + q) + q + " IS NULL");
            try (Statement s = physical.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A table as the catalog names it. */
    private record Table(String catalog, String schema, String name) {
        /** The table a resolved name refers to, as the catalog spells it, or null when there is none. */
        static Table find(Connection physical, Dialect dialect, TableName table) throws SQLException {
            DatabaseMetaData md = physical.getMetaData();
            List<String[]> places = new ArrayList<>();
            if (dialect == Dialect.MYSQL) {
                places.add(new String[] {table.schema() == null ? physical.getCatalog() : table.schema(), null});
            } else {
                places.add(new String[] {physical.getCatalog(), table.schema()});
            }
            for (String[] place : places) {
                for (String name : variants(table.table())) {
                    for (String schema : place[1] == null ? new String[] {null} : variants(place[1])) {
                        try (ResultSet rs = md.getTables(place[0], schema, name, null)) {
                            while (rs.next()) { // a pattern: '_' matches any character
                                if (rs.getString("TABLE_NAME").equals(name)) {
                                    return new Table(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                                            rs.getString("TABLE_NAME"));
                                }
                            }
                        }
                    }
                }
            }
            return null;
        }

        private static String[] variants(String name) {
            return new String[] {name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)};
        }

        String quoted(Connection physical) throws SQLException {
            String q = physical.getMetaData().getIdentifierQuoteString().trim();
            StringBuilder b = new StringBuilder();
            String container = schema != null ? schema : catalog;
            if (container != null) {
                b.append(q).append(container.replace(q, q + q)).append(q).append('.');
            }
            return b.append(q).append(name.replace(q, q + q)).append(q).toString();
        }

        @Override
        public String toString() {
            return (schema != null ? schema + "." : catalog != null ? catalog + "." : "") + name;
        }
    }
}
