package dev.governance.jdbc.mcp;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/** {@code --driver JAR}: registers the real drivers a jar declares, so {@code jdbc:governed:} finds them. */
final class ExtraDrivers {
    private ExtraDrivers() {
    }

    static int load(Path jar) throws StartupException {
        if (!Files.isReadable(jar)) {
            throw new StartupException("--driver " + jar + ": no such readable file");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ExtraDrivers.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new StartupException("--driver " + jar + ": " + e.getMessage(), e);
        }
        int count = 0;
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (driver.getClass().getClassLoader() != loader) {
                continue; // one the server carries, already registered
            }
            try {
                // DriverManager hands out only drivers visible to the caller's class loader: register a visible shim.
                DriverManager.registerDriver(new Shim(driver));
                count++;
            } catch (SQLException e) {
                throw new StartupException("--driver " + jar + ": " + e.getMessage(), e);
            }
        }
        if (count == 0) {
            throw new StartupException("--driver " + jar + ": declares no JDBC driver (META-INF/services/java.sql.Driver)");
        }
        return count;
    }

    private record Shim(Driver driver) implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
