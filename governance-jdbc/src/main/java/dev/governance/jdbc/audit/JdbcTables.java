package dev.governance.jdbc.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Our own tables in a database the user points us at (the audit sink's rows and anchors, the approval store's
 * requests): looked up in the connection's current schema, created with portable SQL when missing — by several
 * instances at once — and given the columns later releases added. Lives here with the first of those tables;
 * the approval store builds on it.
 */
public final class JdbcTables {
    private JdbcTables() {
    }

    /** The column type for long text on the database behind {@code c}. */
    public static String longText(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? "TEXT"
                : product.contains("mysql") || product.contains("mariadb") ? "LONGTEXT"
                : product.contains("sql server") ? "NVARCHAR(MAX)" : "CLOB";
    }

    /**
     * Whether {@code table} exists in the connection's current schema: a table of that name elsewhere is not the
     * one our unqualified statements reach.
     */
    public static boolean exists(Connection c, String table) throws SQLException {
        String schema;
        try {
            schema = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            schema = null;
        }
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Creates {@code table} with {@code ddl} unless it exists. Two instances starting at once both try: the loser's
     * error is fine when the table exists now.
     *
     * @return true when the table was there already (it may then lack columns added since it was created)
     */
    public static boolean createIfMissing(Connection c, String table, String ddl) throws SQLException {
        if (exists(c, table)) {
            return true;
        }
        executeTolerated(c, ddl, () -> exists(c, table));
        return false;
    }

    /**
     * Adds each column ({@code {name, type}}) that {@code table} lacks; an old table's rows get the type's default.
     * Another instance adding the same column at the same time is fine.
     */
    public static void addMissingColumns(Connection c, String table, String[][] columns) throws SQLException {
        for (String[] column : columns) {
            if (!hasColumn(c, table, column[0])) {
                executeTolerated(c, "ALTER TABLE " + table + " ADD " + column[0] + " " + column[1],
                        () -> hasColumn(c, table, column[0]));
            }
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM " + table + " WHERE 1 = 0")) {
            rs.next();
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    /** Runs DDL in autocommit; its failure counts only when {@code done} says the change isn't there. */
    private static void executeTolerated(Connection c, String ddl, Check done) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            boolean there;
            try {
                there = done.holds();
            } catch (SQLException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (!there) {
                throw e;
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws SQLException;
    }
}
