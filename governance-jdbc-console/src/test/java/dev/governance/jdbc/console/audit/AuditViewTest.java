package dev.governance.jdbc.console.audit;

import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.audit.AuditFiles;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.EventType;
import dev.governance.jdbc.config.SegmentPolicy;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit view over a trail the driver's own writer produced: filters, pages newest first, summary, chain state. */
class AuditViewTest {
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;
    TrailFiles files;

    @BeforeEach
    void writeTrail() throws Exception {
        // Small segments, compressed once closed: the view reads across all of them.
        try (AuditTrail trail = AuditTrail.of(new Settings.AuditSettings(
                List.of("jsonl:" + dir.resolve("governance-audit.jsonl")), Settings.OnFailure.FAIL_CLOSED, false,
                new SegmentPolicy(4_000, null, 0, null, true)))) {
            for (int i = 0; i < 130; i++) {
                boolean refused = i % 10 == 0;
                String subject = i % 2 == 0 ? "agent-a" : "agent-b";
                trail.recordSync(AuditEvent.builder(EventType.STATEMENT).ts(START.plusSeconds(60L * i))
                        .identity(new AuditEvent.Who(subject, "agent", List.of("agents"), true, i % 4 == 1 ? "alice" : null))
                        .environment(i < 100 ? "production" : "staging")
                        .sql(refused ? "DROP TABLE orders" : "SELECT id FROM " + (i % 3 == 0 ? "orders" : "customers"))
                        .type(refused ? "DROP" : "SELECT")
                        .tables(refused || i % 3 != 0 ? List.of("public.customers") : List.of("public.orders"), List.of())
                        .decision(refused ? "deny" : "allow", refused ? List.of("no-drop") : List.of(), "enforce")
                        .rows(refused ? null : (long) i).durationMicros(100L + i).build());
            }
            trail.flush();
        }
        compressionFinished(dir.resolve("governance-audit.jsonl"));
        files = new TrailFiles(dir, List.of());
    }

