package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.config.Keys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the governed connection one tool call runs on: with the configured identity (stdio), or with the token the
 * HTTP request carried. A connection per call keeps callers apart and re-reads a rotating token file each time.
 */
final class Database {
    private final ServerConfig config;

    Database(ServerConfig config) {
        this.config = config;
    }

    /** @param token the caller's verified bearer token, or null for the configured identity */
    GovernedConnection open(String token) throws SQLException {
        Properties p = new Properties();
        p.putAll(config.connect());
        if (token != null) {
            p.setProperty(Keys.TOKEN, token);
        }
        Connection c = DriverManager.getConnection(config.url(), p);
        try {
            return c.unwrap(GovernedConnection.class);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
