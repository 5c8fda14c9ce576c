package dev.governance.jdbc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drop-in jar: a JVM with only it and H2 on the classpath gets governed connections. */
class ShadedJarIT {
    private static Path allJar;
    private static Path h2Jar;

    @BeforeAll
    static void locateJars() {
        allJar = Path.of(System.getProperty("governance.all-jar", "target/governance-jdbc-all.jar"));
        assertTrue(Files.isRegularFile(allJar), "the -all jar was not built: " + allJar);
        h2Jar = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.matches(".*[/\\\\]h2-[0-9.]+\\.jar")) {
                h2Jar = Path.of(entry);
            }
        }
        assertTrue(h2Jar != null && Files.isRegularFile(h2Jar), "H2 jar not on the test classpath");
    }

    @Test
    void aJvmWithOnlyTheAllJarAndH2ConnectsAndQueries(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("Smoke.java");
        Files.writeString(program, """
                import java.sql.*;
                import java.util.Properties;
                public class Smoke {
                    public static void main(String[] args) throws Exception {
                        Properties p = new Properties();
                        p.setProperty("governance.identity.subject", "smoke-service");
                        p.setProperty("governance.identity.kind", "service");
                        p.setProperty("governance.identity.allow-unverified", "true");
                        p.setProperty("governance.audit.sinks", "otel");
                        try (Connection c = DriverManager.getConnection("jdbc:governed:h2:mem:smoke;DB_CLOSE_DELAY=-1", p);
                             Statement s = c.createStatement()) {
                            s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(10))");
                            s.execute("INSERT INTO t VALUES (1, 'hello')");
                            try (ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = 1")) {
                                rs.next();
                                System.out.println("value=" + rs.getString(1));
                            }
                            System.out.println("governed=" + c.getClass().getName());
                        }
                        p.setProperty("governance.identity.kind", "agent");
                        try (Connection agent = DriverManager.getConnection("jdbc:governed:h2:mem:smoke;DB_CLOSE_DELAY=-1", p);
                             Statement s = agent.createStatement()) {
                            s.execute("DROP TABLE t");
                        } catch (SQLException e) {
                            System.out.println("refused=" + e.getSQLState());
                        }
                    }
                }
                """);
        Process process = new ProcessBuilder(javaBinary(), "-cp", allJar + File.pathSeparator + h2Jar, program.toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("value=hello"), output);
        assertTrue(output.contains("governed=dev.governance.jdbc.wrapper.ConnectionWrapper"), output);
        assertTrue(output.contains("refused=42501"), "the relocated parser and policy work inside the jar: " + output);
    }

    @Test
    void theAllJarRunsTheCommandLine() throws Exception {
        Process process = new ProcessBuilder(javaBinary(), "-jar", allJar.toString(), "--help")
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Usage: governance-jdbc"), output);
    }

    @Test
    void checkExitCodesFromARealProcess() throws Exception {
        assertEquals(0, runJar("check", "--kind", "agent", "SELECT * FROM orders WHERE id = 1"));
        assertEquals(3, runJar("check", "--kind", "agent", "DROP TABLE orders"));
        assertEquals(4, runJar("check", "--kind", "human", "--env", "production", "TRUNCATE TABLE orders"));
    }

    private static int runJar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", allJar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return process.exitValue();
    }

    @Test
    void everyDependencyIsRelocatedExceptTheOpenTelemetryApi() throws IOException {
        List<String> unrelocated = new ArrayList<>();
        boolean sawShadedParser = false;
        boolean sawOtelApi = false;
        boolean sawDriverService = false;
        try (JarFile jar = new JarFile(allJar.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                String path = name.startsWith("META-INF/versions/") ? name.replaceFirst("META-INF/versions/\\d+/", "") : name;
                if (path.startsWith("dev/governance/jdbc/shaded/jsqlparser/")) {
                    sawShadedParser = true;
                }
                if (path.startsWith("io/opentelemetry/api/")) {
                    sawOtelApi = true;
                }
                if (name.equals("META-INF/services/java.sql.Driver")) {
                    sawDriverService = true;
                }
                if (path.endsWith(".class") && !path.startsWith("dev/governance/jdbc/")
                        && !path.startsWith("io/opentelemetry/")) {
                    unrelocated.add(name);
                }
            }
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals("dev.governance.jdbc.GovernedDriver", services.strip());
            assertEquals("dev.governance.jdbc.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        assertEquals(List.of(), unrelocated.subList(0, Math.min(20, unrelocated.size())), "unrelocated classes");
        assertTrue(sawShadedParser, "JSqlParser is inside, relocated");
        assertTrue(sawOtelApi, "the OpenTelemetry API is inside, under its own package");
        assertTrue(sawDriverService);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
