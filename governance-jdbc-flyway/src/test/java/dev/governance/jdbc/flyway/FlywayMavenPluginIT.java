package dev.governance.jdbc.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Path audit = dir.resolve("audit.jsonl");
        Path config = dir.resolve("governance.properties");
        Files.writeString(config, String.join("\n",
                "governance.identity.subject=ci-migrator",
                "governance.identity.kind=agent",
                "governance.identity.allow-unverified=true",
                "governance.environment=staging",
                "governance.audit.sinks=jsonl:" + audit));
        Files.writeString(dir.resolve("pom.xml"), pom(config));

        try (TestDatabase db = TestDatabase.create("postgresql")) {
            List<String> command = new ArrayList<>(List.of(mvn(), "-o", "-B", "-q",
                    "-Dmaven.repo.local=" + repo,
                    "org.flywaydb:flyway-maven-plugin:" + FLYWAY + ":migrate",
                    "-Dflyway.url=" + db.governedUrl(),
                    "-Dflyway.user=" + db.user(),
                    "-Dflyway.locations=filesystem:" + sql));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mvn.log").toFile());
            Process mvn = pb.start();
            if (!mvn.waitFor(5, TimeUnit.MINUTES)) {
                mvn.destroyForcibly();
                throw new AssertionError("mvn did not finish: " + Files.readString(dir.resolve("mvn.log")));
            }
            String log = Files.readString(dir.resolve("mvn.log"));
            assertNotEquals(0, mvn.exitValue(), "V3's DROP is refused, so migrate fails: " + log);
            assertTrue(log.contains("42501") && log.contains("agent-no-drop"), "the driver's refusal: " + log);
            assertTrue(!log.contains("No Flyway database plugin found"), log);

            assertEquals(1, db.count("SELECT COUNT(*) FROM widgets WHERE name = 'bolt'"), "V1 and V2 ran: " + log);
            assertEquals(2, db.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success"),
                    "V1 and V2 recorded; V3 (PostgreSQL: rolled back) not: " + log);
        }
        String trail = Files.readString(audit);
        assertTrue(trail.contains("\"subject\":\"ci-migrator\""), trail);
        assertTrue(trail.contains("CREATE TABLE widgets"), trail);
        assertTrue(trail.lines().anyMatch(l -> l.contains("DROP TABLE widgets") && l.contains("\"action\":\"deny\"")),
                trail);
    }

    private static String mvn() {
        String home = System.getProperty("maven.home");
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    /** The user's project: the Flyway plugin with the two jars of ours and the database's Flyway support and driver. */
    private static String pom(Path governanceConfig) {
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
                systemJar("governance-jdbc-flyway", "governance.plugin-jar"), governanceConfig);
    }

    private static String systemJar(String artifact, String property) {
        Path jar = Path.of(System.getProperty(property, "missing-" + property));
        assertTrue(Files.isRegularFile(jar), property + " names no jar: " + jar);
        return "<dependency><groupId>dev.governance</groupId><artifactId>" + artifact + "</artifactId>"
                + "<version>0</version><scope>system</scope><systemPath>" + jar.toAbsolutePath() + "</systemPath>"
                + "</dependency>";
    }
}
