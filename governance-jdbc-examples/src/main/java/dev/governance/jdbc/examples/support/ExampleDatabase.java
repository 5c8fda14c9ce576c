package dev.governance.jdbc.examples.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh database for one example run: an in-memory H2 database, or a schema (PostgreSQL) / database (MariaDB)
 * with a unique name on the local servers that {@code scripts/start-databases.sh} starts. {@link #close()} drops it.
 *
 * @param kind     {@code h2}, {@code postgresql} or {@code mariadb}
 * @param rawUrl   the real URL (for the ungoverned checks an example makes afterwards)
 * @param user     login user for the real database
 * @param password its password
 */
public record ExampleDatabase(String kind, String rawUrl, String user, String password, String dropSql)
        implements AutoCloseable {

    public static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/test";

    public static ExampleDatabase create(String kind) throws SQLException {
        String name = "gx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (kind) {
            case "h2":
                return new ExampleDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "",
                        "SHUTDOWN");
            case "postgresql":
                run(POSTGRES_SERVER, "postgres", "", "CREATE SCHEMA " + name);
                return new ExampleDatabase(kind, POSTGRES_SERVER + "?currentSchema=" + name, "postgres", "",
                        "DROP SCHEMA " + name + " CASCADE");
            case "mariadb":
                run(MARIADB_SERVER, "root", "", "CREATE DATABASE " + name);
                return new ExampleDatabase(kind, "jdbc:mariadb://127.0.0.1:3306/" + name, "root", "",
                        "DROP DATABASE " + name);
            default:
                throw new IllegalArgumentException("unknown database kind " + kind + " (h2, postgresql, mariadb)");
        }
    }

    /** The same database through governance-jdbc. */
    public String governedUrl() {
        return "jdbc:governed:" + rawUrl.substring("jdbc:".length());
    }

    /** An ungoverned connection, for setting up and for checking what really is in the database. */
    public Connection raw() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(rawUrl, p);
    }

    public void execute(String... statements) throws SQLException {
        try (Connection c = raw(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        execute(dropSql);
    }

    private static void run(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
