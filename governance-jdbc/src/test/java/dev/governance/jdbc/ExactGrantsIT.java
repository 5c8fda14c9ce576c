package dev.governance.jdbc;

import dev.governance.jdbc.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * PostgreSQL and MariaDB: a grant is for exactly what was approved ({@link GrantScenarios}); the other database is
 * one created for the test on the same server (and dropped after it).
 */
class ExactGrantsIT {
    @TempDir
    Path dir;

    /** The server's {@code test} database, and a database of its own. */
    private record Server(String urlA, String user, String password, boolean postgres, String other)
            implements GrantScenarios.Server {

        static Server create(String url, String user, String password, boolean postgres) throws SQLException {
            String other = "grants_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Server s = new Server(url, user, password, postgres, other);
            s.admin("CREATE DATABASE " + other);
            return s;
        }

        @Override
        public String urlB() {
            String base = urlA.split("\\?", 2)[0];
            return base.substring(0, base.lastIndexOf('/') + 1) + other;
        }

        @Override
        public void credentials(Properties p) {
            p.setProperty("user", user);
            if (password != null && !password.isEmpty()) {
                p.setProperty("password", password);
            }
        }

        @Override
        public void close() throws SQLException {
            admin(postgres ? "DROP DATABASE IF EXISTS " + other + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + other);
        }

        private void admin(String sql) throws SQLException {
            Properties p = new Properties();
            credentials(p);
            try (Connection raw = DriverManager.getConnection(urlA, p); Statement s = raw.createStatement()) {
                s.execute(sql);
            }
        }
    }

    private GrantScenarios postgres() throws Exception {
        Databases.requirePostgres();
        return new GrantScenarios(Server.create(Databases.postgresUrl(), Databases.postgresUser(),
                Databases.postgresPassword(), true), dir);
    }

    private GrantScenarios mariaDb() throws Exception {
        Databases.requireMariaDb();
        return new GrantScenarios(Server.create(Databases.mariaDbUrl(), Databases.mariaDbUser(),
                Databases.mariaDbPassword(), false), dir);
    }

    @Test
    void postgresGrantsAreForExactlyWhatWasApproved() throws Exception {
        try (GrantScenarios s = postgres()) {
            s.nobodyApprovesARequestMadeOnTheirOwnBehalf();
        }
        try (GrantScenarios s = postgres()) {
            s.anotherLiteralIdentityDatabaseOrEnvironmentIsRefusedAndTheExactStatementRunsOnce();
        }
        try (GrantScenarios s = postgres()) {
            s.preparedGrantIsForTheSameParameterValuesAndTypes();
            s.theTrailHoldsTheRequestWithoutItsLiterals();
        }
    }

    @Test
    void mariaDbGrantsAreForExactlyWhatWasApproved() throws Exception {
        try (GrantScenarios s = mariaDb()) {
            s.nobodyApprovesARequestMadeOnTheirOwnBehalf();
        }
        try (GrantScenarios s = mariaDb()) {
            s.anotherLiteralIdentityDatabaseOrEnvironmentIsRefusedAndTheExactStatementRunsOnce();
        }
        try (GrantScenarios s = mariaDb()) {
            s.preparedGrantIsForTheSameParameterValuesAndTypes();
            s.theTrailHoldsTheRequestWithoutItsLiterals();
        }
    }
}
