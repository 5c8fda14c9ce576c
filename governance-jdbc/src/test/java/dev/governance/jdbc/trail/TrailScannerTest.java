package dev.governance.jdbc.trail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The negative control of {@link SuiteTrailScan}: the fixture secrets are really collected, and a secret injected
 * into a trail (live file or compressed segment, any field) is found; hashes and placeholders are not findings.
 */
class TrailScannerTest {
    /** Removed after the test: the secrets injected here must not reach the suite's scan. */
    @TempDir(cleanup = CleanupMode.ALWAYS)
    Path dir;

    private static Set<String> fixtureSecrets() {
        return FixtureSecrets.collect(Path.of("src", "test"));
    }

    @Test
    void theFixturesSecretsAreCollectedFromTheTestSources() {
        Set<String> secrets = fixtureSecrets();
        // secrets of fixtures in several packages, each of a different kind
        for (String expected : List.of("tkn_Q7vX93kLm2PzR4", "tkn_9f8e7d6c5b4a3210", "fn-secret-7Qx2Lm9",
                "alice@example.com", "078-05-1120")) {
            assertTrue(secrets.contains(expected), expected + " not collected: " + secrets);
        }
        assertTrue(secrets.stream().anyMatch(s -> s.matches("[0-9]{13,19}") && FixtureSecrets.luhn(s)),
                "no card number collected: " + secrets);
        // a name in a statement is no secret: the trail records names (ApprovalsThroughDriverTest's table)
        String tableName = "secret_" + 12345; // spelled so that this file doesn't quote it whole
        assertTrue(!secrets.contains(tableName), "a table name taken for a secret");
    }

    @Test
    void aSecretInjectedIntoATrailIsFound() throws Exception {
        Set<String> secrets = fixtureSecrets();
        String token = "tkn_Q7vX93kLm2PzR4";
        String card = secrets.stream().filter(s -> s.matches("[0-9]{13,19}")).findFirst().orElseThrow();
        Path live = Files.writeString(dir.resolve("audit.jsonl"),
                "{\"seq\":1,\"sql\":\"SELECT ?\",\"error\":\"22P02: bad uuid: \\\"?\\\"\"}\n"
                        + "{\"seq\":2,\"sql\":\"SELECT ?\",\"error\":\"22P02: bad uuid: \\\"" + token + "\\\"\"}\n");
        Path segment = dir.resolve("nested").resolve("audit.000000001.jsonl.gz");
        Files.createDirectories(segment.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(segment))) {
            out.write(("{\"seq\":7,\"masked\":[\"card\"],\"reason\":\"card " + card + " refused\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        TrailScanner.Scan scan = TrailScanner.scan(List.of(dir), secrets);
        assertEquals(2, scan.files().size());
        assertEquals(3, scan.lines());
        assertEquals(List.of(new TrailScanner.Finding(live, 2, token), new TrailScanner.Finding(segment, 1, card)),
                scan.findings());
    }

    @Test
    void hashesAndPlaceholdersAreNoFindings() throws Exception {
        String card = "4111111111111111";
        Files.writeString(dir.resolve("audit.jsonl"), "{\"hash\":\"ab" + card + "9f\",\"email\":\"<email:8f3a1c2e>\","
                + "\"sql\":\"SELECT * FROM t WHERE card = ?\"}\n");
        TrailScanner.Scan scan = TrailScanner.scan(List.of(dir), Set.of(card, "alice@example.com"));
        assertEquals(List.of(), scan.findings());
        assertEquals(1, scan.lines());
    }
}
