package dev.governance.jdbc.flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test: in-memory H2, or a schema (PostgreSQL) / database (MariaDB) with a unique name on
 * the shared local servers of {@code scripts/start-databases.sh}; {@link #close()} drops it. An unreachable server
 * skips the test on a laptop and fails it in CI ({@code CI=true} or {@code -Dgovernance.it.require-databases=true}).
 */
record TestDatabase(String kind, String rawUrl, String user, String password, String dropSql)
        implements AutoCloseable {

    static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/test";

    static TestDatabase create(String kind) throws SQLException {
        String name = "gf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            return switch (kind) {
                case "h2" -> new TestDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", "SHUTDOWN");
                case "postgresql" -> {
                    run(POSTGRES_SERVER, "postgres", "CREATE SCHEMA " + name);
                    yield new TestDatabase(kind, POSTGRES_SERVER + "?currentSchema=" + name, "postgres", "",
                            "DROP SCHEMA " + name + " CASCADE");
                }
                case "mariadb" -> {
                    run(MARIADB_SERVER, "root", "CREATE DATABASE " + name);
                    yield new TestDatabase(kind, "jdbc:mariadb://127.0.0.1:3306/" + name, "root", "",
                            "DROP DATABASE " + name);
                }
                default -> throw new IllegalArgumentException(kind);
            };
        } catch (SQLException unreachable) {
            if (required()) {
                throw unreachable;
            }
            Assumptions.abort(kind + " is not reachable (run scripts/start-databases.sh): " + unreachable.getMessage());
            return null;
        }
    }

    /** The same database through governance-jdbc. */
    String governedUrl() {
        return "jdbc:governed:" + rawUrl.substring("jdbc:".length());
    }

    /** An ungoverned connection, to look at what really is in the database. */
    Connection raw() throws SQLException {
        return DriverManager.getConnection(rawUrl, user, password);
    }

    long count(String sql) throws SQLException {
        try (Connection c = raw(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.execute(dropSql);
        }
    }

    private static void run(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getProperty("governance.it.require-databases", ""))
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
