package dev.governance.jdbc.testing;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A test driver for URLs {@code <prefix><rest>}: the JDBC bookkeeping once, so each stand-in only says how it
 * opens a connection for the rest of its URL.
 */
public abstract class PrefixDriver implements Driver {
    private final String prefix;

    protected PrefixDriver(String prefix) {
        this.prefix = prefix;
    }

    /** Opens the connection for {@code rest}, the URL after the prefix. */
    protected abstract Connection open(String url, String rest, Properties info) throws SQLException;

    @Override
    public final Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? open(url, url.substring(prefix.length()), info) : null;
    }

    @Override
    public final boolean acceptsURL(String url) {
        return url != null && url.startsWith(prefix);
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
