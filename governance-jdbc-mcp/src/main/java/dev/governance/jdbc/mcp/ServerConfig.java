package dev.governance.jdbc.mcp;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.config.Keys;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.config.SettingsLoader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What the server was started with: the governed URL, the properties every connection gets (the configuration file),
 * the driver's settings (checked once at start, so a bad file fails at once, not at the first tool call), and the
 * limits of what one tool result may hold.
 */
record ServerConfig(String url, Properties connect, Settings settings, Limits limits) {

    /** {@code governance.mcp.max-rows} and {@code governance.mcp.max-bytes}. */
    record Limits(int maxRows, long maxBytes) {
    }

    static ServerConfig load(String url, Path configFile) throws StartupException {
        if (url == null || !url.startsWith("jdbc:governed:")) {
            throw new StartupException("--url must be a governed URL (jdbc:governed:<real URL>), got " + url);
        }
        Properties connect = new Properties();
        if (configFile != null) {
            if (!Files.isReadable(configFile)) {
                throw new StartupException("--config " + configFile + ": no such readable file");
            }
            connect.setProperty(Keys.CONFIG, configFile.toAbsolutePath().toString());
        }
        Settings settings;
        try {
            settings = new SettingsLoader().load(connect).settings();
        } catch (ConfigurationException e) {
            throw new StartupException(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
        }
        Properties file = readLimitsSource(configFile);
        Limits limits = new Limits(
                (int) parse(Keys.MCP_MAX_ROWS, file.getProperty(Keys.MCP_MAX_ROWS, "200"), false, 100_000),
                parse(Keys.MCP_MAX_BYTES, file.getProperty(Keys.MCP_MAX_BYTES, "64KB"), true, 64L << 20));
        return new ServerConfig(url, connect, settings, limits);
    }

    /** The properties file the driver reads too: --config, else governance.config, else GOVERNANCE_CONFIG. */
    private static Properties readLimitsSource(Path configFile) throws StartupException {
        String location = configFile != null ? configFile.toString()
                : System.getProperty(Keys.CONFIG, System.getenv("GOVERNANCE_CONFIG"));
        Properties p = new Properties();
        if (location == null || location.isBlank() || location.startsWith("classpath:")) {
            return p;
        }
        try (Reader in = Files.newBufferedReader(Path.of(location), StandardCharsets.ISO_8859_1)) {
            p.load(in);
        } catch (IOException e) {
            throw new StartupException(Keys.CONFIG + "=" + location + " can't be read: " + e.getMessage(), e);
        }
        return p;
    }

    /** A positive whole number; with {@code sizes}, also {@code 64KB}, {@code 1MB}. Bad values name key and value. */
    static long parse(String key, String value, boolean sizes, long max) throws StartupException {
        String v = value.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (sizes && v.endsWith("KB")) {
            unit = 1024;
            v = v.substring(0, v.length() - 2).trim();
        } else if (sizes && v.endsWith("MB")) {
            unit = 1024 * 1024;
            v = v.substring(0, v.length() - 2).trim();
        } else if (sizes && v.endsWith("B")) {
            v = v.substring(0, v.length() - 1).trim();
        }
        long n;
        try {
            n = Long.parseLong(v) * unit;
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n <= 0 || n > max) {
            throw new StartupException(key + "=" + value + ": expected a positive " + (sizes ? "size (e.g. 64KB)" : "number")
                    + " of at most " + max + " (SQLState VG000)");
        }
        return n;
    }
}
