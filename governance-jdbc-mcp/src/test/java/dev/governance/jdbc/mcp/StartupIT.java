package dev.governance.jdbc.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting the server: a stdio identity that fails verification stops it; {@code --driver JAR} adds a real driver. */
class StartupIT {
    @TempDir
    Path dir;

    @Test
    void anExpiredConfiguredTokenStopsTheServerAtStart() throws Exception {
        McpFixture fixture = new McpFixture(dir);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, McpScenarios.POLICY);
        Path config = fixture.config("expired.properties", fixture.expiredToken("agent-7"), policy, "memory",
                dir.resolve("audit.jsonl"));
        Process p = new ProcessBuilder(McpFixture.java(), "-jar", McpFixture.jar().toString(),
                "--url", "jdbc:governed:h2:mem:expired", "--config", config.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertEquals(1, p.exitValue(), stderr);
        assertTrue(stderr.contains("28000") && stderr.contains("expired"), stderr);
        assertEquals("", stdout, "nothing on the protocol channel");
    }

    /** A driver for {@code jdbc:other:…} the jar doesn't carry (it hands H2 the URL), loaded with --driver. */
    @Test
    void driverJarAddsARealDriver() throws Exception {
        Path src = dir.resolve("src/example/OtherDriver.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package example;
                import java.sql.*;
                import java.util.Properties;
                public final class OtherDriver implements Driver {
                    private final Driver h2 = new org.h2.Driver();
                    private static String h2(String url) { return "jdbc:h2:" + url.substring("jdbc:other:".length()); }
                    public Connection connect(String url, Properties info) throws SQLException {
                        return acceptsURL(url) ? h2.connect(h2(url), info) : null;
                    }
                    public boolean acceptsURL(String url) { return url != null && url.startsWith("jdbc:other:"); }
                    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
                    public int getMajorVersion() { return 1; }
                    public int getMinorVersion() { return 0; }
                    public boolean jdbcCompliant() { return false; }
                    public java.util.logging.Logger getParentLogger() { return java.util.logging.Logger.getGlobal(); }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK");
        Path classes = dir.resolve("classes");
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString()));
        Path jar = dir.resolve("other-driver.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("example/OtherDriver.class"));
            out.write(Files.readAllBytes(classes.resolve("example/OtherDriver.class")));
            out.putNextEntry(new JarEntry("META-INF/services/java.sql.Driver"));
            out.write("example.OtherDriver\n".getBytes(StandardCharsets.UTF_8));
        }
        Path config = dir.resolve("gov.properties");
        Files.writeString(config, "governance.identity.subject=agent-1\ngovernance.identity.kind=agent\n"
                + "governance.identity.allow-unverified=true\ngovernance.audit.sinks=jsonl:" + dir.resolve("a.jsonl") + "\n");
        Process p = new ProcessBuilder(McpFixture.java(), "-jar", McpFixture.jar().toString(), "--driver", jar.toString(),
                "--url", "jdbc:governed:other:mem:other;DB_CLOSE_DELAY=-1", "--config", config.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String answer = null;
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String m : new String[] {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"0\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"query\","
                        + "\"arguments\":{\"sql\":\"SELECT H2VERSION() AS v\"}}}"}) {
                in.write((m + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("\"id\":2")) {
                    answer = line;
                    break;
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertNotNull(answer, "no answer; stderr:\n" + stderr);
        assertTrue(answer.contains("\\\"rowCount\\\":1") && !answer.contains("\"isError\":true"), answer);
    }
}
