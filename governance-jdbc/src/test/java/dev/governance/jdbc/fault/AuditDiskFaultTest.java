package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit disk full: a child JVM runs a governed agent under a file-size limit ({@code ulimit -S -f}, the write
 * fails with EFBIG as on a full disk), so the audit file can't grow. Under the default {@code fail-closed} the
 * statement that can't be recorded is refused with VG010 and does not run (the child's raw H2 connection looks);
 * once the limit is lifted ({@code prlimit} on the child, as an operator freeing space) the trail recovers on its
 * own, the backlog (the refusal included) reaches the file, statements run again, and the chain verifies.
 */
class AuditDiskFaultTest {
    private static final int LIMIT_KB = 16;

    @TempDir
    Path dir;

    @Test
    void aFullAuditDiskRefusesWithVg010AndTheTrailCatchesUpWhenThereIsRoomAgain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder("bash", "-c", "ulimit -S -f " + LIMIT_KB + " && exec \"$0\" \"$@\"",
                java.toString(), "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                AuditDiskMain.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            assertEquals("ready", out.readLine());
            List<Integer> ran = new ArrayList<>();
            String refusal = null;
            int refused = -1;
            for (int id = 1; id <= 400 && refused < 0; id++) {
                String answer = ask(in, out, "exec INSERT INTO items VALUES (" + id + ")");
                if (answer.equals("ok 1")) {
                    ran.add(id);
                } else {
                    refusal = answer;
                    refused = id;
                }
            }
            assertNotNull(refusal, "the audit file reached the limit");
            assertTrue(refusal.startsWith("err VG010 "), refusal);
            assertTrue(refusal.contains("File too large"), "the message says why: " + refusal);
            assertFalse(ran.isEmpty());
            assertTrue(Files.size(file) <= LIMIT_KB * 1024L, "the limit held: " + Files.size(file));
            assertEquals("val 0", ask(in, out, "raw SELECT COUNT(*) FROM items WHERE id = " + refused), "did not run");
            assertEquals("val " + ran.size(), ask(in, out, "raw SELECT COUNT(*) FROM items"));
            assertEquals("healthy false", ask(in, out, "healthy"));

            Process lift = new ProcessBuilder("prlimit", "--pid", String.valueOf(child.pid()), "--fsize=unlimited")
                    .redirectErrorStream(true).start();
            assertTrue(lift.waitFor(10, TimeUnit.SECONDS) && lift.exitValue() == 0,
                    "prlimit: " + new String(lift.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!ask(in, out, "healthy").equals("healthy true") && System.nanoTime() < deadline) {
                Thread.sleep(25); // the sink retries on its own back-off (100 ms, doubling)
            }
            assertEquals("healthy true", ask(in, out, "healthy"), "recovered once the file could grow");
            assertEquals("ok 1", ask(in, out, "exec INSERT INTO items VALUES (" + refused + ")"), "runs again");
            assertEquals("val " + (ran.size() + 1), ask(in, out, "raw SELECT COUNT(*) FROM items"));
            in.println("exit");
            assertEquals("bye", out.readLine());
        } finally {
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertEquals(0, child.exitValue());

        List<JsonNode> events = FaultTrail.read(file); // the chain verifies across the failure
        List<JsonNode> statements = FaultTrail.named(events, "statement", "INSERT INTO items");
        List<JsonNode> vg010 = statements.stream().filter(e -> e.path("error").asText().startsWith("VG010")).toList();
        assertEquals(1, vg010.size(), "the refusal is in the trail, delivered from the backlog: " + vg010);
        String sql = vg010.get(0).path("sql").asText();
        assertTrue(statements.stream().anyMatch(e -> e.path("sql").asText().equals(sql)
                        && e.path("phase").asText().equals("outcome") && e.path("rows").asInt() == 1),
                "the retried insert ran and is recorded: " + sql);
        assertFalse(Files.exists(Path.of(file + ".torn")), "no torn write was left in the file");
        assertEquals("close", events.get(events.size() - 1).path("event").asText(), "the exit was recorded too");
    }

    /**
     * The audit folder can't be written when the trail starts (it stands for a read-only or unmounted volume: the
     * folder's name is taken by a regular file, which stops even root, unlike {@code chmod}): connect is refused with
     * VG010 and nothing reaches the database; once the folder exists, the trail recovers by itself, the refused
     * connect is in the file as {@code connect-denied}, and the next connection works.
     */
    @Test
    void anUnwritableAuditFolderRefusesConnectWithVg010UntilItCanBeWritten() throws Exception {
        Path folder = dir.resolve("volume");
        Files.writeString(folder, "not a folder");
        Path file = folder.resolve("audit.jsonl");
        String db = "h2:mem:ro" + java.util.UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        java.util.Properties agent = FaultTrail.audited(dev.governance.jdbc.testing.TestConnections.agent(), file);
        dev.governance.jdbc.audit.AuditTrail trail = dev.governance.jdbc.audit.AuditTrail.of(
                new dev.governance.jdbc.config.SettingsLoader().load(agent).settings().audit());
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:" + db);
             java.sql.Statement r = raw.createStatement()) {
            r.execute("CREATE TABLE items(id INT PRIMARY KEY)");
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> java.sql.DriverManager.getConnection("jdbc:governed:" + db, agent));
            assertEquals("VG010", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains(folder.toString()), "names the file: " + refused.getMessage());
            assertFalse(trail.healthy());

            Files.delete(folder);
            Files.createDirectory(folder);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!trail.healthy() && System.nanoTime() < deadline) {
                Thread.sleep(25);
            }
            assertTrue(trail.healthy(), "recovered: " + trail.failure());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:governed:" + db, agent);
                 java.sql.Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("INSERT INTO items VALUES (1)"));
            }
            try (java.sql.ResultSet rs = r.executeQuery("SELECT COUNT(*) FROM items")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "the recovered connection's insert is in the database");
            }
        }
        List<JsonNode> events = FaultTrail.events(agent, file);
        JsonNode denied = events.stream().filter(e -> e.path("event").asText().equals("connect-denied")).findFirst()
                .orElseThrow(() -> new AssertionError("the refused connect is recorded: " + events));
        assertTrue(denied.path("error").asText().startsWith("VG010: "), denied.toString());
        assertEquals(1, FaultTrail.named(events, "connect", null).size(), "one connect, the recovered one");
        assertEquals(2, FaultTrail.named(events, "statement", "INSERT INTO items").size(), "intent and outcome");
    }

    private static String ask(PrintWriter in, BufferedReader out, String command) throws Exception {
        in.println(command);
        String answer = out.readLine();
        assertNotNull(answer, "the child answered " + command);
        return answer;
    }
}
