package dev.governance.jdbc.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.audit.AuditFiles;
import dev.governance.jdbc.audit.AuditReader;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestConnections;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many threads through HikariCP on PostgreSQL as one agent for a bounded time: reads, writes, masked reads, refused
 * changes, changes over the max-rows limit and changes that wait for a reviewer thread's approval, with the audit
 * trail rotating every few hundred kilobytes. Measures what a long-running service needs to hold: used heap after
 * a full GC over time, the audit queue, every statement in the trail exactly once, the chain across segments, no
 * connection left behind. {@link PoolSoakIT} runs it for seconds in the default build; {@code scripts/soak.sh}
 * for minutes.
 */
public final class PoolSoak {
    static final String REVIEWER_GROUP = "dba";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 1000;
    private static final int GROUP_SIZE = 10;
    private static final int MAX_ROWS = 5;

    /** What one statement was meant to be, and so what its record must say. */
    enum Work {
        READ, WRITE, MASKED, REFUSED, MAX_ROWS, APPROVED;

        /** Agents' writes are recorded twice (intent before, outcome after); everything else once. */
        boolean twoPhases() {
            return this == WRITE || this == MAX_ROWS || this == APPROVED;
        }
    }

    /** One heap sample: used heap right after a full collection, after so many statements. */
    public record HeapSample(long statements, long usedBytes) {
    }

    /** The figures of a run, for the assertions and for docs/testing.md. */
    public record Figures(int threads, Duration duration, long statements, Map<Work, Long> byWork, long errors,
                          List<String> errorSamples, List<HeapSample> heap, double slopeBytesPerStatement,
                          int maxQueued, long trailRecords, long taggedStatements, List<String> trailProblems,
                          int segments, AuditVerifier.Result chain, int activeAtEnd, int backendsBefore,
                          int backendsAfter, long approvalsGranted, DatabaseAfter database, Path trail) {

        public double statementsPerSecond() {
            return statements / (duration.toMillis() / 1000.0);
        }

        public String summary() {
            HeapSample first = heap.isEmpty() ? null : heap.get(0);
            HeapSample last = heap.isEmpty() ? null : heap.get(heap.size() - 1);
            return String.format(Locale.ROOT, """
                    soak: %d threads, %s, %,d statements (%.0f/s) %s
                    errors: %d %s
                    heap after GC: %s -> %s MB over %d samples, slope %.2f bytes/statement after warm-up
                    heap series (statements: MB): %s
                    audit queue: at most %d waiting
                    trail: %,d records in %d segments, %,d statements tagged, problems: %s; chain %s (%,d records)
                    approvals granted: %d; database after: %s
                    connections: Hikari active at end %d; PostgreSQL backends of this pool before %d, after %d""",
                    threads, duration, statements, statementsPerSecond(), byWork, errors, errorSamples,
                    first == null ? "-" : mb(first.usedBytes()), last == null ? "-" : mb(last.usedBytes()),
                    heap.size(), slopeBytesPerStatement, series(), maxQueued, trailRecords, segments, taggedStatements,
                    trailProblems.isEmpty() ? "none" : trailProblems.size() + " " + trailProblems.subList(0,
                            Math.min(5, trailProblems.size())), chain.status(), chain.records(), approvalsGranted, database,
                    activeAtEnd, backendsBefore, backendsAfter);
        }

        private String series() {
            StringBuilder b = new StringBuilder();
            for (HeapSample h : heap) {
                b.append(b.length() == 0 ? "" : ", ").append(h.statements()).append(": ").append(mb(h.usedBytes()));
            }
            return b.toString();
        }

        private static String mb(long bytes) {
            return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
        }
    }

    private final int threads;
    private final Duration duration;
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String orders = "soak_orders_" + suffix;
    private final String people = "soak_people_" + suffix;
    private final String notes = "soak_notes_" + suffix;
    private final String application = "governance-soak-" + suffix;
    /** Approval requests live in PostgreSQL, as several instances of a service share them (not in this heap). */
    private final String approvalSchema = "soak_approvals_" + suffix;
    private final Path directory;
    private final Path trail;

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong noteIds = new AtomicLong();
    private final AtomicLong approvalsGranted = new AtomicLong();
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    /**
     * What each thread ran: {@code done[thread][k]} is the ordinal of the work of its k-th statement, tagged
     * {@code t<thread>n<k>} in the SQL. One byte per statement, so that the bookkeeping hardly shows in the heap.
     */
    private final byte[][] done;
    private final int[] doneCount;
    private volatile boolean stop;
    /**
     * Held by the reviewer while it lists and decides, and by the heap sampler: the reviewer's list of every request
     * (it grows with the requests filed) is the harness's own memory, not the driver's, and must not be sampled.
     */
    private final Object reviewing = new Object();

