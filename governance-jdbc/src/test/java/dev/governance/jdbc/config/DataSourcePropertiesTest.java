package dev.governance.jdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.GovernedDataSource;
import dev.governance.jdbc.GovernedConnection;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * GovernedDataSource is a JavaBean with a setter per setting (what HikariCP's dataSourceClassName and Spring
 * binding need): {@code governance.identity.token-file} is {@code identityTokenFile}.
 */
class DataSourcePropertiesTest {

    static String beanProperty(String key) {
        String[] parts = key.substring(Keys.PREFIX.length()).split("[.-]");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(parts[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(parts[i].substring(1));
        }
        return b.toString();
    }

    @Test
    void everyKeyHasASetter() {
        List<String> missing = new ArrayList<>();
        for (String key : Keys.DEFAULTS.keySet()) {
            String property = beanProperty(key);
            String setter = "set" + property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
            try {
                GovernedDataSource.class.getMethod(setter, String.class);
            } catch (NoSuchMethodException e) {
                missing.add(key + " -> " + setter + "(String)");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void settersReachTheConnection() throws Exception {
        GovernedDataSource ds = new GovernedDataSource();
        for (Method m : List.of(GovernedDataSource.class.getMethods())) {
            assertTrue(!m.getName().startsWith("set") || m.getParameterCount() <= 2, m.toString());
        }
        ds.setUrl("jdbc:governed:h2:mem:ds" + System.nanoTime());
        ds.setIdentitySubject("bean-agent");
        ds.setIdentityKind("agent");
        ds.setIdentityGroups("ops,etl");
        ds.setIdentityAllowUnverified("true");
        ds.setAuditSinks("otel");
        try (Connection c = ds.getConnection()) {
            var identity = c.unwrap(GovernedConnection.class).identity();
            assertEquals("bean-agent", identity.subject());
            assertEquals(List.of("ops", "etl"), identity.groups());
        }
        ds.setIdentityGroups(null); // removes the setting
        try (Connection c = ds.getConnection()) {
            assertEquals(List.of(), c.unwrap(GovernedConnection.class).identity().groups());
        }
    }
}
