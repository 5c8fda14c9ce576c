package dev.governance.jdbc.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Self-test of the {@link Databases} fixture against the databases scripts/start-databases.sh starts. */
class DatabasesIT {

    @Test
    void postgresIsVersion15() throws SQLException {
        Databases.requirePostgres();
        String version = version(Databases.openPostgres());
        assertTrue(version.contains("PostgreSQL 15"), () -> "expected PostgreSQL 15, got: " + version);
    }

    @Test
    void mariaDbIsReachable() throws SQLException {
        Databases.requireMariaDb();
        String version = version(Databases.openMariaDb());
        assertTrue(version.contains("MariaDB"), () -> "expected MariaDB, got: " + version);
    }

    private static String version(Connection opened) throws SQLException {
        try (Connection connection = opened;
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version()")) {
            assertTrue(rs.next(), "SELECT version() returned no row");
            return rs.getString(1);
        }
    }
}