    public PoolSoak(int threads, Duration duration) throws Exception {
        this.threads = threads;
        this.duration = duration;
        this.directory = Files.createTempDirectory("governance-soak-");
        this.trail = directory.resolve("governance-audit.jsonl");
        this.done = new byte[threads][4096];
        this.doneCount = new int[threads];
    }

    private String policy() {
        return """
                version: 1
                identities:
                  agents: { kind: agent }
                rules:
                  - id: soak-no-unbounded-change
                    when:   { identity: agents, statement: [UPDATE, DELETE], where: absent }
                    action: deny
                    message: "Agents may not change every row"
                  - id: soak-small-blast-radius
                    when:   { identity: agents, statement: [UPDATE, DELETE] }
                    max-rows: %d
                  - id: soak-notes-reviewed
                    when:   { identity: agents, statement: [INSERT], tables: ["*%s"] }
                    action: approve
                    approvers: { groups: [%s] }
                masking:
                  detect: auto
                """.formatted(MAX_ROWS, notes, REVIEWER_GROUP);
    }

    private Properties governance() throws Exception {
        Path policyFile = directory.resolve("policy.yaml");
        if (!Files.exists(policyFile)) {
            Files.writeString(policyFile, policy());
        }
        Properties p = TestConnections.as("soak-agent", "agent");
        p.setProperty("user", Databases.postgresUser());
        p.setProperty("password", Databases.postgresPassword());
        p.setProperty("governance.policy", policyFile.toString());
        p.setProperty("governance.audit.sinks", "jsonl:" + trail);
        // a run of seconds rotates too
        p.setProperty("governance.audit.rotate", duration.compareTo(Duration.ofMinutes(1)) < 0 ? "16KB" : "64KB");
        p.setProperty("governance.audit.literals", "true"); // the tag comment stays in the recorded SQL
        p.setProperty("governance.approval.mode", "wait");
        p.setProperty("governance.approval.store", Databases.postgresUrl() + "?user=" + Databases.postgresUser()
                + "&currentSchema=" + approvalSchema);
        p.setProperty("governance.approval.timeout", "PT2M");
        return p;
    }

    private String governedUrl() {
        return "jdbc:governed:" + Databases.postgresUrl().substring("jdbc:".length()) + "?ApplicationName=" + application;
    }

