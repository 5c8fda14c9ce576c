package dev.governance.jdbc.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.UUID;

/**
 * The fixture every PostgreSQL and MariaDB integration test shares: the real server (required or skipped as
 * {@link Databases} says), its raw and governed URLs, connections with its credentials, names no other test run
 * uses (the servers are shared), and the clean-up of what a test created.
 */
public enum TestDatabase {
    POSTGRES(Databases.POSTGRES),
    MARIADB(Databases.MARIADB);

    private final Databases.Target target;

    TestDatabase(Databases.Target target) {
        this.target = target;
    }

    /** Fails (databases required) or aborts (otherwise) the calling test unless this server is reachable. */
    public void require() {
        Databases.require(target, Databases.databasesRequired());
    }

    /** The real driver's URL. */
    public String url() {
        return target.url;
    }

    /** The same database through the governed driver. */
    public String governedUrl() {
        return "jdbc:governed:" + target.url.substring("jdbc:".length());
    }

    /** The real URL with the credentials in it, for code that takes a URL alone (approval store, audit sink). */
    public String urlWithCredentials() {
        String url = target.url;
        return url + (url.contains("?") ? "&" : "?") + "user=" + target.user
                + (target.password == null || target.password.isEmpty() ? "" : "&password=" + target.password);
    }

    /** {@code properties} with this server's user and password added (an identity's properties, say). */
    public Properties withCredentials(Properties properties) {
        properties.setProperty("user", target.user);
        properties.setProperty("password", target.password);
        return properties;
    }

    /** A raw (ungoverned) connection: to set up, to look at the database afterwards, to clean up. */
    public Connection openRaw() throws SQLException {
        require();
        return target.connect(target.credentials());
    }

    /** A governed connection with these identity properties (see {@link TestConnections}). */
    public Connection openGoverned(Properties identity) throws SQLException {
        require();
        return TestConnections.open(governedUrl(), withCredentials(identity));
    }

    /** {@code prefix} plus a random suffix: a table, schema or role name no concurrent run uses. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * What a test created on this server, dropped when closed (newest first, each on its own so one failure
     * doesn't leave the rest): {@code try (Scratch s = POSTGRES.scratch()) { s.created("DROP TABLE x"); ... }}.
     */
    public Scratch scratch() {
        return new Scratch(this);
    }

    /** The clean-up statements of one test's objects. */
    public static final class Scratch implements AutoCloseable {
        private final TestDatabase database;
        private final Deque<String> drops = new ArrayDeque<>();

        private Scratch(TestDatabase database) {
            this.database = database;
        }

        /** Registers how to remove something just created. */
        public Scratch created(String dropStatement) {
            drops.push(dropStatement);
            return this;
        }

        @Override
        public void close() throws SQLException {
            if (drops.isEmpty()) {
                return;
            }
            SQLException first = null;
            try (Connection c = database.openRaw(); Statement s = c.createStatement()) {
                while (!drops.isEmpty()) {
                    try {
                        s.execute(drops.pop());
                    } catch (SQLException e) {
                        if (first == null) {
                            first = e;
                        } else {
                            first.addSuppressed(e);
                        }
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
