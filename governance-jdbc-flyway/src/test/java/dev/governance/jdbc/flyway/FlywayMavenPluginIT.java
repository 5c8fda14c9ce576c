package dev.governance.jdbc.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flyway Maven plugin, given only {@code -Dflyway.url=jdbc:governed:postgresql://…}, run as a user runs it: a
 * child {@code mvn -o} on a throwaway project whose plugin dependencies are the driver jar, this plugin's jar, Flyway's
 * PostgreSQL support and the PostgreSQL driver; the governance settings in a file named by the plugin's
 * {@code <jdbcProperties><governance.config>} (as docs/clients/flyway.md shows).
 * The jars are this build's (system-scoped, since nothing of ours is installed in the local repository); the Flyway
 * plugin comes from the local repository ({@code scripts/install-flyway-maven-plugin.sh} resolves it once).
 */
class FlywayMavenPluginIT {
    private static final String FLYWAY = System.getProperty("flyway.version", "13.12.2");

    @Test
    void migrateGivenOnlyAGovernedUrlRunsTheMigrationsAndStopsAtTheRefusedDrop(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (TestDatabase db = TestDatabase.create("postgresql")) {
            Run run = migrate(dir, db, audit, true);
            assertNotEquals(0, run.exit(), "V3's DROP is refused, so migrate fails: " + run.log());
            assertTrue(run.log().contains("42501") && run.log().contains("agent-no-drop"),
                    "the driver's refusal: " + run.log());

            assertEquals(1, db.count("SELECT COUNT(*) FROM widgets WHERE name = 'bolt'"),
                    "V1 and V2 ran: " + run.log());
            assertEquals(2, db.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success"),
                    "V1 and V2 recorded; V3 (PostgreSQL: rolled back) not: " + run.log());
        }
        String trail = Files.readString(audit);
        assertTrue(trail.contains("\"subject\":\"ci-migrator\""), trail);
        assertTrue(trail.contains("CREATE TABLE widgets"), trail);
        assertTrue(trail.lines().anyMatch(l -> l.contains("DROP TABLE widgets") && l.contains("\"action\":\"deny\"")),
                trail);
    }

    /** The same project without this plugin's jar: what users met before it existed. */
    @Test
    void withoutThePluginJarFlywayKnowsNoGovernedUrl(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create("postgresql")) {
            Run run = migrate(dir, db, dir.resolve("audit.jsonl"), false);
            assertNotEquals(0, run.exit(), run.log());
            assertTrue(run.log().contains("No Flyway database plugin found"), run.log());
            assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                    + "current_schema()"), "nothing ran");
        }
        assertFalse(Files.exists(dir.resolve("audit.jsonl")), "the driver was never reached");
    }

    private record Run(int exit, String log) {
    }

    /** {@code mvn -o flyway:migrate -Dflyway.url=jdbc:governed:…} on a throwaway project with three migrations. */
    private static Run migrate(Path dir, TestDatabase db, Path audit, boolean withPlugin) throws Exception {
        Path repo = Path.of(System.getProperty("governance.maven-repo",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        if (!Files.exists(repo.resolve("org/flywaydb/flyway-maven-plugin/" + FLYWAY + "/flyway-maven-plugin-"
                + FLYWAY + ".jar"))) {
            String why = "the Flyway Maven plugin " + FLYWAY + " is not in " + repo
                    + " (run scripts/install-flyway-maven-plugin.sh)";
            if (TestDatabase.required()) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        Path sql = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(sql.resolve("V1__widgets.sql"),
                "CREATE TABLE widgets (id INT PRIMARY KEY, name VARCHAR(40));");
        Files.writeString(sql.resolve("V2__first_widget.sql"), "INSERT INTO widgets (id, name) VALUES (1, 'bolt');");
        Files.writeString(sql.resolve("V3__drop_widgets.sql"), "DROP TABLE widgets;");
        Path config = dir.resolve("governance.properties");
        Files.writeString(config, String.join("\n",
                "governance.identity.subject=ci-migrator",
                "governance.identity.kind=agent",
                "governance.identity.allow-unverified=true",
                "governance.environment=staging",
                "governance.audit.sinks=jsonl:" + audit));
        Files.writeString(dir.resolve("pom.xml"), pom(config, withPlugin));

        List<String> command = List.of(mvn(), "-o", "-B", "-q",
                "-Dmaven.repo.local=" + repo,
                "org.flywaydb:flyway-maven-plugin:" + FLYWAY + ":migrate",
                "-Dflyway.url=" + db.governedUrl(),
                "-Dflyway.user=" + db.user(),
                "-Dflyway.locations=filesystem:" + sql);
        Path log = dir.resolve("mvn.log");
        Process mvn = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!mvn.waitFor(5, TimeUnit.MINUTES)) {
            mvn.destroyForcibly();
            throw new AssertionError("mvn did not finish: " + Files.readString(log));
        }
        return new Run(mvn.exitValue(), Files.readString(log));
    }

    private static String mvn() {
        String home = System.getProperty("maven.home");
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    /** The user's project: the Flyway plugin with the two jars of ours and the database's Flyway support and driver. */
    private static String pom(Path governanceConfig, boolean withPlugin) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>migrations</artifactId><version>1</version>
                  <packaging>pom</packaging>
                  <build><plugins><plugin>
                    <groupId>org.flywaydb</groupId><artifactId>flyway-maven-plugin</artifactId><version>%1$s</version>
                    <configuration>
                      <jdbcProperties><governance.config>%5$s</governance.config></jdbcProperties>
                    </configuration>
                    <dependencies>
                      <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>%1$s</version></dependency>
                      <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>%2$s</version></dependency>
                      %3$s
                      %4$s
                    </dependencies>
                  </plugin></plugins></build>
                </project>
                """.formatted(FLYWAY, System.getProperty("postgresql.version", "42.7.13"),
                systemJar("governance-jdbc", "governance.driver-jar"),
                withPlugin ? systemJar("governance-jdbc-flyway", "governance.plugin-jar") : "", governanceConfig);
    }

    private static String systemJar(String artifact, String property) {
        Path jar = Path.of(System.getProperty(property, "missing-" + property));
        assertTrue(Files.isRegularFile(jar), property + " names no jar: " + jar);
        return "<dependency><groupId>dev.governance</groupId><artifactId>" + artifact + "</artifactId>"
                + "<version>0</version><scope>system</scope><systemPath>" + jar.toAbsolutePath() + "</systemPath>"
                + "</dependency>";
    }
}
