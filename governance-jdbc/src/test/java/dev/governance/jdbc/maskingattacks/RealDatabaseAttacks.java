package dev.governance.jdbc.maskingattacks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The lineage attacks against a real database: uniquely named tables created by a governed service connection,
 * queried by a governed agent, read through every getter, dropped afterwards. Queries are templates: {@code {c}}
 * customers, {@code {o}} orders, {@code {v}} a view, {@code {p}} the unique prefix.
 */
final class RealDatabaseAttacks {
    final String governedUrl;
    final Properties credentials;
    final String prefix = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Connection service;
    Connection agent;
    /** Every masked identity the probes run as: an agent, a human outside pii-reader, an agent under the hash policy. */
    List<Connection> masked = List.of();

    RealDatabaseAttacks(String realUrl, String user, String password) {
        this.governedUrl = "jdbc:governed:" + realUrl.substring("jdbc:".length());
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
    }

    Properties as(Properties identity) {
        Properties p = new Properties();
        p.putAll(credentials);
        p.putAll(identity);
        return p;
    }

    String sql(String template) {
        return template.replace("{c}", prefix + "_customers").replace("{o}", prefix + "_orders")
                .replace("{v}", prefix + "_v").replace("{p}", prefix);
    }

    void setUp(List<String> ddl) throws SQLException {
        service = DriverManager.getConnection(governedUrl, as(TestConnections.service()));
        try (Statement st = service.createStatement()) {
            for (String s : ddl) {
                st.execute(sql(s));
            }
        }
        agent = DriverManager.getConnection(governedUrl, as(TestConnections.agent()));
        masked = List.of(agent, DriverManager.getConnection(governedUrl, as(TestConnections.as("alice", "human", "support"))),
                DriverManager.getConnection(governedUrl, as(MaskingUtilityTest.hashed(TestConnections.agent()))));
    }

    void tearDown(List<String> drops) throws SQLException {
        try {
            for (Connection c : masked) {
                c.close();
            }
        } finally {
            if (service != null) {
                try (Statement st = service.createStatement()) {
                    for (String s : drops) {
                        try {
                            st.execute(sql(s));
                        } catch (SQLException e) {
                            // best effort
                        }
                    }
                }
                service.close();
            }
        }
    }

    /** Probes {@code template} as every masked identity through every getter; fails on any leak. */
    void assertNoLeak(String template) throws SQLException {
        String sql = sql(template);
        List<LeakProbe.Leak> leaks = new ArrayList<>();
        for (Connection c : masked) {
            leaks.addAll(LeakProbe.probe(c, sql, H2Fixture.SECRETS).leaks());
        }
        if (!leaks.isEmpty()) {
            StringBuilder b = new StringBuilder("LEAK in " + template + " (" + leaks.size() + " outputs):");
            leaks.stream().limit(12).forEach(l -> b.append("\n  ").append(l));
            fail(b.toString());
        }
    }

    /** {@link #assertNoLeak(String)} for each template, every failure reported. */
    void assertNoLeak(List<String> templates) throws SQLException {
        List<String> failures = new ArrayList<>();
        for (String template : templates) {
            try {
                assertNoLeak(template);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /** The probe must see raw values on the service connection, or the agent's clean result proves nothing. */
    void assertServiceSeesRaw(String template) throws SQLException {
        LeakProbe.Outcome out = LeakProbe.probe(service, sql(template), H2Fixture.SECRETS);
        assertFalse(out.leaks().isEmpty(), "the service read no raw value through " + template);
    }
}
