package dev.governance.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "What an agent sees" is the demo's real output (the README's first command runs the demo): only
 * what differs from run to run — request ids, hashes, email placeholders (a per-process key), the temp
 * directory — is compared as a placeholder. Output that isn't a terminal carries no colour codes.
 */
class ReadmeDemoTest {
    private static final String START = "## What an agent sees\n\n```\n";

    static String normalize(String text) {
        String tmp = System.getProperty("java.io.tmpdir");
        String t = text.replace("\r\n", "\n");
        if (!tmp.equals("/tmp") && !tmp.equals("/tmp/")) {
            t = t.replace(Path.of(tmp, "governance-demo-audit.jsonl").toString(), "/tmp/governance-demo-audit.jsonl");
        }
        t = t.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("[0-9a-f]{64}", "<hash>")
                .replaceAll("<email:[0-9a-f]{8}>", "<email:*>")
                .replaceAll("(?m)[ \t]+$", "");
        return t.strip();
    }

    @Test
    void readmeShowsTheDemosRealOutput() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        int start = readme.indexOf(START);
        assertTrue(start >= 0, "README has a 'What an agent sees' block");
        int end = readme.indexOf("\n```", start + START.length());
        String shown = readme.substring(start + START.length(), end);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Demo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertFalse(output.contains("\u001b["), "no ANSI escape codes when the output is not a terminal");
        assertEquals(normalize(output), normalize(shown), "README.md must show the demo's real output;"
                + " regenerate it with the README's first command");
    }
}
