package dev.governance.jdbc.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.cli.AuditCommand;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditCrashTest {
    @TempDir
    Path dir;

    @Test
    void killedWriterLeavesEveryAcknowledgedEventAndAChainThatContinues() throws Exception {
        Path file = dir.resolve("crash.jsonl");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread[] reader = new Thread[1];
        List<Long> acked = Load.acks(child, reader);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acked.size() < 300 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(child.isAlive(), "the writer was still running when killed");
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        reader[0].join(10_000);
        assertTrue(acked.size() >= 100, "acknowledged " + acked.size());
        assertTrue(Files.size(file) < 512L * 1024 * 1024, "bounded test file: " + Files.size(file));

        AuditVerifier.Result result = AuditVerifier.verify(file);
        System.out.println("crash test: " + acked.size() + " acknowledged; " + result.summary());
        assertNotEquals(AuditVerifier.Status.BROKEN, result.status(), result.summary());
        int exit = verifyExitCode(file);
        assertEquals(result.status() == AuditVerifier.Status.INTACT ? 0 : AuditCommand.EXIT_TORN, exit);

        Set<Long> inFile = new HashSet<>();
        ObjectMapper mapper = new ObjectMapper();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String whole = text.substring(0, text.lastIndexOf('\n') + 1);
        for (String line : whole.split("\n")) {
            inFile.add(mapper.readTree(line).get("seq").asLong());
        }
        for (long seq : acked) {
            assertTrue(inFile.contains(seq), "acknowledged seq " + seq + " is in the file");
        }

        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            assertEquals(result.lastSeq() + 1, trail.recordSync(Events.connect("after-crash")));
        }
        AuditVerifier.Result after = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, after.status(), after.summary());
        assertEquals(result.lastSeq() + 1, after.lastSeq());
        assertEquals(0, verifyExitCode(file));
    }

    @Test
    void aNormalExitDrainsTheQueueThroughTheShutdownHook() throws Exception {
        Path file = dir.resolve("exit.jsonl");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), file.toString(), "exit", "5000")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("recorded 5000"), output);
        AuditVerifier.Result result = AuditVerifier.verify(file);
        assertEquals(AuditVerifier.Status.INTACT, result.status(), result.summary());
        assertEquals(5000, result.records(), "nothing queued was lost at exit");
    }

    private static int verifyExitCode(Path file) {
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        return cli.execute("verify", file.toString());
    }

}
