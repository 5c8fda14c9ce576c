package dev.governance.jdbc.approval;

import dev.governance.jdbc.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jdbc: approval store on PostgreSQL and MariaDB: the table is created, requests round-trip, grants are single use. */
class JdbcApprovalStoreIT {

    /** A table of this test's own: the shared databases' real {@code governance_approvals} is left alone. */
    private final String table = TestDatabase.unique("approvals_it_");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createsItsTableAndGrantsOnce(TestDatabase db) throws Exception {
        db.require();
        try (TestDatabase.Scratch scratch = db.scratch().created("DROP TABLE IF EXISTS " + table)) {
            roundTrip(new JdbcApprovalStore(db.urlWithCredentials(), table, Clock.systemUTC()));
        }
    }

    private void roundTrip(JdbcApprovalStore store) throws Exception {
        String subject = "agent-" + UUID.randomUUID();
        ApprovalRequest r = ApprovalStoreTest.request(subject, "fp", "", Instant.parse("2026-11-25T06:00:00.123Z"));
        store.create(r);
        assertEquals(r, store.find(r.id()).orElseThrow());
        // a second store object (another instance) sees the table and the request
        JdbcApprovalStore other = new JdbcApprovalStore(store.url(), table, Clock.systemUTC());
        assertTrue(other.list().stream().anyMatch(x -> x.id().equals(r.id())));
        new Approvals(other).approve(r.id(), ApprovalStoreTest.human("dora", "dba"));
        assertEquals(Optional.of(r.id()), store.consumeGrant(ApprovalStoreTest.key(subject, "fp", "")));
        assertTrue(other.consumeGrant(ApprovalStoreTest.key(subject, "fp", "")).isEmpty(), "single use across instances");
        assertEquals(ApprovalStatus.USED, other.find(r.id()).orElseThrow().status());
    }
}
