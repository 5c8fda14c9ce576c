package dev.governance.jdbc.testing;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A real driver stand-in for {@code jdbc:recording:<h2 url without jdbc:h2:>}: records the URL and Properties it
 * was given, then connects to H2, so tests can see exactly what the governed driver passed on.
 */
public final class RecordingDriver implements Driver {
    public static final RecordingDriver INSTANCE = new RecordingDriver();
    private static final String PREFIX = "jdbc:recording:";

    /** What one connect call received. */
    public record Call(String url, Properties properties) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    static {
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void register() {
        // class initialisation registers it
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties copy = new Properties();
        copy.putAll(info);
        calls.add(new Call(url, copy));
        return DriverManager.getConnection("jdbc:h2:" + url.substring(PREFIX.length()), info);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
