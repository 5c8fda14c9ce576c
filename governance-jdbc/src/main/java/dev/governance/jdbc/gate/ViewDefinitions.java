package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a view's defining query from the database's catalog (null when the table is not a view). */
final class ViewDefinitions {
    private ViewDefinitions() {
    }

    static String of(Connection physical, Dialect dialect, TableName table) {
        String sql = switch (dialect) {
            case H2 -> "SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
                    + " WHERE LOWER(TABLE_SCHEMA) = LOWER(COALESCE(?, SCHEMA())) AND LOWER(TABLE_NAME) = LOWER(?)";
            case POSTGRESQL -> "SELECT pg_get_viewdef(c.oid, true) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE lower(n.nspname) = lower(COALESCE(?, current_schema()))"
                    + " AND lower(c.relname) = lower(?) AND c.relkind IN ('v', 'm')";
            case MYSQL -> "SELECT VIEW_DEFINITION FROM information_schema.VIEWS"
                    + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND LOWER(TABLE_NAME) = LOWER(?)";
            case GENERIC -> null;
        };
        if (sql == null) {
            return null;
        }
        // Only the catalog is read; the query runs on the real connection, outside the governed statement path.
        try (PreparedStatement ps = physical.prepareStatement(sql)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }
}
