package dev.governance.jdbc.console.impact;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a schema change would touch: the table's rows and size, and the objects that depend on it (views, foreign keys
 * from other tables, indexes, triggers), read from the catalog. Every query is read-only.
 */
final class TableFacts {
    private TableFacts() {
    }

    /** {@code schema} may be null (the connection's current schema). */
    static Impact of(Connection c, String schema, String table, List<String> queries) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        String storedSchema = stored(meta, schema);
        String storedTable = stored(meta, table);
        String qualified = schema == null ? table : schema + "." + table;
        if (!exists(meta, c, storedSchema, storedTable)) {
            return new Impact("table", qualified + " does not exist yet", List.of("nothing depends on it"), queries);
        }
        List<String> details = new ArrayList<>();
        String countSql = "SELECT COUNT(*) FROM " + qualified;
        queries.add(countSql);
        long rows;
        try (Statement s = ReadOnlyConnections.statement(c); ResultSet rs = s.executeQuery(countSql)) {
            rs.next();
            rows = rs.getLong(1);
        }
        String size = size(c, product, schema, table, storedSchema, storedTable, queries);
        String headline = qualified + ": " + rows + (rows == 1 ? " row" : " rows") + (size == null ? "" : ", " + size);

        Set<String> views = views(c, product, qualified, storedTable, queries);
        for (String view : views) {
            details.add("view " + view + " depends on it");
        }
        try (ResultSet rs = meta.getExportedKeys(c.getCatalog(), storedSchema, storedTable)) {
            while (rs.next()) {
                details.add("foreign key " + rs.getString("FK_NAME") + " on " + qualify(rs.getString("FKTABLE_SCHEM"),
                        rs.getString("FKTABLE_NAME")) + "(" + rs.getString("FKCOLUMN_NAME") + ") references it");
            }
        }
        Set<String> indexes = new LinkedHashSet<>();
        try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), storedSchema, storedTable, false, true)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    indexes.add(rs.getString("INDEX_NAME"));
                }
            }
        }
        if (!indexes.isEmpty()) {
            details.add(indexes.size() + (indexes.size() == 1 ? " index: " : " indexes: ") + String.join(", ", indexes));
        }
        if (product.contains("postgres")) {
            String triggers = "SELECT tgname FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal";
            queries.add(triggers);
            try (PreparedStatement ps = c.prepareStatement(triggers)) {
                ps.setQueryTimeout(ReadOnlyConnections.QUERY_TIMEOUT_SECONDS);
                ps.setString(1, qualified);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        details.add("trigger " + rs.getString(1));
                    }
                }
            }
        }
        if (views.isEmpty() && details.stream().noneMatch(d -> d.startsWith("foreign key"))) {
            details.add(0, "no view or foreign key depends on it");
        }
        return new Impact("table", headline, details, queries);
    }

    private static boolean exists(DatabaseMetaData meta, Connection c, String schema, String table) throws SQLException {
        try (ResultSet rs = meta.getTables(c.getCatalog(), schema, table, null)) {
            return rs.next();
        }
    }

    private static String size(Connection c, String product, String schema, String table, String storedSchema,
                               String storedTable, List<String> queries) throws SQLException {
        String sql;
        if (product.contains("postgres")) {
            sql = "SELECT pg_size_pretty(pg_total_relation_size(?::regclass))";
            queries.add(sql);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setQueryTimeout(ReadOnlyConnections.QUERY_TIMEOUT_SECONDS);
                ps.setString(1, schema == null ? table : schema + "." + table);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) + " on disk (table, indexes and toast)" : null;
                }
            }
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            sql = "SELECT data_length + index_length FROM information_schema.TABLES"
                    + " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?";
            queries.add(sql);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setQueryTimeout(ReadOnlyConnections.QUERY_TIMEOUT_SECONDS);
                ps.setString(1, storedSchema);
                ps.setString(2, storedTable);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? bytes(rs.getLong(1)) + " (data and indexes)" : null;
                }
            }
        }
        return null;
    }

    private static Set<String> views(Connection c, String product, String qualified, String storedTable,
                                     List<String> queries) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        String sql;
        boolean regclass = product.contains("postgres");
        if (regclass) {
            sql = "SELECT DISTINCT v.oid::regclass::text FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid"
                    + " JOIN pg_class v ON v.oid = r.ev_class WHERE d.refobjid = ?::regclass AND v.oid <> d.refobjid";
        } else {
            sql = "SELECT table_schema, table_name FROM information_schema.views WHERE UPPER(view_definition) LIKE ?";
        }
        queries.add(sql);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(ReadOnlyConnections.QUERY_TIMEOUT_SECONDS);
            ps.setString(1, regclass ? qualified : "%" + storedTable.toUpperCase(Locale.ROOT) + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(regclass ? rs.getString(1) : qualify(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static String stored(DatabaseMetaData meta, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        if (meta.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (meta.storesLowerCaseIdentifiers()) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }

    private static String qualify(String schema, String table) {
        return schema == null || schema.isEmpty() ? table : schema + "." + table;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
