package dev.governance.jdbc.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flyway given only a {@code jdbc:governed:} URL ({@code Flyway.configure().dataSource(url, user, password)}, the
 * way the command line and the Maven and Gradle plugins configure it), with the governance settings as Flyway
 * {@code jdbcProperties}: the migrations run through the governed driver and are in the audit trail; a refused
 * statement fails the migration and nothing of it is in the database.
 */
class GovernedUrlMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void migratesThroughTheGovernedDriverAndARefusedDropFailsTheMigration(String kind, @TempDir Path dir)
            throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path first = migrations(dir.resolve("v1"), Map.of(
                "V1__widgets.sql", "CREATE TABLE widgets (id INT PRIMARY KEY, name VARCHAR(40));",
                "V2__first_widgets.sql", "INSERT INTO widgets (id, name) VALUES (1, 'bolt');\n"
                        + "INSERT INTO widgets (id, name) VALUES (2, 'nut');"));
        Path second = migrations(dir.resolve("v3"), Map.of(
                "V3__drop_widgets.sql", "INSERT INTO widgets (id, name) VALUES (3, 'washer');\nDROP TABLE widgets;"));
        Map<String, String> governance = Map.of(
                "governance.identity.subject", "migration-agent",
                "governance.identity.kind", "agent",
                "governance.identity.allow-unverified", "true",
                "governance.environment", "staging",
                "governance.audit.sinks", "jsonl:" + audit);
        try (TestDatabase db = TestDatabase.create(kind)) {
            MigrateResult result = flyway(db, governance, first).migrate();
            assertEquals(2, result.migrationsExecuted);
            assertEquals(2, db.count("SELECT COUNT(*) FROM widgets"), "V1 and V2 are in the database");

            FlywayException refused = assertThrows(FlywayException.class,
                    () -> flyway(db, governance, first, second).migrate());
            String message = fullMessage(refused);
            assertTrue(message.contains("42501"), "the driver's SQLState: " + message);
            assertTrue(message.contains("agent-no-drop"), "the driver's rule: " + message);
            assertTrue(message.contains("DROP TABLE widgets"), "the refused statement: " + message);

            assertEquals(2, db.count("SELECT COUNT(*) FROM widgets"), "the table is still there, V3's insert undone");
            assertEquals(0, db.count("SELECT COUNT(*) FROM widgets WHERE id = 3"));
            String history = kind.equals("h2") ? "\"flyway_schema_history\" WHERE \"version\" = '3' AND \"success\""
                    : "flyway_schema_history WHERE version = '3' AND success";
            assertEquals(0, db.count("SELECT COUNT(*) FROM " + history + " = TRUE"), "V3 is not recorded as applied");
        }
        List<String> trail = Files.readAllLines(audit);
        assertTrue(trail.stream().anyMatch(l -> l.contains("\"subject\":\"migration-agent\"")
                && l.contains("CREATE TABLE widgets") && l.contains("\"action\":\"allow\"")), String.join("\n", trail));
        assertTrue(trail.stream().anyMatch(l -> l.contains("\"subject\":\"migration-agent\"")
                && l.contains("DROP TABLE widgets") && l.contains("\"action\":\"deny\"")), String.join("\n", trail));
        assertTrue(trail.stream().noneMatch(l -> l.contains("\"event\":\"statement\"")
                && !l.contains("\"subject\":\"migration-agent\"")), "every statement under the migrating identity");
    }

    /** The settings from a file named by {@code governance.config}, the way a Flyway config file would pass it. */
    @Test
    void governanceSettingsFromAConfigFileNamedInJdbcProperties(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path config = dir.resolve("governance.properties");
        Files.writeString(config, String.join("\n",
                "governance.identity.subject=release-bot",
                "governance.identity.kind=service",
                "governance.identity.allow-unverified=true",
                "governance.environment=production",
                "governance.audit.sinks=jsonl:" + audit.toString().replace('\\', '/')));
        Path migrations = migrations(dir.resolve("m"), Map.of(
                "V1__gadgets.sql", "CREATE TABLE gadgets (id INT PRIMARY KEY);\nINSERT INTO gadgets (id) VALUES (7);"));
        try (TestDatabase db = TestDatabase.create("h2")) {
            assertEquals(1, flyway(db, Map.of("governance.config", config.toString()), migrations)
                    .migrate().migrationsExecuted);
            assertEquals(7, db.count("SELECT id FROM gadgets"));
        }
        String trail = Files.readString(audit);
        assertTrue(trail.contains("\"subject\":\"release-bot\""), trail);
        assertTrue(trail.contains("INSERT INTO gadgets"), trail);
    }

    /** A setting the driver rejects stops Flyway before anything runs, with the driver's SQLState. */
    @Test
    void aBadGovernanceSettingFailsTheConnectWithTheDriversMessage(@TempDir Path dir) throws Exception {
        Path migrations = migrations(dir.resolve("m"), Map.of("V1__t.sql", "CREATE TABLE t (id INT);"));
        try (TestDatabase db = TestDatabase.create("h2")) {
            FlywayException e = assertThrows(FlywayException.class,
                    () -> flyway(db, Map.of("governance.approval.mode", "sometimes"), migrations).migrate());
            String message = fullMessage(e);
            assertTrue(message.contains("VG000") && message.contains("governance.approval.mode"), message);
            assertEquals(0, db.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'T'"));
        }
    }

    private static Flyway flyway(TestDatabase db, Map<String, String> governance, Path... locations) {
        String[] where = new String[locations.length];
        for (int i = 0; i < locations.length; i++) {
            where[i] = "filesystem:" + locations[i];
        }
        return Flyway.configure()
                .dataSource(db.governedUrl(), db.user(), db.password())
                .jdbcProperties(governance)
                .locations(where)
                .load();
    }

    private static Path migrations(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        for (var f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    /** Flyway wraps the driver's SQLException; its message and SQLState are in the chain. */
    static String fullMessage(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
            if (t instanceof SQLException sql) {
                out.append("SQLState ").append(sql.getSQLState()).append('\n');
            }
        }
        return out.toString();
    }
}
