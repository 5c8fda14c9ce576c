package dev.governance.jdbc.flyway;

import java.sql.Connection;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Teaches Flyway the {@code jdbc:governed:} URL, so Flyway given only a URL (command line, Maven and Gradle plugins,
 * {@code Flyway.configure().dataSource(url, user, password)}) connects through the governed driver.
 *
 * <p>Flyway uses a URL-matched type only to open connections ({@code DriverDataSource}: which driver class, which
 * connection properties). Once connected it picks the type that does the work — SQL parser, schema history, DDL
 * quirks — from the connection's product name, which the governed connection reports as the real database's
 * ({@code PostgreSQL}, {@code MariaDB}, {@code H2}). So this type never claims a connection: the real database's own
 * Flyway support ({@code flyway-database-postgresql}, {@code flyway-mysql}, H2 in Flyway's core) runs the
 * migration, and every statement of it passes governance.
 *
 * <p>Connection properties that Flyway's support for the real database would set (for example PostgreSQL's
 * {@code ApplicationName}) are set by that support, given the real URL. Left at Flyway's defaults (nothing):
 * properties that see no URL ({@code setOverridingConnectionProps}) and {@code shutdownDatabase}, which only embedded
 * file databases need and which would connect to the real URL through the governed driver.
 *
 * <p>Only driver names appear here, no driver classes: with this jar in Flyway's {@code drivers/} folder but not the
 * driver's, Flyway's scan of database types still works and the failure names the missing jar.
 */
public final class GovernedDatabaseType extends BaseDatabaseType {
    static final String PREFIX = "jdbc:governed:";
    static final String DRIVER = "dev.governance.jdbc.GovernedDriver";

    @Override
    public String getName() {
        return "governance-jdbc";
    }

    /** Only used for a type that runs migrations, which this one never does; {@link Types#NULL} is harmless. */
    @Override
    public int getNullType() {
        return Types.NULL;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return realUrl(url) != null;
    }

    /** Always the governed driver, whatever the real database: it finds the real driver itself. */
    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return DRIVER;
    }

    /** Logged (debug) when the driver class can't be loaded: usually the driver jar is missing beside this one. */
    @Override
    public String instantiateClassExtendedErrorMessage() {
        return "Add governance-jdbc-<version>.jar (the governed driver) and the real database's JDBC driver next to "
                + "governance-jdbc-flyway-<version>.jar (Flyway command line: its drivers/ folder; Maven or Gradle "
                + "plugin: its dependencies).";
    }

    /** Never: the connection reports the real database, whose own Flyway support does the work. */
    @Override
    public boolean handlesDatabaseProductNameAndVersion(String productName, String productVersion,
                                                        Connection connection) {
        return false;
    }

    /** Unreachable: Flyway creates the database from the type matched by product name, never this one. */
    @Override
    public Database createDatabase(Configuration configuration, JdbcConnectionFactory connectionFactory,
                                   StatementInterceptor statementInterceptor) {
        throw new IllegalStateException("governance-jdbc's Flyway type only opens connections; the database type "
                + "comes from the connection");
    }

    /** Unreachable, as {@link #createDatabase}. */
    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
                               ParsingContext parsingContext) {
        throw new IllegalStateException("governance-jdbc's Flyway type only opens connections; the parser comes "
                + "from the type of the connection");
    }

    // Connection properties and credentials: what the real database's Flyway support would do with the real URL.

    @Override
    public void setDefaultConnectionProps(String url, Properties props, ClassLoader classLoader) {
        real(url, null).ifPresent(t -> t.setDefaultConnectionProps(realUrl(url), props, classLoader));
    }

    @Override
    public void setConfigConnectionProps(Configuration config, Properties props, ClassLoader classLoader) {
        real(config == null ? null : config.getUrl(), config)
                .ifPresent(t -> t.setConfigConnectionProps(config, props, classLoader));
    }

    @Override
    public boolean externalAuthPropertiesRequired(String url, String user, String password) {
        return real(url, null).map(t -> t.externalAuthPropertiesRequired(realUrl(url), user, password))
                .orElse(false);
    }

    @Override
    public Properties getExternalAuthProperties(String url, String user) {
        return real(url, null).map(t -> t.getExternalAuthProperties(realUrl(url), user))
                .orElseGet(Properties::new);
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean detectUserRequiredByUrl(String url) {
        return real(url, null).map(t -> t.detectUserRequiredByUrl(realUrl(url))).orElse(true);
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean detectPasswordRequiredByUrl(String url) {
        return real(url, null).map(t -> t.detectPasswordRequiredByUrl(realUrl(url))).orElse(true);
    }

    /** The type Flyway would pick for the real URL behind a governed one (none for other URLs, or no such support). */
    private static Optional<DatabaseType> real(String url, Configuration configuration) {
        String real = realUrl(url);
        if (real == null) {
            return Optional.empty();
        }
        return DatabaseTypeRegister.getDatabaseTypesForUrl(real, configuration).stream()
                .filter(DatabaseType.class::isInstance)
                .map(DatabaseType.class::cast)
                .findFirst();
    }

    /** {@code jdbc:governed:postgresql://db/app} → {@code jdbc:postgresql://db/app}, as the driver reads it. */
    static String realUrl(String url) {
        return url != null && url.startsWith(PREFIX) && url.length() > PREFIX.length()
                ? "jdbc:" + url.substring(PREFIX.length())
                : null;
    }
}
