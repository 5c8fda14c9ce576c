package dev.governance.jdbc.trail;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail of the whole suite holds none of the fixtures' secrets. Run by its own failsafe execution after
 * every unit and integration test of the build (see the module's pom): each test's temporary directory, where its
 * JSONL trails are, is kept under {@code target/test-trails}; the secrets are collected from the test sources
 * ({@link FixtureSecrets}); hashes and placeholders don't count ({@link TrailScanner}).
 */
class SuiteTrailScan {

    @Test
    void noTrailOfTheSuiteHoldsAFixtureSecret() {
        Path trails = Path.of(property("governance.test-trails"));
        Set<String> secrets = FixtureSecrets.collect(Path.of(property("governance.test-sources")));
        assertTrue(secrets.size() >= 20, "too few fixture secrets found to mean anything: " + secrets);

        List<Path> roots = new java.util.ArrayList<>(List.of(trails.resolve("unit"), trails.resolve("it")));
        // a test that kept the default sink wrote governance-audit.jsonl (and its segments) in the working directory
        try (java.util.stream.Stream<Path> here = Files.list(Path.of("").toAbsolutePath())) {
            here.filter(f -> f.getFileName().toString().startsWith("governance-audit")).forEach(roots::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TrailScanner.Scan scan = TrailScanner.scan(roots, secrets);
        if (wholeSuite()) {
            // a scan of nothing proves nothing: the suite writes hundreds of trails
            assertTrue(scan.files().size() >= 100, "only " + scan.files().size() + " trails found under " + trails);
            assertTrue(scan.lines() >= 5_000, "only " + scan.lines() + " records found under " + trails);
        }
        String findings = scan.findings().stream().map(TrailScanner.Finding::toString).distinct().limit(40)
                .collect(Collectors.joining("\n"));
        assertEquals(0, scan.findings().size(), scan.findings().size() + " secrets in " + scan.files().size()
                + " trails (" + scan.lines() + " records):\n" + findings);
    }

    /** True unless the build ran a chosen few tests ({@code -Dtest=…}, {@code -Dit.test=…}). */
    private static boolean wholeSuite() {
        return unset(System.getProperty("governance.it-selection"))
                && unset(System.getProperty("governance.unit-selection"));
    }

    private static boolean unset(String selection) {
        return selection == null || selection.isBlank() || selection.startsWith("${");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank() && Files.exists(Path.of(value)), name + " = " + value);
        return value;
    }
}