    /**
     * Closing the trail waits a bounded time for the segment housekeeper, which is shared by every trail of the JVM;
     * on a loaded machine it may still be compressing. The views read either form, but the temporary directory
     * can't be removed while it writes, so wait until every closed segment is compressed.
     */
    static void compressionFinished(Path live) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            boolean done;
            try (java.util.stream.Stream<Path> listed = Files.list(live.getParent())) {
                done = AuditFiles.trail(live).closed().stream().allMatch(AuditFiles.Segment::compressed)
                        && listed.noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
            }
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the housekeeper never finished compressing " + live);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void pagesAreNewestFirstAndCoverEveryMatchOnce() throws Exception {
        Timeline timeline = new Timeline(files);
        Timeline.Page first = timeline.page(AuditFilter.NONE, 0, 50);
        assertEquals(130, first.matched());
        assertEquals(50, first.entries().size());
        assertEquals(130, first.entries().get(0).seq(), "newest first");
        assertTrue(first.hasNext());
        Timeline.Page third = timeline.page(AuditFilter.NONE, 2, 50);
        assertEquals(30, third.entries().size());
        assertEquals(1, third.entries().get(29).seq());
        assertFalse(third.hasNext());
    }

    @Test
    void filtersCombineIdentityTableDecisionEnvironmentAndTime() throws Exception {
        Timeline timeline = new Timeline(files);
        Instant now = START.plusSeconds(60L * 200);
        Timeline.Page refusals = timeline.page(AuditFilter.from(Map.of("subject", "agent-a", "decision", "deny"), now), 0, 50);
        assertEquals(13, refusals.matched(), "every tenth event, all of agent-a");
        refusals.entries().forEach(e -> {
            assertEquals("agent-a", e.record().path("identity").path("subject").asText());
            assertEquals("deny", e.record().path("decision").path("action").asText());
        });
        assertEquals(30, timeline.page(AuditFilter.from(Map.of("environment", "staging"), now), 0, 50).matched());
        Timeline.Page window = timeline.page(AuditFilter.from(Map.of("since", "2026-12-01T10:10:00Z",
                "until", "2026-12-01T10:19:00Z"), now), 0, 50);
        assertEquals(10, window.matched());
        assertEquals(Timeline.Page.class, window.getClass());
        long orders = timeline.page(AuditFilter.from(Map.of("table", "orders"), now), 0, 50).matched();
        assertEquals(39, orders, "tables matched with or without schema");
        assertThrows(IllegalArgumentException.class, () -> AuditFilter.from(Map.of("since", "yesterday-ish"), now));
        assertEquals(START.plusSeconds(60L * 200).minusSeconds(3600), AuditFilter.time("1h", now));
    }

    @Test
    void summaryCountsStatementsRefusalsAndTablesPerIdentity() throws Exception {
        List<IdentitySummary.Row> rows = new IdentitySummary(files).rows(AuditFilter.NONE);
        assertEquals(2, rows.size());
        IdentitySummary.Row a = rows.stream().filter(r -> r.subject.equals("agent-a")).findFirst().orElseThrow();
        assertEquals(65, a.statements);
        assertEquals(13, a.refusals);
        assertEquals(List.of("public.customers", "public.orders"), List.copyOf(a.tables));
    }

    @Test
    void chainStateIsPerSegmentAndPerTrailAndTurnsBrokenOnTampering() throws Exception {
        ChainStates chain = new ChainStates(files);
        List<ChainStates.State> states = chain.states();
        assertTrue(states.size() > 3, "several segments: " + states);
        assertTrue(states.stream().allMatch(ChainStates.State::intact), states.toString());
        assertEquals(1, states.stream().filter(s -> s.segment().equals(ChainStates.WHOLE_TRAIL)).count());

        List<Path> closed = new java.util.ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches("governance-audit\\.\\d+\\.jsonl(\\.gz)?"))
                    .sorted().forEach(closed::add);
        }
        Files.delete(closed.get(1));
        List<ChainStates.State> after = chain.states();
        ChainStates.State whole = after.stream().filter(s -> s.segment().equals(ChainStates.WHOLE_TRAIL))
                .findFirst().orElseThrow();
        assertEquals("BROKEN", whole.status(), "a missing segment breaks the trail: " + whole.summary());
        assertTrue(after.stream().filter(s -> !s.segment().equals(ChainStates.WHOLE_TRAIL))
                .allMatch(ChainStates.State::intact), "each remaining segment is still whole on its own");

        try (AuditTrail trail = AuditTrail.of(new Settings.AuditSettings(List.of("jsonl:" + dir.resolve("tamper.jsonl")),
                Settings.OnFailure.FAIL_CLOSED, false, SegmentPolicy.NEVER))) {
            for (long i = 1; i <= 10; i++) {
                trail.recordSync(AuditEvent.builder(EventType.STATEMENT).sql("SELECT 1").rows(i)
                        .decision("allow", List.of(), "enforce").build());
            }
            trail.flush();
        }
        Path tamper = dir.resolve("tamper.jsonl");
        Files.writeString(tamper, Files.readString(tamper).replaceFirst("\"rows\":7,", "\"rows\":8,"));
        ChainStates.State edited = chain.states().stream().filter(s -> s.trail().equals("tamper.jsonl"))
                .findFirst().orElseThrow();
        assertEquals("BROKEN", edited.status(), edited.summary());
        assertTrue(edited.summary().contains("seq 7"), edited.summary());
    }

    @Test
    void recordsShowEscapedAndAsRecorded() throws Exception {
        try (AuditTrail trail = AuditTrail.of(new Settings.AuditSettings(
                List.of("jsonl:" + dir.resolve("other.jsonl")), Settings.OnFailure.FAIL_CLOSED, false))) {
            trail.recordSync(AuditEvent.builder(EventType.STATEMENT).identity(new AuditEvent.Who("<b>x</b>", "agent",
                    List.of(), true, null)).sql("SELECT \"<script>alert(1)</script>\" FROM t WHERE a = ?")
                    .decision("allow", List.of(), "enforce").build());
            trail.flush();
        }
        Timeline.Page page = new Timeline(files).page(AuditFilter.from(Map.of("subject", "<b>x</b>"), Instant.now()), 0, 50);
        String html = AuditPages.timeline(page, Map.of("subject", "<b>x</b>"), List.of());
        assertFalse(html.contains("<script>alert") || html.contains("<b>x</b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("&lt;b&gt;x&lt;/b&gt;"), html);
        assertTrue(html.contains("a = <span class=\"ph\">?</span>"), "literals only as the trail recorded them");
    }
}
