package dev.governance.jdbc;

import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.gate.Session;
import dev.governance.jdbc.gate.SessionOpener;
import dev.governance.jdbc.wrapper.ConnectionWrapper;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The governed JDBC driver: {@code jdbc:governed:<real url without "jdbc:">}. It verifies the workload identity,
 * connects through the real driver, and hands out a connection whose every statement passes the governance gate.
 */
public final class GovernedDriver implements Driver {
    public static final String PREFIX = "jdbc:governed:";
    static final int MAJOR = 0;
    static final int MINOR = 1;

    private static final GovernedDriver INSTANCE = new GovernedDriver();

    static {
        try {
            DriverManager.registerDriver(INSTANCE, SessionOpener::shutdown);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The real URL behind a governed one ({@code jdbc:governed:h2:mem:x} → {@code jdbc:h2:mem:x}), or null. */
    public static String realUrl(String url) {
        if (url == null || !url.startsWith(PREFIX) || url.length() == PREFIX.length()) {
            return null;
        }
        return "jdbc:" + url.substring(PREFIX.length());
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        String real = realUrl(url);
        if (real == null) {
            return null; // not ours: DriverManager asks the next driver
        }
        Session session = SessionOpener.open(real, new SettingsLoader().load(info));
        return new ConnectionWrapper(session.physical(), session);
    }

    @Override
    public boolean acceptsURL(String url) {
        return realUrl(url) != null;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return MINOR;
    }

    /** Not JDBC compliant in the strict sense: it refuses statements the real driver would accept. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("governance-jdbc uses no java.util.logging logger");
    }
}
