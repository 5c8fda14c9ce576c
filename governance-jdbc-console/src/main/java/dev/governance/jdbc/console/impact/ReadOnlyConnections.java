package dev.governance.jdbc.console.impact;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Connections for finding out, never for changing: read-only, in a transaction that is always rolled back, every
 * query with a timeout. On PostgreSQL and MariaDB the transaction itself is declared {@code READ ONLY}, so even a
 * function with side effects in an agent's WHERE fails instead of writing.
 */
final class ReadOnlyConnections {
    static final int QUERY_TIMEOUT_SECONDS = 5;

    private ReadOnlyConnections() {
    }

    /** A read-only connection that sees what {@code view}'s user sees, where it can; {@code notes} says how it counts. */
    static Connection open(String url, RequesterView view, java.util.List<String> notes) throws SQLException {
        Connection c = open(url);
        try {
            view.apply(c, notes);
            return c;
        } catch (SQLException | RuntimeException e) {
            close(c);
            throw e;
        }
    }

    static Connection open(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres") || product.contains("mariadb") || product.contains("mysql")) {
                try (Statement s = c.createStatement()) {
                    s.execute(product.contains("postgres") ? "SET TRANSACTION READ ONLY" : "SET SESSION TRANSACTION READ ONLY");
                }
                if (!product.contains("postgres")) {
                    c.rollback(); // the session setting applies from the next transaction on
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Rolls back whatever the transaction saw, then closes. */
    static void close(Connection c) {
        try (c) {
            c.rollback();
        } catch (SQLException ignored) {
            // closing is all that is left to do
        }
    }

    static Statement statement(Connection c) throws SQLException {
        Statement s = c.createStatement();
        s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        s.setMaxRows(200);
        return s;
    }
}
