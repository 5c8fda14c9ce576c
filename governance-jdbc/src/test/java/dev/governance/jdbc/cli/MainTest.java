package dev.governance.jdbc.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("version"), run.out());
        assertTrue(run.out().contains("Usage: governance-jdbc"), run.out());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Run run = run("version");
        assertEquals(0, run.exit());
        assertTrue(run.out().matches("governance-jdbc \\d+\\.\\d+\\.\\d+.*\\R"), run.out());
    }

    @Test
    void unknownCommandFails() {
        Run run = run("frobnicate");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    @Test
    void extensionOnTheClasspathIsACommandAndGetsItsArgumentsUntouched() {
        Run run = run("echo-args", "--store", "jdbc:h2:mem:x", "-v", "--http=127.0.0.1:0", "plain");
        assertEquals(0, run.exit(), run.err());
        assertEquals("--store|jdbc:h2:mem:x|-v|--http=127.0.0.1:0|plain", run.out().strip());
        assertEquals(7, run("echo-args", "fail").exit());
        assertTrue(run("--help").out().contains("Prints its arguments (test extension)."));
    }

    @Test
    void extensionNamedLikeABuiltInCommandDoesNotReplaceIt() {
        Run run = run("version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("governance-jdbc "), run.out());
    }
}
