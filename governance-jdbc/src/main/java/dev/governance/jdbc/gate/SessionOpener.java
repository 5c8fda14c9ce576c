package dev.governance.jdbc.gate;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.audit.AuditTrails;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.identity.IdentityResolver;
import dev.governance.jdbc.sql.Dialect;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens the governance side of a connection: identity first (no identity, no connection), then the real driver,
 * then the {@link Session} the wrappers hand to the gate.
 */
public final class SessionOpener {
    private SessionOpener() {
    }

    public static Session open(String realUrl, SettingsLoader.Loaded loaded) throws SQLException {
        Settings settings = loaded.settings();
        Governance governance = GovernanceRegistry.forSettings(settings);
        IdentityResolver identities = governance.identities(settings.identity());
        Recorder recorder = governance.recorder();
        DatabaseInfo target = new DatabaseInfo(null, DatabaseUrls.withoutCredentials(realUrl));
        // Who connects is decided before the real database is reached: no identity, no connection.
        Identity identity;
        try {
            identity = identities.current();
        } catch (IdentityException e) {
            recorder.connectDenied(settings.environment(), target, e.getSQLState() + ": " + e.getMessage());
            throw e;
        }
        Driver driver = realDriver(settings, realUrl);
        Connection physical = driver.connect(realUrl, loaded.delegateProperties());
        if (physical == null) {
            throw new SQLException("The real driver " + driver.getClass().getName() + " does not accept "
                    + DatabaseUrls.withoutCredentials(realUrl), "08001");
        }
        try {
            String product = physical.getMetaData().getDatabaseProductName();
            Dialect dialect = Dialect.fromUrl(realUrl);
            Session session = new Session(governance, identities, physical, dialect,
                    new DatabaseInfo(product, target.url()));
            session.readNames(); // the schema the URL or the server's defaults chose, before anything runs
            try {
                recorder.requireAvailable();
            } catch (dev.governance.jdbc.AuditUnavailableException unavailable) {
                // Refused for want of a trail: kept by the trail as a denied connect, written once it recovers.
                recorder.connectDenied(settings.environment(), session.database(),
                        unavailable.getSQLState() + ": " + unavailable.getMessage());
                throw unavailable;
            }
            recorder.connected(session, identity);
            return session;
        } catch (SQLException | RuntimeException e) {
            physical.close();
            throw e;
        }
    }

    private static Driver realDriver(Settings settings, String realUrl) throws SQLException {
        String named = settings.delegateDriver();
        if (named == null) {
            return DriverManager.getDriver(realUrl);
        }
        try {
            Class<?> type = Class.forName(named, true, Thread.currentThread().getContextClassLoader());
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new ConfigurationException("Invalid configuration governance.delegate-driver=" + named
                    + ": can't load a java.sql.Driver (" + e + ")", e);
        }
    }

    /** Flushes and closes shared machinery; called when the driver is deregistered. */
    public static void shutdown() {
        AuditTrails.closeAll();
    }
}
