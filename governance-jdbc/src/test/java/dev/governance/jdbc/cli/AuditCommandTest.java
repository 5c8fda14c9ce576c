package dev.governance.jdbc.cli;

import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.EventType;
import dev.governance.jdbc.audit.JsonlSink;
import dev.governance.jdbc.audit.Phase;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditCommandTest {
    @TempDir
    Path dir;
    Path file;
    String out;
    String err;

    @BeforeEach
    void trail() throws Exception {
        file = dir.resolve("audit.jsonl");
        AuditEvent.Who agent = new AuditEvent.Who("agent-7", "agent", List.of("ops"), true, "alice");
        AuditEvent.Who human = new AuditEvent.Who("bob", "human", List.of("dba"), true, null);
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file)), Settings.OnFailure.FAIL_CLOSED, 16)) {
            trail.record(AuditEvent.builder(EventType.CONNECT).ts(Instant.now().minus(3, ChronoUnit.DAYS))
                    .identity(agent).connectionId("c1").environment("production").build());
            trail.record(AuditEvent.builder(EventType.STATEMENT).ts(Instant.now().minus(3, ChronoUnit.DAYS))
                    .identity(agent).connectionId("c1").sql("SELECT * FROM public.customers").type("SELECT")
                    .tables(List.of("public.customers"), List.of()).decision("allow", List.of(), "enforce").rows(12L)
                    .build());
            AuditEvent intent = AuditEvent.builder(EventType.STATEMENT).phase(Phase.INTENT)
                    .identity(agent).connectionId("c1").sql("UPDATE public.orders SET status = ? WHERE id = ?")
                    .type("UPDATE").tables(List.of("public.orders"), List.of("public.orders"))
                    .decision("allow", List.of(), "enforce").build();
            trail.recordSync(intent);
            trail.record(intent.outcome(1L, 300L, null));
            trail.record(AuditEvent.builder(EventType.STATEMENT).identity(agent).connectionId("c1")
                    .sql("DROP TABLE public.orders").type("DROP").tables(List.of(), List.of("public.orders"))
                    .decision("deny", List.of("no-drop"), "enforce").error("42501: denied").build());
            trail.record(AuditEvent.builder(EventType.STATEMENT).identity(human).connectionId("c2")
                    .sql("SELECT 1").type("SELECT").decision("allow", List.of(), "enforce").rows(1L).build());
        }
    }

    @Test
    void verifyIntactExitsZero() {
        assertEquals(0, run("verify", file.toString()));
        assertTrue(out.contains("intact: 6 records, seq 1..6"), out);
    }

    @Test
    void verifyTamperedExitsOneWithTheFirstBadSeq() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(2);
        Files.write(file, lines);
        assertEquals(1, run("verify", file.toString()));
        assertTrue(out.contains("BROKEN at seq 3"), out);
    }

    @Test
    void verifyTornExitsThreeAndSaysSo() throws Exception {
        Files.writeString(file, "{\"seq\":7,\"ts\":\"20", StandardOpenOption.APPEND);
        assertEquals(AuditCommand.EXIT_TORN, run("verify", file.toString()));
        assertTrue(out.contains("torn last line (crash), chain intact up to seq 6"), out);
    }

    @Test
    void verifyMissingFileExitsOne() {
        assertEquals(1, run("verify", dir.resolve("nope.jsonl").toString()));
        assertTrue(err.contains("no such file"), err);
    }

    @Test
    void queryFiltersAndPrintsATable() {
        assertEquals(0, run("query", file.toString(), "--subject", "agent-*", "--table", "orders"));
        String[] rows = out.strip().split("\n");
        assertEquals(4, rows.length, out); // header + intent + outcome + drop
        assertTrue(rows[0].startsWith("TS"), out);
        assertTrue(rows[1].contains("statement/intent") && rows[1].contains("UPDATE"), out);
        assertTrue(rows[2].contains("statement/outcome") && rows[2].contains("r:public.orders w:public.orders"), out);
        assertTrue(rows[3].contains("DROP") && rows[3].contains("deny"), out);
        assertTrue(err.contains("3 event(s)"), err);
    }

    @Test
    void queryDecisionSinceAndJson() throws Exception {
        assertEquals(0, run("query", file.toString(), "--decision", "deny", "--json"));
        String[] lines = out.strip().split("\n");
        assertEquals(1, lines.length, out);
        assertTrue(lines[0].contains("\"sql\":\"DROP TABLE public.orders\"") && lines[0].contains("\"hash\":"), out);
        assertEquals(Files.readAllLines(file).get(4), lines[0], "printed exactly as stored");

        assertEquals(0, run("query", file.toString(), "--since", "1d", "--json"));
        assertEquals(4, out.strip().split("\n").length, out);
        assertEquals(0, run("query", file.toString(), "--since", "P7D", "--json"));
        assertEquals(6, out.strip().split("\n").length, out);
        assertEquals(0, run("query", file.toString(), "--subject", "bob", "--json"));
        assertFalse(out.contains("agent-7"), out);
    }

    @Test
    void badDurationIsAUsageError() {
        assertEquals(2, run("query", file.toString(), "--since", "yesterday"));
        assertTrue(err.contains("--since"), err);
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = new CommandLine(new AuditCommand());
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }
}
