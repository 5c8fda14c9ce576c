package dev.governance.jdbc.mcp;

import dev.governance.jdbc.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With this module on the classpath, the driver's command line has {@code mcp}. */
class McpCommandExtensionTest {
    private static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, Main.run(args));
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDriversHelpListsMcp() {
        String help = run(0, "--help");
        assertTrue(help.contains("mcp") && help.contains("Model Context Protocol"), help);
    }

    @Test
    void mcpHelpShowsItsOptions() {
        String help = run(0, "mcp", "--help");
        assertTrue(help.contains("--url") && help.contains("--http") && help.contains("--driver"), help);
    }

    @Test
    void aMissingDriverJarFailsAtStart() {
        assertEquals(1, Main.run("mcp", "--url", "jdbc:governed:h2:mem:x", "--driver", "/no/such.jar"));
    }
}
