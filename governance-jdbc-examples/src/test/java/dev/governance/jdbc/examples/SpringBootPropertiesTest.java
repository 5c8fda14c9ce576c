package dev.governance.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.examples.support.ExampleDatabase;
import dev.governance.jdbc.identity.IdentityKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Spring Boot lines of docs/clients/spring.md, exactly as written: Boot's own auto-configuration builds its
 * HikariCP pool on the {@code jdbc:governed:} URL, its Flyway integration migrates through it (on PostgreSQL into the
 * URL's non-default schema), and its JdbcTemplate runs as the configured agent — masked, refused, audited.
 */
class SpringBootPropertiesTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void bootAutoConfigurationOnTheGovernedUrl(String kind, @TempDir Path dir) throws Exception {
        DevTokens tokens = DevTokens.in(dir);
        Path audit = dir.resolve("audit.jsonl");
        Path config = dir.resolve("governance.properties");
        StringBuilder properties = new StringBuilder();
        Map<String, String> identity = tokens.settings(tokens.token("boot-agent", IdentityKind.AGENT));
        identity.forEach((k, v) -> properties.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        properties.append("governance.environment=dev\n");
        properties.append("governance.audit.sinks=jsonl:").append(audit.toString().replace("\\", "\\\\")).append('\n');
        Files.writeString(config, properties.toString());

        try (ExampleDatabase db = TestDatabases.create(kind);
             ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                     .web(WebApplicationType.NONE)
                     .properties(
                             "spring.main.banner-mode=off",
                             "spring.datasource.url=" + db.governedUrl(),
                             "spring.datasource.driver-class-name=dev.governance.jdbc.GovernedDriver",
                             "spring.datasource.username=" + db.user(),
                             "spring.datasource.password=" + db.password(),
                             "spring.datasource.hikari.data-source-properties[governance.config]=" + config,
                             "spring.flyway.locations=classpath:db/boot")
                     .run()) {
            DataSource dataSource = context.getBean(DataSource.class);
            HikariDataSource hikari = assertInstanceOf(HikariDataSource.class, dataSource, "Boot's own pool");
            assertEquals(db.governedUrl(), hikari.getJdbcUrl());
            try (Connection c = dataSource.getConnection()) {
                GovernedConnection governed = c.unwrap(GovernedConnection.class);
                assertEquals("boot-agent", governed.identity().subject());
            }

            // Boot's Flyway ran the migration through the governed pool, into the URL's schema.
            try (Connection raw = db.raw(); Statement st = raw.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(email) FROM customers")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
                assertEquals("ada@example.com", rs.getString(2));
            }

            JdbcTemplate agent = context.getBean(JdbcTemplate.class);
            List<Map<String, Object>> rows = agent.queryForList("SELECT id, name, email FROM customers ORDER BY id");
            assertEquals(2, rows.size());
            assertEquals(1, ((Number) value(rows.get(0), "id")).intValue(), "ids are never masked");
            assertEquals("Ada", value(rows.get(0), "name"));
            String email = String.valueOf(value(rows.get(0), "email"));
            assertTrue(email.startsWith("<email:"), "the agent's view is masked: " + email);

            PermissionDeniedDataAccessException denied = assertThrows(PermissionDeniedDataAccessException.class,
                    () -> agent.update("DELETE FROM customers"));
            PolicyViolationException violation = assertInstanceOf(PolicyViolationException.class, denied.getCause());
            assertEquals("42501", violation.getSQLState());
            assertEquals(2, agent.queryForObject("SELECT COUNT(*) FROM customers", Integer.class),
                    "the refusal left the pool's connection usable");
            try (Connection raw = db.raw(); Statement st = raw.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM customers")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "nothing was deleted");
            }
        }
        List<String> trail = Files.readAllLines(audit);
        List<String> anonymous = trail.stream().filter(line -> line.contains("\"statement\"")
                && !line.contains("\"subject\":\"boot-agent\"")).toList();
        assertEquals(List.of(), anonymous, "every statement's record names the agent");
        String statements = trail.stream().collect(Collectors.joining("\n"));
        assertTrue(statements.contains("CREATE TABLE customers"), "Flyway's migration is in the trail");
        assertTrue(statements.contains("DELETE FROM customers") && statements.contains("42501"),
                "the refusal is in the trail");
        assertFalse(statements.contains("ada@example.com"), "no data value in the trail");
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        throw new AssertionError("no column " + column + " in " + row);
    }
}
