package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a view's defining query from the database's catalog (null when the table is not a view). */
final class ViewDefinitions {
    private ViewDefinitions() {
    }

    static String of(Connection physical, Dialect dialect, TableName table) {
        try {
            List<String> found = all(physical, dialect, table);
            return found.isEmpty() ? null : found.get(0);
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * The definition of every view (PostgreSQL: materialized views too) whose schema and name match the table's,
     * compared without case (so a name the analyzer folded differently from the catalog is never missed); empty when
     * the table is not a view. An entry is null when the catalog holds the view but not its text (MySQL without the
     * SHOW VIEW privilege). Only the catalog is read, on the real connection, outside the governed statement path.
     */
    static List<String> all(Connection physical, Dialect dialect, TableName table) throws SQLException {
        String sql = switch (dialect) {
            case H2 -> "SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
                    + " WHERE LOWER(TABLE_SCHEMA) = LOWER(COALESCE(?, SCHEMA())) AND LOWER(TABLE_NAME) = LOWER(?)";
            case POSTGRESQL -> "SELECT pg_get_viewdef(c.oid, true) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE lower(n.nspname) = lower(COALESCE(?, current_schema()))"
                    + " AND lower(c.relname) = lower(?) AND c.relkind IN ('v', 'm')";
            case MYSQL -> "SELECT VIEW_DEFINITION FROM information_schema.VIEWS"
                    + " WHERE LOWER(TABLE_SCHEMA) = LOWER(COALESCE(?, DATABASE())) AND LOWER(TABLE_NAME) = LOWER(?)";
            case GENERIC -> null;
        };
        List<String> found = new ArrayList<>(1);
        if (sql == null) {
            return found;
        }
        try (PreparedStatement ps = physical.prepareStatement(sql)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
