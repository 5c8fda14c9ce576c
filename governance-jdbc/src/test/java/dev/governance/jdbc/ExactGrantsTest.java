package dev.governance.jdbc;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.approval.JdbcApprovalStore;
import dev.governance.jdbc.approval.ReviewRefusedException;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grant is for exactly what was approved: the same text with the same literal values and parameters, run by the
 * same identity (subject and on-behalf-of) on the same database in the same environment, once. Nobody approves a
 * request made on their own behalf. Verified tokens with RFC 8693 {@code act} claims; a shared {@code jdbc:} store;
 * every refused variant leaves the database as it was (read with the raw H2 driver).
 */
class ExactGrantsTest {
    private static final String ISSUER = "https://issuer.grants.test";
    private static final String AUDIENCE = "governance-jdbc";
    private static final String APPROVED = "UPDATE customers SET tier = 'gold' WHERE id = 1";
    private static final String POLICY = """
            version: 1
            identities:
              agents: { kind: agent }
            rules:
              - id: customer-changes-reviewed
                when:   { identity: agents, statement: [UPDATE, INSERT, DELETE], tables: [customers] }
                action: approve
                approvers: { groups: [dba] }
            """;

    @TempDir
    Path dir;

    private RSAKey key;
    private Path jwks;
    private Path policy;
    private String store;
    private final String dbA = "h2:mem:ga" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    private final String dbB = "h2:mem:gb" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";