    public Figures run() throws Exception {
        Databases.requirePostgres();
        createTables();
        Properties governance = governance();
        int backendsBefore = backends();
        AuditTrail auditTrail = AuditTrail.of(new SettingsLoader().load(governance).settings().audit());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(governedUrl());
        config.setDataSourceProperties(governance);
        config.setMaximumPoolSize(16);
        config.setPoolName(application);
        config.setConnectionTimeout(120_000);
        List<HeapSample> heap = Collections.synchronizedList(new ArrayList<>());
        int[] maxQueued = {0};
        int activeAtEnd;
        long started;
        long elapsedNanos;
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection reviewerConnection = DriverManager.getConnection(governedUrl(), governance)) {
            Approvals approvals = reviewerConnection.unwrap(GovernedConnection.class).approvals();
            Thread reviewer = new Thread(() -> review(approvals), "soak-reviewer");
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                workers.add(new Thread(() -> work(pool, id), "soak-" + i));
            }
            heap.add(new HeapSample(0, usedAfterGc()));
            started = System.nanoTime();
            reviewer.start();
            workers.forEach(Thread::start);
            long end = started + duration.toNanos();
            long sampleEvery = Math.max(500_000_000L, duration.toNanos() / 24);
            long nextSample = started + sampleEvery;
            while (System.nanoTime() < end) {
                Thread.sleep(20);
                maxQueued[0] = Math.max(maxQueued[0], auditTrail.queued());
                if (System.nanoTime() >= nextSample) {
                    synchronized (reviewing) {
                        heap.add(new HeapSample(statements.get(), usedAfterGc()));
                    }
                    nextSample += sampleEvery;
                }
            }
            stop = true;
            for (Thread w : workers) {
                w.join();
            }
            elapsedNanos = System.nanoTime() - started;
            reviewer.interrupt();
            reviewer.join();
            heap.add(new HeapSample(statements.get(), usedAfterGc()));
            activeAtEnd = pool.getHikariPoolMXBean().getActiveConnections();
        }
        int backendsAfter = backendsSettled(backendsBefore);
        auditTrail.flush();
        TrailCount count = countTrail();
        AuditFiles.Trail files = AuditFiles.trail(trail);
        AuditVerifier.Result chain = AuditVerifier.verify(files);
        DatabaseAfter database = databaseAfter();
        dropTables();
        if (!Boolean.getBoolean("governance.soak.keep-trail")) {
            deleteTrail();
        }
        Map<Work, Long> byWork = new java.util.EnumMap<>(Work.class);
        forEachDone((tag, w) -> byWork.merge(w, 1L, Long::sum));
        return new Figures(threads, Duration.ofNanos(elapsedNanos), statements.get(), byWork, errors.get(),
                List.copyOf(errorSamples), List.copyOf(heap), slope(heap), maxQueued[0], count.records,
                count.tagged, count.problems, files.segments().size(), chain, activeAtEnd, backendsBefore,
                backendsAfter, approvalsGranted.get(), database, trail);
    }

    // ---- the workers -----------------------------------------------------------------------------------------

    private void work(HikariDataSource pool, int thread) {
        Random random = new Random(thread * 7919L);
        long k = 0;
        while (!stop) {
            // each thread's first statement is of a kind in turn: every kind runs, even in a run of seconds
            Work w = k == 0 ? Work.values()[thread % Work.values().length] : pick(random);
            String tag = "t" + thread + "n" + k++;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                if (k > done[thread].length) {
                    done[thread] = java.util.Arrays.copyOf(done[thread], done[thread].length * 2);
                }
                done[thread][(int) k - 1] = (byte) w.ordinal();
                doneCount[thread] = (int) k;
                statements.incrementAndGet();
                run(s, w, tag, random);
            } catch (Throwable e) {
                fail(tag + " " + w + ": " + e);
            }
        }
    }

    private static Work pick(Random random) {
        int r = random.nextInt(100);
        // approvals are rare (2%): each waits for the reviewer while holding its pooled connection
        return r < 34 ? Work.READ : r < 54 ? Work.WRITE : r < 74 ? Work.MASKED : r < 86 ? Work.REFUSED
                : r < 98 ? Work.MAX_ROWS : Work.APPROVED;
    }

    private void run(Statement s, Work w, String tag, Random random) throws SQLException {
        int id = 1 + random.nextInt(ROWS);
        String comment = " /* soak " + tag + " */";
        switch (w) {
            case READ -> {
                try (ResultSet rs = s.executeQuery("SELECT id, grp, amount FROM " + orders + " WHERE id = " + id + comment)) {
                    expect(rs.next() && rs.getInt(1) == id && !rs.next(), tag, "one row");
                }
            }
            case WRITE -> expect(s.executeUpdate("UPDATE " + orders + " SET amount = amount + 1 WHERE id = " + id
                    + comment) == 1, tag, "one row updated");
            case MASKED -> {
                try (ResultSet rs = s.executeQuery("SELECT id, email FROM " + people + " WHERE id = " + id + comment)) {
                    expect(rs.next(), tag, "a row");
                    String email = rs.getString(2);
                    expect(rs.getInt(1) == id, tag, "the id unmasked");
                    expect(email != null && !email.equals(email(id)) && !email.contains("@soak.example"), tag,
                            "the e-mail masked, got " + email);
                }
            }
            case REFUSED -> refused(() -> s.executeUpdate("DELETE FROM " + orders + comment), "42501",
                    "soak-no-unbounded-change", tag);
            case MAX_ROWS -> refused(() -> s.executeUpdate("UPDATE " + orders + " SET amount = amount + 1000000 WHERE grp = "
                    + random.nextInt(ROWS / GROUP_SIZE) + comment), "VG020", "soak-small-blast-radius", tag);
            case APPROVED -> {
                long note = noteIds.incrementAndGet();
                expect(s.executeUpdate("INSERT INTO " + notes + " (id, note) VALUES (" + note + ", 'n" + note + "')"
                        + comment) == 1, tag, "the approved insert ran");
            }
        }
    }

    interface Call {
        void run() throws SQLException;
    }

    private void refused(Call call, String sqlState, String rule, String tag) {
        try {
            call.run();
            fail(tag + ": ran, expected " + sqlState);
        } catch (SQLException e) {
            expect(sqlState.equals(e.getSQLState()) && e.getMessage().contains(rule), tag,
                    "refused with " + sqlState + " by " + rule + ", got " + e.getSQLState() + " " + e.getMessage());
        }
    }

    private void expect(boolean condition, String tag, String what) {
        if (!condition) {
            fail(tag + ": expected " + what);
        }
    }

    private void fail(String message) {
        errors.incrementAndGet();
        if (errorSamples.size() < 20) {
            errorSamples.add(message);
        }
    }

    /** Approves every pending request as a dba, as a human reviewer at the console would. */
    private void review(Approvals approvals) {
        Identity reviewer = new Identity("soak-reviewer", IdentityKind.HUMAN, List.of(REVIEWER_GROUP), null, null,
                true, null);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                synchronized (reviewing) {
                    for (ApprovalRequest r : approvals.list()) {
                        if (r.status() == ApprovalStatus.PENDING) {
                            approvals.approve(r.id(), reviewer);
                            approvalsGranted.incrementAndGet();
                        }
                    }
                }
                Thread.sleep(25);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                fail("reviewer: " + e);
            }
        }
    }

    // ---- the measurements ------------------------------------------------------------------------------------

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * The slope of heap over statements after the first quarter of the samples (caches filling): the median of the
     * slopes between every two samples (Theil-Sen), so that one sample taken while something large was briefly
     * alive doesn't decide it.
     */
    static double slope(List<HeapSample> heap) {
        List<HeapSample> warm = heap.subList(heap.size() / 4, heap.size());
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < warm.size(); i++) {
            for (int j = i + 1; j < warm.size(); j++) {
                long ds = warm.get(j).statements() - warm.get(i).statements();
                if (ds > 0) {
                    slopes.add((double) (warm.get(j).usedBytes() - warm.get(i).usedBytes()) / ds);
                }
            }
        }
        if (slopes.isEmpty()) {
            return 0;
        }
        Collections.sort(slopes);
        int n = slopes.size();
        return n % 2 == 1 ? slopes.get(n / 2) : (slopes.get(n / 2 - 1) + slopes.get(n / 2)) / 2;
    }

    /**
     * How much used heap grew after warm-up: the median of the last third of the samples after the first quarter
     * against the median of the first third (a median, so that one sample doesn't decide it).
     */
    static long growth(List<HeapSample> heap) {
        List<HeapSample> warm = heap.subList(heap.size() / 4, heap.size());
        int third = Math.max(1, warm.size() / 3);
        return median(warm.subList(warm.size() - third, warm.size())) - median(warm.subList(0, third));
    }

    private static long median(List<HeapSample> samples) {
        long[] used = samples.stream().mapToLong(HeapSample::usedBytes).sorted().toArray();
        return used[used.length / 2];
    }

    private record TrailCount(long records, long tagged, List<String> problems) {
    }

    /**
     * Every statement a worker ran is in the trail exactly once: one record, or an intent and an outcome for an
     * agent's write; with the decision its work implies. Records of no worker's statement are problems too.
     */
    private TrailCount countTrail() throws Exception {
        Map<String, List<JsonNode>> byTag = new HashMap<>();
        long[] records = {0};
        AuditReader.of(trail).forEachRecord(1, r -> {
            records[0]++;
            JsonNode e = JSON.readTree(r.json());
            if (!"statement".equals(e.path("event").asText())) {
                return true;
            }
            String sql = e.path("sql").asText();
            int at = sql.indexOf("/* soak ");
            if (at >= 0) {
                String tag = sql.substring(at + 8, sql.indexOf(' ', at + 8));
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(e);
            }
            return true;
        });
        List<String> problems = new ArrayList<>();
        Set<String> ran = new HashSet<>();
        forEachDone((tag, work) -> {
            ran.add(tag);
            String problem = check(work, byTag.getOrDefault(tag, List.of()));
            if (problem != null) {
                problems.add(tag + " " + work + ": " + problem);
            }
        });
        for (String tag : byTag.keySet()) {
            if (!ran.contains(tag)) {
                problems.add(tag + ": recorded, but no worker ran it");
            }
        }
        return new TrailCount(records[0], byTag.size(), problems);
    }

    private void forEachDone(java.util.function.BiConsumer<String, Work> visitor) {
        Work[] works = Work.values();
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < doneCount[t]; k++) {
                visitor.accept("t" + t + "n" + k, works[done[t][k]]);
            }
        }
    }

    private static String check(Work work, List<JsonNode> events) {
        if (events.isEmpty()) {
            return "not in the trail";
        }
        List<String> phases = new ArrayList<>();
        for (JsonNode e : events) {
            phases.add(e.path("phase").isMissingNode() || e.path("phase").isNull() ? "-" : e.path("phase").asText());
        }
        List<String> expected = work.twoPhases() ? List.of("intent", "outcome") : List.of("-");
        if (!phases.equals(expected)) {
            return "phases " + phases + ", expected " + expected;
        }
        JsonNode last = events.get(events.size() - 1);
        String action = last.path("decision").path("action").asText();
        String error = last.path("error").isNull() ? "" : last.path("error").asText();
        return switch (work) {
            case READ, WRITE, APPROVED -> error.isEmpty() ? null : "error " + error;
            case MASKED -> error.isEmpty() && last.path("masked").size() > 0 ? null : "not recorded as masked: " + last;
            case REFUSED -> "deny".equals(action) && error.startsWith("42501") ? null : "not a denial: " + last;
            case MAX_ROWS -> error.startsWith("VG020") ? null : "not a row-limit refusal: " + last;
        };
    }

    private void deleteTrail() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(directory);
    }

    // ---- the database ----------------------------------------------------------------------------------------

    static String email(int id) {
        return "customer" + id + "@soak.example";
    }

    private void createTables() throws SQLException {
        try (Connection c = Databases.openPostgres(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + orders + " (id INT PRIMARY KEY, grp INT NOT NULL, amount BIGINT NOT NULL)");
            s.execute("INSERT INTO " + orders + " SELECT g, g % " + (ROWS / GROUP_SIZE) + ", 0 FROM generate_series(1, "
                    + ROWS + ") g");
            s.execute("CREATE TABLE " + people + " (id INT PRIMARY KEY, email TEXT NOT NULL)");
            s.execute("INSERT INTO " + people + " SELECT g, 'customer' || g || '@soak.example' FROM generate_series(1, "
                    + ROWS + ") g");
            s.execute("CREATE TABLE " + notes + " (id BIGINT PRIMARY KEY, note TEXT)");
            s.execute("CREATE SCHEMA " + approvalSchema);
        }
    }

    /** What the database holds afterwards, seen without the driver. */
    public record DatabaseAfter(long orders, long overTheLimit, long notes, long amountAdded) {
    }

    private DatabaseAfter databaseAfter() throws SQLException {
        try (Connection c = Databases.openPostgres(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + orders + "), (SELECT count(*) FROM "
                     + orders + " WHERE amount >= 1000000), (SELECT count(*) FROM " + notes + "), (SELECT sum(amount) FROM "
                     + orders + ")")) {
            rs.next();
            return new DatabaseAfter(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    private void dropTables() throws SQLException {
        try (Connection c = Databases.openPostgres(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + orders + ", " + people + ", " + notes);
            s.execute("DROP SCHEMA IF EXISTS " + approvalSchema + " CASCADE");
        }
    }

    private int backends() throws SQLException {
        try (Connection c = Databases.openPostgres(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                     + application + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The pool's backends once PostgreSQL has seen them go (a closed socket ends its backend shortly after). */
    private int backendsSettled(int expected) throws Exception {
        int n = backends();
        for (int i = 0; i < 100 && n != expected; i++) {
            Thread.sleep(50);
            n = backends();
        }
        return n;
    }
}
