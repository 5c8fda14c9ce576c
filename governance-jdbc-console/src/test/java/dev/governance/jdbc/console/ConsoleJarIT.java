package dev.governance.jdbc.console;

import dev.governance.jdbc.identity.IdentityKind;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-contained jar in a JVM of its own, as a user runs it: {@code java -jar …-console-…-all.jar serve …}
 * answers over HTTP, and the driver's command line in the same jar lists and runs {@code serve}.
 */
class ConsoleJarIT {
    private static final Pattern LISTENING = Pattern.compile("review console on (http://\\S+/)");

    private final Path jar = Path.of(System.getProperty("console.all-jar", "target/governance-jdbc-console-all.jar"));

    private static Process java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void theJarServesTheConsoleAndTheDriverCommandLineFindsServe() throws Exception {
        assertTrue(Files.isRegularFile(jar), "the -all jar was not built: " + jar);
        ConsoleFixture fixture = new ConsoleFixture(ConsoleFixture.newDirectory(), ConsoleFixture.POLICY);
        Process console = java("-jar", jar.toString(), "serve", "--store", fixture.store, "--audit",
                fixture.auditDir.toString(), "--http", "127.0.0.1:0", "--jwks", fixture.jwks.toString(),
                "--issuer", ConsoleFixture.ISSUER, "--audience", ConsoleFixture.AUDIENCE);
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
                StringBuilder seen = new StringBuilder();
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                        seen.append(line).append('\n');
                    }
                } catch (java.io.IOException e) {
                    seen.append(e);
                }
                throw new IllegalStateException("the console did not start:\n" + seen);
            });
            String base = url.get(60, TimeUnit.SECONDS);
            HttpClientSession http = new HttpClientSession(base.substring(0, base.length() - 1));
            assertEquals(401, http.get("/approvals").statusCode());
            HttpResponse<String> page = http.get("/approvals", "Authorization",
                    "Bearer " + fixture.token("dora", IdentityKind.HUMAN, List.of("dba")));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Pending approvals"), page.body());
        } finally {
            console.destroy();
            console.waitFor(30, TimeUnit.SECONDS);
        }

        String help = output(java("-cp", jar.toString(), "dev.governance.jdbc.cli.Main", "--help"));
        assertTrue(help.contains("serve") && help.contains("Serves the review console"), help);
        String serveHelp = output(java("-cp", jar.toString(), "dev.governance.jdbc.cli.Main", "serve", "--help"));
        assertTrue(serveHelp.contains("--store") && serveHelp.contains("--audit") && serveHelp.contains("--http"), serveHelp);
        Process bad = java("-jar", jar.toString(), "--store", "jdbc:governed:h2:mem:x", "--audit", "/nonexistent",
                "--jwks", "x", "--issuer", "i", "--audience", "a");
        String badOut = output(bad);
        assertEquals(2, bad.exitValue(), badOut);
        assertTrue(badOut.contains("--store must be the jdbc:<url> of the approval store"), badOut);
    }
}
