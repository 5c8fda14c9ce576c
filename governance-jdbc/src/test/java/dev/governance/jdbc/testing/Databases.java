package dev.governance.jdbc.testing;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The real databases the integration tests run against, started outside the build by
 * {@code scripts/start-databases.sh} (no Docker, no Testcontainers):
 *
 * <ul>
 *   <li>PostgreSQL 15 at {@value #POSTGRES_URL}, user {@code postgres}, no password;
 *   <li>MariaDB at {@value #MARIADB_URL}, user {@code root}, empty password.
 * </ul>
 *
 * <p>A test calls {@link #requirePostgres()} / {@link #requireMariaDb()} first (or opens its connection with
 * {@link #openPostgres()} / {@link #openMariaDb()}, which do). When the database can't be reached the test is
 * <em>skipped</em> on a developer machine, but <em>fails</em> when databases are required: system property
 * {@value #REQUIRE_PROPERTY}{@code =true} (the pom passes it on to the tests) or environment variable
 * {@code CI=true}. The reachability probe (a 2-second connect and login) runs once per database and JVM.
 */
public final class Databases {

    /** System property that turns an unreachable database from a skipped test into a failed one. */
    public static final String REQUIRE_PROPERTY = "governance.it.require-databases";

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";
    public static final String POSTGRES_PASSWORD = "";

    public static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    public static final String MARIADB_USER = "root";
    public static final String MARIADB_PASSWORD = "";

    static final int PROBE_TIMEOUT_SECONDS = 2;

    private static final String START_HINT = "run scripts/start-databases.sh";

    static final Target POSTGRES = new Target("PostgreSQL", "127.0.0.1:5432", POSTGRES_URL, POSTGRES_USER,
            POSTGRES_PASSWORD, Dialect.POSTGRES);
    static final Target MARIADB = new Target("MariaDB", "127.0.0.1:3306", MARIADB_URL, MARIADB_USER,
            MARIADB_PASSWORD, Dialect.MARIADB);

    private Databases() {}

    // ------------------------------------------------------------------------------------------------ PostgreSQL

    public static String postgresUrl() {
        return POSTGRES.url;
    }

    public static String postgresUser() {
        return POSTGRES.user;
    }

    public static String postgresPassword() {
        return POSTGRES.password;
    }

    /** Fails (databases required) or aborts (otherwise) the calling test unless PostgreSQL is reachable. */
    public static void requirePostgres() {
        require(POSTGRES, databasesRequired());
    }

    /** A new connection to the PostgreSQL {@code test} database, after {@link #requirePostgres()}. */
    public static Connection openPostgres() throws SQLException {
        requirePostgres();
        return POSTGRES.connect(POSTGRES.credentials());
    }

    // --------------------------------------------------------------------------------------------------- MariaDB

    public static String mariaDbUrl() {
        return MARIADB.url;
    }

    public static String mariaDbUser() {
        return MARIADB.user;
    }

    public static String mariaDbPassword() {
        return MARIADB.password;
    }

    /** Fails (databases required) or aborts (otherwise) the calling test unless MariaDB is reachable. */
    public static void requireMariaDb() {
        require(MARIADB, databasesRequired());
    }

    /** A new connection to the MariaDB {@code test} database, after {@link #requireMariaDb()}. */
    public static Connection openMariaDb() throws SQLException {
        requireMariaDb();
        return MARIADB.connect(MARIADB.credentials());
    }

    // ---------------------------------------------------------------------------------------------------- shared

    /** True when an unreachable database must fail the test: {@value #REQUIRE_PROPERTY}=true or CI=true. */
    public static boolean databasesRequired() {
        return "true".equalsIgnoreCase(System.getProperty(REQUIRE_PROPERTY, "").trim())
                || "true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).trim());
    }

    static void require(Target target, boolean required) {
        SQLException failure = target.probe();
        if (failure != null && ContainerFallback.start(target)) {
            failure = target.probe(); // no local server, but Docker: a container stands in
        }
        if (failure == null) {
            return;
        }
        String reason = describe(failure);
        if (required) {
            throw new AssertionError(target.name + " on " + target.address + " is required in CI; " + START_HINT
                    + " (databases are required because " + whyRequired() + "; connecting failed: " + reason + ")",
                    failure);
        }
        Assumptions.abort(target.name + " on " + target.address + " is not reachable (" + reason
                + "), so this test is skipped. Start the test databases with: sudo scripts/start-databases.sh"
                + " (stop them with scripts/stop-databases.sh). Set -D" + REQUIRE_PROPERTY
                + "=true to fail instead of skipping.");
    }

    private static String whyRequired() {
        return "true".equalsIgnoreCase(System.getProperty(REQUIRE_PROPERTY, "").trim())
                ? REQUIRE_PROPERTY + "=true"
                : "CI=true";
    }

    private static String describe(SQLException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        if (e.getSQLState() != null) {
            text.append(" [SQLState ").append(e.getSQLState()).append(']');
        }
        return text.toString();
    }

    /**
     * The drivers are used directly, not looked up through {@link java.sql.DriverManager}: its service loading
     * stops at the first {@code META-INF/services/java.sql.Driver} entry that can't be loaded. Loading the driver
     * classes also registers them with DriverManager, so tests may use {@code DriverManager} with these URLs.
     */
    enum Dialect {
        POSTGRES {
            @Override
            Driver driver() {
                return new org.postgresql.Driver();
            }

            @Override
            void timeouts(Properties props, int seconds) {
                props.setProperty("connectTimeout", Integer.toString(seconds));
                props.setProperty("loginTimeout", Integer.toString(seconds));
                props.setProperty("socketTimeout", Integer.toString(seconds));
            }
        },
        MARIADB {
            @Override
            Driver driver() {
                return new org.mariadb.jdbc.Driver();
            }

            @Override
            void timeouts(Properties props, int seconds) {
                props.setProperty("connectTimeout", Integer.toString(seconds * 1000));
                props.setProperty("socketTimeout", Integer.toString(seconds * 1000));
            }
        };

        abstract Driver driver();

        /** Sets the driver's own timeouts (DriverManager's login timeout is global, so it is left alone). */
        abstract void timeouts(Properties props, int seconds);
    }

    /** One database and the cached outcome of probing it. */
    static final class Target {
        final String name;
        final Dialect dialect;
        volatile String address;
        volatile String url;
        volatile String user;
        volatile String password;

        private boolean probed;
        private SQLException failure;

        Target(String name, String address, String url, String user, String password, Dialect dialect) {
            this.name = name;
            this.address = address;
            this.url = url;
            this.user = user;
            this.password = password;
            this.dialect = dialect;
        }

        /** Points at another server (a container started for this run) and probes again. */
        synchronized void switchTo(String newUrl, String newUser, String newPassword) {
            url = newUrl;
            user = newUser;
            password = newPassword;
            address = newUrl;
            probed = false;
        }

        /** Null when a connection could be opened and used; else why not. Probes once, then answers from cache. */
        synchronized SQLException probe() {
            if (!probed) {
                failure = connect();
                probed = true;
            }
            return failure;
        }

        Properties credentials() {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            return props;
        }

        Connection connect(Properties props) throws SQLException {
            Connection connection = dialect.driver().connect(url, props);
            if (connection == null) {
                throw new SQLException("the " + name + " driver does not accept " + url, "08001");
            }
            return connection;
        }

        private SQLException connect() {
            Properties props = credentials();
            dialect.timeouts(props, PROBE_TIMEOUT_SECONDS);
            try (Connection connection = connect(props)) {
                if (!connection.isValid(PROBE_TIMEOUT_SECONDS)) {
                    return new SQLException("connected, but the connection is not valid");
                }
                return null;
            } catch (SQLException e) {
                return e;
            } catch (RuntimeException | LinkageError e) {
                return new SQLException(e.toString(), e);
            }
        }

        @Override
        public String toString() {
            return name.toLowerCase(Locale.ROOT) + "@" + address;
        }
    }
}
