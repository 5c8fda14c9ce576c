package dev.governance.jdbc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven filtered into {@code version.properties} at build time. */
final class Version {
    static final String FROM_BUILD = read();

    private Version() {
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
