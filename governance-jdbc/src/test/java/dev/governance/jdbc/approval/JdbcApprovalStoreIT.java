package dev.governance.jdbc.approval;

import dev.governance.jdbc.testing.Databases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jdbc: approval store on PostgreSQL and MariaDB: the table is created, requests round-trip, grants are single use. */
class JdbcApprovalStoreIT {

    private static String withCredentials(String url, String user, String password) {
        return url + (url.contains("?") ? "&" : "?") + "user=" + user
                + (password == null || password.isEmpty() ? "" : "&password=" + password);
    }

    @Test
    void postgres() throws Exception {
        Databases.requirePostgres();
        try (Connection c = Databases.openPostgres(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + JdbcApprovalStore.TABLE);
        }
        roundTrip(new JdbcApprovalStore(withCredentials(Databases.postgresUrl(), Databases.postgresUser(),
                Databases.postgresPassword())));
    }

    @Test
    void mariaDb() throws Exception {
        Databases.requireMariaDb();
        try (Connection c = Databases.openMariaDb(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + JdbcApprovalStore.TABLE);
        }
        roundTrip(new JdbcApprovalStore(withCredentials(Databases.mariaDbUrl(), Databases.mariaDbUser(),
                Databases.mariaDbPassword())));
    }

    private static void roundTrip(JdbcApprovalStore store) throws Exception {
        String subject = "agent-" + UUID.randomUUID();
        ApprovalRequest r = ApprovalStoreTest.request(subject, "fp", "", Instant.parse("2026-11-25T06:00:00.123Z"));
        store.create(r);
        assertEquals(r, store.find(r.id()).orElseThrow());
        // a second store object (another instance) sees the table and the request
        JdbcApprovalStore other = new JdbcApprovalStore(store.url());
        assertTrue(other.list().stream().anyMatch(x -> x.id().equals(r.id())));
        new Approvals(other).approve(r.id(), ApprovalStoreTest.human("dora", "dba"));
        assertEquals(Optional.of(r.id()), store.consumeGrant(ApprovalStoreTest.key(subject, "fp", "")));
        assertTrue(other.consumeGrant(ApprovalStoreTest.key(subject, "fp", "")).isEmpty(), "single use across instances");
        assertEquals(ApprovalStatus.USED, other.find(r.id()).orElseThrow().status());
    }
}
