package dev.governance.jdbc;

import dev.governance.jdbc.audit.AuditVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application whose own dependencies put an older OpenTelemetry API (1.44) ahead of the -all jar on the
 * classpath, with the default sinks ({@code otel,jsonl:governance-audit.jsonl}) and fail-closed: the JSONL file
 * keeps a record of every statement that ran, or the statement is refused with VG010 — never silent and running.
 */
class ForeignOpenTelemetryApiIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Path allJar;
    private static Path h2Jar;
    private static List<Path> foreignOtel;

    @BeforeAll
    static void locateJars() throws Exception {
        allJar = Path.of(System.getProperty("governance.all-jar", "target/governance-jdbc-all.jar"));
        assertTrue(Files.isRegularFile(allJar), "the -all jar was not built: " + allJar);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.matches(".*[/\\\\]h2-[0-9.]+\\.jar")) {
                h2Jar = Path.of(entry);
            }
        }
        assertTrue(h2Jar != null, "H2 jar not on the test classpath");
        Path dir = Path.of(System.getProperty("governance.foreign-otel", "target/foreign-otel"));
        foreignOtel = List.of(dir.resolve("opentelemetry-api-1.44.1.jar"), dir.resolve("opentelemetry-context-1.44.1.jar"));
        for (Path jar : foreignOtel) {
            assertTrue(Files.isRegularFile(jar), "copied by maven-dependency-plugin before integration tests: " + jar);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"service", "agent"})
    void everyStatementThatRanIsInTheFile(String kind, @TempDir Path dir) throws Exception {
        Path program = dir.resolve("Foreign.java");
        Files.writeString(program, """
                import java.sql.*;
                import java.util.Properties;
                public class Foreign {
                    public static void main(String[] args) throws Exception {
                        Properties p = new Properties();
                        p.setProperty("governance.identity.subject", "orders-" + args[0]);
                        p.setProperty("governance.identity.kind", args[0]);
                        p.setProperty("governance.identity.allow-unverified", "true");
                        int ran = 0, refused = 0;
                        Properties owner = new Properties();
                        owner.putAll(p);
                        owner.setProperty("governance.identity.kind", "service");
                        try (Connection c = DriverManager.getConnection("jdbc:governed:h2:mem:foreign;DB_CLOSE_DELAY=-1", owner);
                             Statement s = c.createStatement()) {
                            s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(10))");
                            ran++;
                        }
                        try (Connection c = DriverManager.getConnection("jdbc:governed:h2:mem:foreign;DB_CLOSE_DELAY=-1", p);
                             Statement s = c.createStatement()) {
                            for (int i = 0; i < 40; i++) {
                                try {
                                    if (i % 2 == 1) {
                                        s.executeUpdate("INSERT INTO t VALUES (" + i + ", 'v')");
                                    } else {
                                        try (ResultSet rs = s.executeQuery("SELECT v FROM t WHERE id = " + (i - 1))) {
                                            while (rs.next()) { }
                                        }
                                    }
                                    ran++;
                                } catch (SQLException e) {
                                    if (!"VG010".equals(e.getSQLState())) { throw e; }
                                    refused++;
                                }
                            }
                        }
                        System.out.println("ran=" + ran + " refused=" + refused);
                    }
                }
                """);
        String classpath = String.join(File.pathSeparator, foreignOtel.get(0).toString(), foreignOtel.get(1).toString(),
                allJar.toString(), h2Jar.toString());
        // No governance.audit.* settings at all: the defaults, with the file relative to the working directory.
        Process process = new ProcessBuilder(javaBinary(), "-cp", classpath, program.toString(), kind)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        Matcher m = Pattern.compile("ran=(\\d+) refused=(\\d+)").matcher(output);
        assertTrue(m.find(), output);
        int ran = Integer.parseInt(m.group(1));
        int refused = Integer.parseInt(m.group(2));
        assertEquals(41, ran + refused, output);

        Path file = dir.resolve("governance-audit.jsonl");
        long completed = 0;
        for (String line : Files.readAllLines(file)) {
            JsonNode r = MAPPER.readTree(line);
            if (r.path("event").asText().equals("statement") && !r.path("phase").asText().equals("intent")
                    && r.path("error").isNull()) {
                completed++;
            }
        }
        assertEquals(ran, completed, "one completed statement record per statement that ran: " + output);
        AuditVerifier.Result verified = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, verified.status(), verified.summary());
        // This API lacks methods the otel sink calls: the sink is off, and says so; the file is not silenced.
        assertEquals(41, ran, "the file writes, so nothing needs refusing: " + output);
        assertTrue(output.contains("is not compatible with this driver"), output);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
