package dev.governance.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for pools and frameworks that take one: the same governed connections as
 * {@link GovernedDriver}, configured with a {@code jdbc:governed:} URL and properties.
 */
public class GovernedDataSource implements DataSource {
    private final GovernedDriver driver = new GovernedDriver();
    private final Properties properties = new Properties();
    private volatile String url;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    public GovernedDataSource() {
    }

    public GovernedDataSource(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        properties.setProperty("user", user);
    }

    public void setPassword(String password) {
        properties.setProperty("password", password);
    }

    /** Any property for the real driver, or a {@code governance.*} key. */
    public void setProperty(String name, String value) {
        properties.setProperty(name, value);
    }

    /** The properties file of contract section 3 ({@code governance.config}). */
    public void setConfig(String location) {
        properties.setProperty("governance.config", location);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(copy());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = copy();
        if (username != null) {
            p.setProperty("user", username);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return connect(p);
    }

    private Properties copy() {
        Properties p = new Properties();
        synchronized (properties) {
            p.putAll(properties);
        }
        return p;
    }

    private Connection connect(Properties p) throws SQLException {
        String target = url;
        if (target == null) {
            throw new ConfigurationException("GovernedDataSource has no url: set a jdbc:governed: URL");
        }
        Connection connection = driver.connect(target, p);
        if (connection == null) {
            throw new ConfigurationException("GovernedDataSource url=" + target + " does not start with "
                    + GovernedDriver.PREFIX);
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("governance-jdbc uses no java.util.logging logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("GovernedDataSource does not wrap " + iface, SqlStates.POLICY_DENIED);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}
