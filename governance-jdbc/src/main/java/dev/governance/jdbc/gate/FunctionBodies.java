package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads user-defined functions of a name from the database's catalog: their bodies when they are SQL the analyzer
 * can read, or the fact that a body is in another language. Built-in functions are not in these catalog queries.
 */
final class FunctionBodies {
    /**
     * One user-defined function (an overload) of the name.
     *
     * @param sql the body when it is SQL (PostgreSQL {@code LANGUAGE sql}, MariaDB stored functions), else null
     */
    record Body(String sql) {
    }

    private FunctionBodies() {
    }

    /** Every user-defined function called {@code name} (lower case); empty when there is none (a built-in). */
    static List<Body> of(Connection physical, Dialect dialect, String name) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "SELECT CASE WHEN l.lanname = 'sql' THEN p.prosrc END FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang"
                    + " WHERE lower(p.proname) = ? AND n.nspname NOT IN ('pg_catalog', 'information_schema')";
            case MYSQL -> "SELECT CASE WHEN ROUTINE_BODY = 'SQL' THEN ROUTINE_DEFINITION END"
                    + " FROM information_schema.ROUTINES WHERE ROUTINE_TYPE = 'FUNCTION' AND LOWER(ROUTINE_NAME) = ?"
                    + " AND ROUTINE_SCHEMA NOT IN ('mysql', 'sys', 'information_schema', 'performance_schema')";
            case H2 -> "SELECT NULL FROM INFORMATION_SCHEMA.ROUTINES WHERE LOWER(ROUTINE_NAME) = ?"
                    + " AND ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'"; // Java aliases: never SQL
            case GENERIC -> null;
        };
        List<Body> found = new ArrayList<>();
        if (sql == null) {
            return found;
        }
        // Only the catalog is read; the query runs on the real connection, outside the governed statement path.
        try (PreparedStatement ps = physical.prepareStatement(sql)) {
            ps.setString(1, name.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Body(statementOf(rs.getString(1))));
                }
            }
        }
        return found;
    }

    /** A SQL body as one statement: MariaDB's {@code RETURN (SELECT …)} and PostgreSQL's trailing semicolon. */
    private static String statementOf(String body) {
        if (body == null) {
            return null;
        }
        String text = body.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.regionMatches(true, 0, "RETURN", 0, 6) && text.length() > 6
                && !Character.isLetterOrDigit(text.charAt(6))) {
            text = "SELECT " + text.substring(6).strip();
        }
        return text;
    }
}