    @BeforeEach
    void setUp() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("grants").generate();
        jwks = Files.writeString(dir.resolve("jwks.json"), TokenMinter.publicJwkSet(key));
        policy = Files.writeString(dir.resolve("policy.yaml"), POLICY);
        store = "jdbc:h2:mem:gs" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        for (String db : List.of(dbA, dbB)) {
            try (Connection raw = DriverManager.getConnection("jdbc:" + db); Statement s = raw.createStatement()) {
                s.execute("CREATE TABLE customers(id INT PRIMARY KEY, tier VARCHAR(20))");
                s.execute("INSERT INTO customers VALUES (1, 'basic'), (2, 'basic')");
            }
        }
    }

    /** A connection as {@code actor} (an agent) acting on behalf of {@code human} (null: on its own). */
    private Connection connect(String db, String actor, String human, String environment) throws SQLException {
        String token = human == null
                ? TokenMinter.mint(key, ISSUER, AUDIENCE, actor, IdentityKind.AGENT, List.of(), Duration.ofHours(1), null)
                : TokenMinter.mint(key, ISSUER, AUDIENCE, human, IdentityKind.AGENT, List.of(), Duration.ofHours(1), actor);
        Properties p = new Properties();
        p.setProperty("governance.identity.token", token);
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", ISSUER);
        p.setProperty("governance.identity.audience", AUDIENCE);
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.approval.store", store);
        p.setProperty("governance.environment", environment);
        p.setProperty("governance.audit.sinks", "jsonl:" + dir.resolve("audit.jsonl"));
        return DriverManager.getConnection("jdbc:governed:" + db, p);
    }

    private Approvals approvals() {
        return new Approvals(new JdbcApprovalStore(store));
    }

    private static Identity reviewer(String subject, String onBehalfOf) {
        return new Identity(subject, IdentityKind.HUMAN, List.of("dba"), onBehalfOf, null, true, null);
    }

    /** Every row of customers, read with the raw driver. */
    private static Map<Integer, String> rows(String db) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Connection raw = DriverManager.getConnection("jdbc:" + db); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, tier FROM customers ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    private static final Map<Integer, String> UNCHANGED = Map.of(1, "basic", 2, "basic");

    private String requestApproved(String sql) throws Exception {
        String id;
        try (Connection c = connect(dbA, "agent-7", "alice", "production"); Statement s = c.createStatement()) {
            id = assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(sql)).requestId();
        }
        ApprovalRequest request = approvals().find(id).orElseThrow();
        assertEquals("agent-7", request.subject());
        assertEquals("alice", request.onBehalfOf());
        assertEquals("H2", request.database().product());
        assertTrue(request.database().url().startsWith("jdbc:h2:mem:ga"), request.database().url());
        approvals().approve(id, reviewer("dora", null));
        return id;
    }

    @Test
    void nobodyApprovesARequestMadeOnTheirOwnBehalf() throws Exception {
        String id;
        try (Connection c = connect(dbA, "agent-7", "alice", "production"); Statement s = c.createStatement()) {
            id = assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(APPROVED)).requestId();
        }
        Approvals approvals = approvals();
        for (Identity party : List.of(reviewer("alice", null), reviewer("agent-7", null),
                reviewer("agent-9", "alice"), reviewer("agent-7", "bob"), reviewer("carol", "agent-7"))) {
            ReviewRefusedException refused = assertThrows(ReviewRefusedException.class,
                    () -> approvals.approve(id, party), party.toString());
            assertTrue(refused.getMessage().contains("own request"), refused.getMessage());
        }
        assertEquals(ApprovalStatus.PENDING, approvals.find(id).orElseThrow().status());
        try (Connection c = connect(dbA, "agent-7", "alice", "production"); Statement s = c.createStatement()) {
            assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(APPROVED));
        }
        assertEquals(UNCHANGED, rows(dbA));
        approvals.approve(id, reviewer("dora", null));
        assertEquals("dora", approvals.find(id).orElseThrow().reviewer());
    }

    @Test
    void anotherLiteralIdentityDatabaseOrEnvironmentIsRefusedAndTheExactStatementRunsOnce() throws Exception {
        String id = requestApproved(APPROVED);
        // Same shape (same fingerprint), other literal values.
        for (String other : List.of("UPDATE customers SET tier = 'gold' WHERE id = 2",
                "UPDATE customers SET tier = 'platinum' WHERE id = 1",
                "UPDATE customers SET tier = 'gold' WHERE id = 1 OR id = 2",
                "UPDATE customers SET tier = 'gold' WHERE id IN (1, 2)",
                "UPDATE customers SET tier = 'gold ' WHERE id = 1",
                "UPDATE customers SET tier = 'GOLD' WHERE id = 1")) {
            try (Connection c = connect(dbA, "agent-7", "alice", "production"); Statement s = c.createStatement()) {
                ApprovalPendingException pending = assertThrows(ApprovalPendingException.class,
                        () -> s.executeUpdate(other), other);
                assertNotEquals(id, pending.requestId(), other);
            }
        }
        // Other identities: another agent for the same human, the same agent for another human or on its own.
        for (String[] who : new String[][] {{"agent-8", "alice"}, {"agent-7", "bob"}, {"agent-7", null},
                {"alice", null}}) {
            try (Connection c = connect(dbA, who[0], who[1], "production"); Statement s = c.createStatement()) {
                assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(APPROVED), String.join("/", who[0],
                        String.valueOf(who[1])));
            }
        }
        // Another database, another environment.
        try (Connection c = connect(dbB, "agent-7", "alice", "production"); Statement s = c.createStatement()) {
            assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(APPROVED), "another database");
        }
        try (Connection c = connect(dbA, "agent-7", "alice", "staging"); Statement s = c.createStatement()) {
            assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(APPROVED), "another environment");
        }
        assertEquals(UNCHANGED, rows(dbA), "nothing ran on the approved database");
        assertEquals(UNCHANGED, rows(dbB), "nothing ran on the other database");
        assertEquals(ApprovalStatus.APPROVED, approvals().find(id).orElseThrow().status(), "no variant used the grant");

        try (Connection c = connect(dbA, "agent-7", "alice", "production"); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(APPROVED), "the exact approved statement runs");
            assertEquals(Map.of(1, "gold", 2, "basic"), rows(dbA));
            assertEquals(ApprovalStatus.USED, approvals().find(id).orElseThrow().status());
            ApprovalPendingException again = assertThrows(ApprovalPendingException.class,
                    () -> s.executeUpdate(APPROVED), "single use");
            assertNotEquals(id, again.requestId());
        }
        assertEquals(UNCHANGED, rows(dbB));
    }

    @Test
    void preparedGrantIsForTheSameParameterValuesAndTypes() throws Exception {
        String sql = "UPDATE customers SET tier = ? WHERE id = ?";
        String id;
        try (Connection c = connect(dbA, "agent-7", "alice", "production");
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "gold");
            ps.setInt(2, 1);
            id = assertThrows(ApprovalPendingException.class, ps::executeUpdate).requestId();
        }
        approvals().approve(id, reviewer("dora", null));
        try (Connection c = connect(dbA, "agent-7", "alice", "production");
             PreparedStatement ps = c.prepareStatement(sql)) {
            Object[][] others = {{"gold", 2}, {"platinum", 1}, {"gold", "1"}, {"gold", 1L}, {null, 1}};
            for (Object[] values : others) {
                ps.setObject(1, values[0]);
                ps.setObject(2, values[1]);
                assertThrows(ApprovalPendingException.class, ps::executeUpdate, java.util.Arrays.toString(values));
            }
            ps.setString(1, "gold");
            ps.setInt(2, 2);
            assertThrows(ApprovalPendingException.class, () -> {
                ps.addBatch();
                ps.executeBatch();
            }, "a batch of other values");
            assertEquals(UNCHANGED, rows(dbA));
            try (Statement s = c.createStatement()) {
                assertThrows(ApprovalPendingException.class,
                        () -> s.executeUpdate("UPDATE customers SET tier = 'gold' WHERE id = 1"),
                        "the same values written as literals are another text");
            }
            ps.clearBatch();
            ps.setString(1, "gold");
            ps.setInt(2, 1);
            assertEquals(1, ps.executeUpdate());
            assertEquals(Map.of(1, "gold", 2, "basic"), rows(dbA));
            assertThrows(ApprovalPendingException.class, ps::executeUpdate, "single use");
        }
    }

    @Test
    void theTrailHoldsTheRequestWithoutItsLiterals() throws Exception {
        requestApproved("UPDATE customers SET tier = 'tier-secret-4711' WHERE id = 1");
        dev.governance.jdbc.audit.AuditTrail.of(new dev.governance.jdbc.config.SettingsLoader()
                .load(propertiesForFlush()).settings().audit()).flush();
        String trail = Files.readString(dir.resolve("audit.jsonl"));
        assertTrue(trail.contains("approval-requested"), trail);
        assertTrue(!trail.contains("tier-secret-4711"), "a literal reached the trail");
    }

    private Properties propertiesForFlush() {
        Properties p = new Properties();
        p.setProperty("governance.identity.subject", "x");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.audit.sinks", "jsonl:" + dir.resolve("audit.jsonl"));
        return p;
    }
}
