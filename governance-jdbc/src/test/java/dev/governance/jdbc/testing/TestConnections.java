package dev.governance.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/** Governed H2 connections for tests, with a static development identity and no audit file. */
public final class TestConnections {
    private TestConnections() {
    }

    /** A fresh, uniquely named in-memory database that lives while any connection to it is open. */
    public static String newH2Url() {
        return "jdbc:governed:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    /** Properties for a static identity of the given kind. */
    public static Properties as(String subject, String kind, String... groups) {
        Properties p = new Properties();
        p.setProperty("governance.identity.subject", subject);
        p.setProperty("governance.identity.kind", kind);
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.audit.sinks", "otel");
        if (groups.length > 0) {
            p.setProperty("governance.identity.groups", String.join(",", groups));
        }
        return p;
    }

    public static Properties agent() {
        return as("agent-7", "agent");
    }

    public static Properties service() {
        return as("svc-orders", "service");
    }

    public static Connection open(String url, Properties properties) throws SQLException {
        return DriverManager.getConnection(url, properties);
    }
}
