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
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
    }

    void tearDown(List<String> drops) throws SQLException {
        try {
            if (agent != null) {
                agent.close();
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

    /**
     * Probes {@code template} as the agent; fails on any leak not listed in {@code known} (template → getters,
     * an empty set meaning all getters) unless {@code skipKnown} is false.
     */
    void assertNoLeak(String template, Map<String, Set<String>> known, boolean skipKnown) throws SQLException {
        String sql = sql(template);
        LeakProbe.Outcome out = LeakProbe.probe(agent, sql, H2Fixture.SECRETS);
        Set<String> getters = known.get(template);
        Set<String> everywhere = known.getOrDefault(ALL_QUERIES, Set.of());
        List<LeakProbe.Leak> leaks = new ArrayList<>();
        for (LeakProbe.Leak l : out.leaks()) {
            boolean tolerated = skipKnown && ((getters != null && (getters.isEmpty()
                    || getters.stream().anyMatch(g -> l.getter().startsWith(g + "("))))
                    || everywhere.stream().anyMatch(g -> l.getter().startsWith(g + "(")));
            if (!tolerated) {
                leaks.add(l);
            }
        }
        if (!leaks.isEmpty()) {
            StringBuilder b = new StringBuilder("LEAK in " + template + " (" + leaks.size() + " outputs):");
            leaks.stream().limit(12).forEach(l -> b.append("\n  ").append(l));
            fail(b.toString());
        }
    }

    /** Key of {@code known} whose getters leak in every query. */
    static final String ALL_QUERIES = "*";

    /** The templates, unfiltered: for the disabled tests. */
    void assertNoLeak(List<String> templates) throws SQLException {
        List<String> failures = new ArrayList<>();
        for (String template : templates) {
            try {
                assertNoLeak(template, Map.of(), false);
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
