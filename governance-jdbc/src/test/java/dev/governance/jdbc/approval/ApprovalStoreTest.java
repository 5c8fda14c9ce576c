package dev.governance.jdbc.approval;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both stores, through the reviewing facade: lifecycle, single use, expiry and who may decide. */
class ApprovalStoreTest {
    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-25T06:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();

    private ApprovalStore store(String kind) {
        return kind.equals("memory") ? new MemoryApprovalStore(clock)
                : new JdbcApprovalStore("jdbc:h2:mem:ap" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", clock);
    }

    static final ApprovalRequest.Database H2 = new ApprovalRequest.Database("H2", "jdbc:h2:mem:orders");

    /** A request for the statement {@code statement} (its full text differs per value). */
    static ApprovalRequest request(String subject, String statement, String parametersHash, Instant created) {
        return new ApprovalRequest(UUID.randomUUID().toString(), subject, "agent", List.of("ops"), null, "production",
                H2, "CREATE TABLE t (id INT)", "CREATE TABLE " + statement + "(id INT)", "fp", parametersHash,
                List.of("prod-ddl"), List.of("dba", "sre"), "ticket 42", created, ApprovalStatus.PENDING, null, null);
    }

    /** The grant key of {@link #request}. */
    static String key(String subject, String statement, String parametersHash) {
        return request(subject, statement, parametersHash, Instant.EPOCH).grantKey();
    }

    static Identity human(String subject, String... groups) {
        return new Identity(subject, IdentityKind.HUMAN, List.of(groups), null, null, true, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "jdbc"})
    void lifecycleFromPendingToApprovedToUsed(String kind) throws Exception {
        ApprovalStore store = store(kind);
        Approvals approvals = new Approvals(store);
        ApprovalRequest decided = request("agent-7", "fp1", "", clock.now);
        ApprovalRequest pending = request("agent-7", "fp2", "h", clock.now.plusSeconds(1));
        store.create(decided);
        store.create(pending);

        ApprovalRequest read = store.find(decided.id()).orElseThrow();
        assertEquals(decided, read, "a request reads back as it was written");
        assertEquals(ApprovalStatus.PENDING, read.status());
        assertEquals("ticket 42", read.reason());
        assertEquals(List.of("dba", "sre"), read.approverGroups());

        assertTrue(store.consumeGrant(key("agent-7", "fp1", "")).isEmpty(), "no grant before approval");
        assertEquals(Optional.of(decided.id()), store.findPending(key("agent-7", "fp1", "")).map(ApprovalRequest::id));
        assertTrue(store.findPending(key("agent-7", "fp1", "h")).isEmpty());
        assertTrue(store.findPending(key("agent-8", "fp1", "")).isEmpty());

        clock.now = clock.now.plusSeconds(10);
        ApprovalRequest approved = approvals.approve(decided.id(), human("bob", "sre"));
        assertEquals(ApprovalStatus.APPROVED, approved.status());
        assertEquals("bob", approved.reviewer());
        assertEquals(clock.now, approved.decided());
        assertEquals(List.of(pending.id(), decided.id()), store.list().stream().map(ApprovalRequest::id).toList(),
                "pending first");

        assertTrue(store.consumeGrant(key("agent-8", "fp1", "")).isEmpty(), "another subject");
        assertTrue(store.consumeGrant(key("agent-7", "fp1", "other")).isEmpty(), "other parameters");
        assertTrue(store.consumeGrant(key("agent-7", "fp2", "")).isEmpty(), "another statement");
        assertEquals(Optional.of(decided.id()), store.consumeGrant(key("agent-7", "fp1", "")));
        assertTrue(store.consumeGrant(key("agent-7", "fp1", "")).isEmpty(), "single use");
        assertEquals(ApprovalStatus.USED, store.find(decided.id()).orElseThrow().status());

        assertThrows(ReviewRefusedException.class, () -> approvals.approve(decided.id(), human("carol", "dba")),
                "a used request can't be decided again");
        ApprovalRequest denied = approvals.deny(pending.id(), human("carol", "dba"));
        assertEquals(ApprovalStatus.DENIED, store.find(pending.id()).orElseThrow().status());
        assertEquals("carol", denied.reviewer());
        assertTrue(store.consumeGrant(key("agent-7", "fp2", "h")).isEmpty(), "a denied request grants nothing");
    }

    /** Reviewers' screens poll the list: it holds every pending request but only the latest of the history. */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "jdbc"})
    void listShowsEveryPendingRequestAndOnlyTheLatestOthers(String kind) throws Exception {
        ApprovalStore store = store(kind);
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // the oldest requests of all, still pending
            ApprovalRequest r = request("agent-7", "p" + i, "", clock.now.plusSeconds(i));
            store.create(r);
            pending.add(r.id());
        }
        List<String> decided = new ArrayList<>();
        for (int i = 0; i < ApprovalStore.RECENT + 5; i++) {
            ApprovalRequest r = request("agent-7", "d" + i, "", clock.now.plusSeconds(100 + i));
            store.create(r);
            store.decide(r.id(), ApprovalStatus.DENIED, "bob");
            decided.add(r.id());
        }
        List<String> listed = store.list().stream().map(ApprovalRequest::id).toList();
        List<String> expected = new ArrayList<>(pending);
        expected.addAll(decided.subList(5, decided.size()));
        assertEquals(expected, listed, "pending first, then the latest " + ApprovalStore.RECENT + ", oldest first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "jdbc"})
    void grantExpiresAnHourAfterTheDecision(String kind) throws Exception {
        ApprovalStore store = store(kind);
        Approvals approvals = new Approvals(store);
        ApprovalRequest r = request("agent-7", "fp", "", clock.now);
        store.create(r);
        approvals.approve(r.id(), human("bob", "dba"));
        clock.now = clock.now.plus(ApprovalStore.GRANT_LIFETIME).plus(Duration.ofSeconds(1));
        assertTrue(store.consumeGrant(key("agent-7", "fp", "")).isEmpty(), "expired grant used");
        assertEquals(ApprovalStatus.EXPIRED, store.find(r.id()).orElseThrow().effectiveStatus(clock.now));

        ApprovalRequest fresh = request("agent-7", "fp", "", clock.now);
        store.create(fresh);
        approvals.approve(fresh.id(), human("bob", "dba"));
        clock.now = clock.now.plus(ApprovalStore.GRANT_LIFETIME).minus(Duration.ofSeconds(1));
        assertEquals(Optional.of(fresh.id()), store.consumeGrant(key("agent-7", "fp", "")), "just inside the lifetime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "jdbc"})
    void requesterCantDecideItsOwnRequestAndNonApproversAreRefused(String kind) throws Exception {
        ApprovalStore store = store(kind);
        List<ApprovalRequest> told = new ArrayList<>();
        Approvals approvals = new Approvals(store, (request, reviewer) -> told.add(request));
        ApprovalRequest r = request("alice", "fp", "", clock.now);
        store.create(r);

        ReviewRefusedException own = assertThrows(ReviewRefusedException.class,
                () -> approvals.approve(r.id(), human("alice", "dba")), "self-approval");
        assertTrue(own.getMessage().contains("own request"), own.getMessage());
        ReviewRefusedException outsider = assertThrows(ReviewRefusedException.class,
                () -> approvals.approve(r.id(), human("mallory", "ops", "pii-reader")));
        assertTrue(outsider.getMessage().contains("not an approver"), outsider.getMessage());
        assertThrows(ReviewRefusedException.class, () -> approvals.deny(r.id(), human("mallory")));
        assertThrows(ReviewRefusedException.class, () -> approvals.approve("no-such-id", human("bob", "dba")));
        assertEquals(ApprovalStatus.PENDING, store.find(r.id()).orElseThrow().status(), "refusals changed nothing");
        assertTrue(told.isEmpty());

        approvals.approve(r.id(), human("bob", "sre"));
        assertEquals(1, told.size(), "the decision is told to the listener");
        assertEquals(ApprovalStatus.APPROVED, told.get(0).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "jdbc"})
    void concurrentUsersOfOneGrantGetItOnce(String kind) throws Exception {
        ApprovalStore store = store(kind);
        ApprovalRequest r = request("agent-7", "fp", "", clock.now);
        store.create(r);
        new Approvals(store).approve(r.id(), human("bob", "dba"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> store.consumeGrant(key("agent-7", "fp", "")).isPresent());
            }
            int used = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                used += f.get() ? 1 : 0;
            }
            assertEquals(1, used);
        } finally {
            pool.shutdownNow();
        }
    }

    @org.junit.jupiter.api.Test
    void parametersHashDependsOnValuesAndIsEmptyWithout() {
        assertEquals("", ApprovalRequest.hashParameters(List.of()));
        assertEquals(ApprovalRequest.hashParameters(List.of(1, "a")), ApprovalRequest.hashParameters(List.of(1, "a")));
        assertFalse(ApprovalRequest.hashParameters(List.of(1, "a")).equals(ApprovalRequest.hashParameters(List.of(1, "b"))));
        assertFalse(ApprovalRequest.hashParameters(List.of("ab", "c")).equals(ApprovalRequest.hashParameters(List.of("a", "bc"))));
        assertEquals(64, ApprovalRequest.hashParameters(java.util.Arrays.asList(null, 2L)).length());
    }
    @org.junit.jupiter.api.Test
    void memoryStoreForgetsFinishedRequestsBeyondItsLimitButNeverPendingOnes() throws Exception {
        MemoryApprovalStore store = new MemoryApprovalStore(clock);
        Approvals approvals = new Approvals(store);
        ApprovalRequest pending = request("agent-7", "keep", "", clock.now);
        store.create(pending);
        for (int i = 0; i < MemoryApprovalStore.KEEP + 10; i++) {
            ApprovalRequest r = request("agent-7", "fp" + i, "", clock.now);
            store.create(r);
            approvals.deny(r.id(), human("bob", "dba"));
        }
        assertTrue(store.list().size() <= MemoryApprovalStore.KEEP + 1, "size " + store.list().size());
        assertTrue(store.find(pending.id()).isPresent(), "pending requests are kept");
    }

    @org.junit.jupiter.api.Test
    void grantKeyCoversIdentityEnvironmentDatabaseTextAndParameters() {
        ApprovalRequest base = new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), "alice", "production", H2,
                "UPDATE t SET a = ? WHERE id = ?", "UPDATE t SET a = 'x' WHERE id = 1", "fp", "",
                List.of("r"), List.of("dba"), null, Instant.EPOCH, ApprovalStatus.PENDING, null, null);
        ApprovalRequest sameButBookkeeping = new ApprovalRequest("2", "agent-7", "human", List.of("other"), "alice",
                "production", H2, "other record", "UPDATE t SET a = 'x' WHERE id = 1", "other fp", "",
                List.of("s"), List.of("sre"), "why", Instant.now(), ApprovalStatus.APPROVED, "dora", Instant.now());
        assertEquals(base.grantKey(), sameButBookkeeping.grantKey(), "id, status, rules and record text aside");
        List<ApprovalRequest> others = List.of(
                new ApprovalRequest("1", "agent-8", "agent", List.of("ops"), "alice", "production", H2, "",
                        base.fullSql(), "fp", "", List.of(), List.of(), null, Instant.EPOCH, ApprovalStatus.PENDING,
                        null, null),
                new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), "bob", "production", H2, "",
                        base.fullSql(), "fp", "", List.of(), List.of(), null, Instant.EPOCH, ApprovalStatus.PENDING,
                        null, null),
                new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), null, "production", H2, "",
                        base.fullSql(), "fp", "", List.of(), List.of(), null, Instant.EPOCH, ApprovalStatus.PENDING,
                        null, null),
                new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), "alice", "staging", H2, "",
                        base.fullSql(), "fp", "", List.of(), List.of(), null, Instant.EPOCH, ApprovalStatus.PENDING,
                        null, null),
                new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), "alice", "production",
                        new ApprovalRequest.Database("PostgreSQL", H2.url()), "", base.fullSql(), "fp", "", List.of(),
                        List.of(), null, Instant.EPOCH, ApprovalStatus.PENDING, null, null),
                new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), "alice", "production",
                        new ApprovalRequest.Database("H2", "jdbc:h2:mem:other"), "", base.fullSql(), "fp", "",
                        List.of(), List.of(), null, Instant.EPOCH, ApprovalStatus.PENDING, null, null),
                new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), "alice", "production", H2, "",
                        "UPDATE t SET a = 'x' WHERE id = 2", "fp", "", List.of(), List.of(), null, Instant.EPOCH,
                        ApprovalStatus.PENDING, null, null),
                new ApprovalRequest("1", "agent-7", "agent", List.of("ops"), "alice", "production", H2, "",
                        base.fullSql(), "fp", ApprovalRequest.hashParameters(List.of(1)), List.of(), List.of(), null,
                        Instant.EPOCH, ApprovalStatus.PENDING, null, null),
                new ApprovalRequest("1", "agent-7alice", "agent", List.of("ops"), null, "production", H2, "",
                        base.fullSql(), "fp", "", List.of(), List.of(), null, Instant.EPOCH, ApprovalStatus.PENDING,
                        null, null));
        for (ApprovalRequest other : others) {
            assertFalse(base.grantKey().equals(other.grantKey()), other.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "jdbc"})
    void theHumanAnAgentActsForCantDecideItsRequest(String kind) throws Exception {
        ApprovalStore store = store(kind);
        Approvals approvals = new Approvals(store);
        ApprovalRequest r = new ApprovalRequest(UUID.randomUUID().toString(), "agent-7", "agent", List.of(), "alice",
                "production", H2, "DROP TABLE t", "DROP TABLE t", "fp", "", List.of("r"), List.of("dba"), null,
                clock.now, ApprovalStatus.PENDING, null, null);
        store.create(r);
        assertEquals(r, store.find(r.id()).orElseThrow(), "on-behalf-of and database read back");
        for (Identity party : List.of(human("alice", "dba"),
                new Identity("agent-9", IdentityKind.AGENT, List.of("dba"), "alice", null, true, null),
                new Identity("agent-7", IdentityKind.AGENT, List.of("dba"), "carol", null, true, null))) {
            assertThrows(ReviewRefusedException.class, () -> approvals.approve(r.id(), party), party.toString());
        }
        assertEquals(ApprovalStatus.PENDING, store.find(r.id()).orElseThrow().status());
        approvals.approve(r.id(), human("dora", "dba"));
        assertEquals(Optional.of(r.id()), store.consumeGrant(r.grantKey()));
    }

    @org.junit.jupiter.api.Test
    void aTableFromBeforeGrantKeysGetsItsColumnsAndItsOldRequestsGrantNothing() throws Exception {
        String url = "jdbc:h2:mem:old" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE governance_approvals (id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " status VARCHAR(16) NOT NULL, subject VARCHAR(512) NOT NULL, kind VARCHAR(16),"
                    + " requester_groups VARCHAR(2048), environment VARCHAR(128), sql_text CLOB, full_sql CLOB,"
                    + " fingerprint VARCHAR(128) NOT NULL, parameters_hash VARCHAR(64) NOT NULL,"
                    + " rule_ids VARCHAR(1024), approver_groups VARCHAR(1024), reason VARCHAR(2048),"
                    + " created_at VARCHAR(40) NOT NULL, reviewer VARCHAR(512), decided_at VARCHAR(40))");
            s.execute("INSERT INTO governance_approvals VALUES ('old', 'APPROVED', 'agent-7', 'agent', '',"
                    + " 'production', 'DROP TABLE t', 'DROP TABLE t', 'fp', '', 'r', 'dba', NULL,"
                    + " '" + clock.now + "', 'dora', '" + clock.now + "')");
        }
        JdbcApprovalStore store = new JdbcApprovalStore(url, clock);
        ApprovalRequest old = store.find("old").orElseThrow();
        assertEquals(ApprovalStatus.APPROVED, old.status());
        assertTrue(store.consumeGrant(old.grantKey()).isEmpty(), "a row without a grant key grants nothing");
        ApprovalRequest fresh = request("agent-7", "t", "", clock.now);
        store.create(fresh);
        assertEquals(fresh, store.find(fresh.id()).orElseThrow());
    }

    /** The approvals database recreated empty while the store runs (a restore, a reset): the table comes back. */
    @org.junit.jupiter.api.Test
    void aTableDroppedWhileRunningIsCreatedAgain() throws Exception {
        String url = "jdbc:h2:mem:gone" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        JdbcApprovalStore store = new JdbcApprovalStore(url, clock);
        ApprovalRequest before = request("agent-7", "t", "", clock.now);
        store.create(before);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TABLE governance_approvals");
        }
        assertTrue(store.find(before.id()).isEmpty(), "the dropped request is gone, and saying so is not an error");
        ApprovalRequest after = request("agent-7", "u", "", clock.now);
        store.create(after);
        assertEquals(after, store.find(after.id()).orElseThrow());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM governance_approvals")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the recreated table holds the new request only");
        }
    }
}
