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
 * every refused variant leaves both databases as they were (read with the raw driver).
 */
final class GrantScenarios implements AutoCloseable {
    private static final String ISSUER = "https://issuer.grants.test";
    private static final String AUDIENCE = "governance-jdbc";

    /** One database a grant is asked for, and another one of the same server. */
    interface Server {
        /** The approved database's raw URL ({@code jdbc:…}). */
        String urlA();

        /** Another database's raw URL, on the same server. */
        String urlB();

        void credentials(Properties p);

        default void close() throws SQLException {
        }
    }

    private final Server server;
    private final Path dir;
    private final RSAKey key;
    private final Path jwks;
    private final Path policy;
    private final String store = "jdbc:h2:mem:gs" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    final String table = "grant_customers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String approved;
    private final Map<Integer, String> unchanged = Map.of(1, "basic", 2, "basic");

    GrantScenarios(Server server, Path dir) throws Exception {
        this.server = server;
        this.dir = dir;
        this.approved = "UPDATE " + table + " SET tier = 'gold' WHERE id = 1";
        key = new RSAKeyGenerator(2048).keyID("grants").generate();
        jwks = Files.writeString(dir.resolve("jwks.json"), TokenMinter.publicJwkSet(key));
        policy = Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                identities:
                  agents: { kind: agent }
                rules:
                  - id: customer-changes-reviewed
                    when:   { identity: agents, statement: [UPDATE, INSERT, DELETE], tables: ["%s"] }
                    action: approve
                    approvers: { groups: [dba] }
                """.formatted(table));
        for (String url : List.of(server.urlA(), server.urlB())) {
            try (Connection raw = raw(url); Statement s = raw.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, tier VARCHAR(20))");
                s.execute("INSERT INTO " + table + " VALUES (1, 'basic'), (2, 'basic')");
            }
        }
    }

    private Connection raw(String url) throws SQLException {
        Properties p = new Properties();
        server.credentials(p);
        return DriverManager.getConnection(url, p);
    }

    /** A connection as {@code actor} (an agent) acting on behalf of {@code human} (null: on its own). */
    Connection connect(String url, String actor, String human, String environment) throws SQLException {
        String token = human == null
                ? TokenMinter.mint(key, ISSUER, AUDIENCE, actor, IdentityKind.AGENT, List.of(), Duration.ofHours(1), null)
                : TokenMinter.mint(key, ISSUER, AUDIENCE, human, IdentityKind.AGENT, List.of(), Duration.ofHours(1), actor);
        Properties p = new Properties();
        server.credentials(p);
        p.setProperty("governance.identity.token", token);
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", ISSUER);
        p.setProperty("governance.identity.audience", AUDIENCE);
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.approval.store", store);
        p.setProperty("governance.environment", environment);
        p.setProperty("governance.audit.sinks", "jsonl:" + dir.resolve("audit.jsonl"));
        return DriverManager.getConnection("jdbc:governed:" + url.substring("jdbc:".length()), p);
    }

    private Connection agentOnA() throws SQLException {
        return connect(server.urlA(), "agent-7", "alice", "production");
    }

    Approvals approvals() {
        return new Approvals(new JdbcApprovalStore(store));
    }

    static Identity reviewer(String subject, String onBehalfOf) {
        return new Identity(subject, IdentityKind.HUMAN, List.of("dba"), onBehalfOf, null, true, null);
    }

    /** Every row of the table, read with the raw driver. */
    Map<Integer, String> rows(String url) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Connection raw = raw(url); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, tier FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    private void bothUnchanged(String why) throws SQLException {
        assertEquals(unchanged, rows(server.urlA()), why + ": the approved database changed");
        assertEquals(unchanged, rows(server.urlB()), why + ": the other database changed");
    }

    String requestApproved(String sql) throws Exception {
        String id;
        try (Connection c = agentOnA(); Statement s = c.createStatement()) {
            id = assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(sql)).requestId();
        }
        ApprovalRequest request = approvals().find(id).orElseThrow();
        assertEquals("agent-7", request.subject());
        assertEquals("alice", request.onBehalfOf());
        assertTrue(request.database().url().contains(databaseName(server.urlA())), request.database().url());
        approvals().approve(id, reviewer("dora", null));
        return id;
    }

    /** Neither the requester, nor the human it acts for, nor anyone acting for either approves. */
    void nobodyApprovesARequestMadeOnTheirOwnBehalf() throws Exception {
        String id;
        try (Connection c = agentOnA(); Statement s = c.createStatement()) {
            id = assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(approved)).requestId();
        }
        Approvals approvals = approvals();
        for (Identity party : List.of(reviewer("alice", null), reviewer("agent-7", null),
                reviewer("agent-9", "alice"), reviewer("agent-7", "bob"), reviewer("carol", "agent-7"))) {
            ReviewRefusedException refused = assertThrows(ReviewRefusedException.class,
                    () -> approvals.approve(id, party), party.toString());
            assertTrue(refused.getMessage().contains("own request"), refused.getMessage());
        }
        assertEquals(ApprovalStatus.PENDING, approvals.find(id).orElseThrow().status());
        try (Connection c = agentOnA(); Statement s = c.createStatement()) {
            assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(approved));
            assertUsable(c);
        }
        bothUnchanged("a party to the request tried to approve it");
        approvals.approve(id, reviewer("dora", null));
        assertEquals("dora", approvals.find(id).orElseThrow().reviewer());
    }

    /** Another literal, identity, database or environment asks anew; the exact statement runs once. */
    void anotherLiteralIdentityDatabaseOrEnvironmentIsRefusedAndTheExactStatementRunsOnce() throws Exception {
        String id = requestApproved(approved);
        String t = table;
        // Same shape (same fingerprint), other literal values.
        for (String other : List.of("UPDATE " + t + " SET tier = 'gold' WHERE id = 2",
                "UPDATE " + t + " SET tier = 'platinum' WHERE id = 1",
                "UPDATE " + t + " SET tier = 'gold' WHERE id = 1 OR id = 2",
                "UPDATE " + t + " SET tier = 'gold' WHERE id IN (1, 2)",
                "UPDATE " + t + " SET tier = 'gold ' WHERE id = 1",
                "UPDATE " + t + " SET tier = 'GOLD' WHERE id = 1",
                "UPDATE " + t + " SET tier = 'gold' WHERE id = 1.0",
                "UPDATE " + t + " SET tier = 'gold' WHERE id = 1; UPDATE " + t + " SET tier = 'gold' WHERE id = 2")) {
            try (Connection c = agentOnA(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(other), other);
                if (refused instanceof ApprovalPendingException pending) {
                    assertNotEquals(id, pending.requestId(), other);
                } else {
                    assertEquals("42501", refused.getSQLState(), other + ": " + refused.getMessage());
                }
                assertUsable(c);
            }
        }
        // Other identities: another agent for the same human, the same agent for another human or on its own, the
        // human itself, the approver itself.
        for (String[] who : new String[][] {{"agent-8", "alice"}, {"agent-7", "bob"}, {"agent-7", null},
                {"alice", null}, {"dora", null}, {"alice", "agent-7"}}) {
            try (Connection c = connect(server.urlA(), who[0], who[1], "production"); Statement s = c.createStatement()) {
                assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(approved), String.join("/", who[0],
                        String.valueOf(who[1])));
            }
        }
        // Another database, another environment.
        try (Connection c = connect(server.urlB(), "agent-7", "alice", "production"); Statement s = c.createStatement()) {
            assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(approved), "another database");
        }
        try (Connection c = connect(server.urlA(), "agent-7", "alice", "staging"); Statement s = c.createStatement()) {
            assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(approved), "another environment");
        }
        bothUnchanged("a variant of the approved statement");
        assertEquals(ApprovalStatus.APPROVED, approvals().find(id).orElseThrow().status(), "no variant used the grant");

        try (Connection c = agentOnA(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(approved), "the exact approved statement runs");
            assertEquals(Map.of(1, "gold", 2, "basic"), rows(server.urlA()));
            assertEquals(ApprovalStatus.USED, approvals().find(id).orElseThrow().status());
            ApprovalPendingException again = assertThrows(ApprovalPendingException.class,
                    () -> s.executeUpdate(approved), "single use");
            assertNotEquals(id, again.requestId());
        }
        assertEquals(unchanged, rows(server.urlB()));
    }

    /** A prepared grant is for the same parameter values and types; another value or a batch asks anew. */
    void preparedGrantIsForTheSameParameterValuesAndTypes() throws Exception {
        String sql = "UPDATE " + table + " SET tier = ? WHERE id = ?";
        String id;
        try (Connection c = agentOnA(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "gold");
            ps.setInt(2, 1);
            id = assertThrows(ApprovalPendingException.class, ps::executeUpdate).requestId();
        }
        approvals().approve(id, reviewer("dora", null));
        try (Connection c = agentOnA(); PreparedStatement ps = c.prepareStatement(sql)) {
            Object[][] others = {{"gold", 2}, {"platinum", 1}, {"gold", "1"}, {"gold", 1L}, {null, 1}, {"GOLD", 1},
                    {"gold", 1.0d}};
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
            bothUnchanged("a prepared variant");
            try (Statement s = c.createStatement()) {
                assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(approved),
                        "the same values written as literals are another text");
            }
            try (Connection other = connect(server.urlB(), "agent-7", "alice", "production");
                 PreparedStatement elsewhere = other.prepareStatement(sql)) {
                elsewhere.setString(1, "gold");
                elsewhere.setInt(2, 1);
                assertThrows(ApprovalPendingException.class, elsewhere::executeUpdate, "the same values elsewhere");
            }
            bothUnchanged("a prepared variant");
            ps.clearBatch();
            ps.setString(1, "gold");
            ps.setInt(2, 1);
            assertEquals(1, ps.executeUpdate());
            assertEquals(Map.of(1, "gold", 2, "basic"), rows(server.urlA()));
            assertThrows(ApprovalPendingException.class, ps::executeUpdate, "single use");
        }
        assertEquals(unchanged, rows(server.urlB()));
    }

    /** The request is in the trail without its literals. */
    void theTrailHoldsTheRequestWithoutItsLiterals() throws Exception {
        requestApproved("UPDATE " + table + " SET tier = 'tier-secret-4711' WHERE id = 1");
        Properties p = new Properties();
        p.setProperty("governance.identity.subject", "x");
        p.setProperty("governance.identity.allow-unverified", "true");
        p.setProperty("governance.audit.sinks", "jsonl:" + dir.resolve("audit.jsonl"));
        dev.governance.jdbc.audit.AuditTrail.of(new dev.governance.jdbc.config.SettingsLoader().load(p).settings()
                .audit()).flush();
        String trail = Files.readString(dir.resolve("audit.jsonl"));
        assertTrue(trail.contains("approval-requested"), trail);
        assertTrue(!trail.contains("tier-secret-4711"), "a literal reached the trail");
    }

    /** The database's name in a URL: {@code jdbc:h2:mem:NAME;…}, {@code jdbc:postgresql://host/NAME?…}. */
    static String databaseName(String url) {
        String u = url.split("[;?]", 2)[0];
        return u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf(':')) + 1);
    }

    private static void assertUsable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), "the connection is unusable after the refusal");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (String url : List.of(server.urlA(), server.urlB())) {
                try (Connection raw = raw(url); Statement s = raw.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
            }
        } finally {
            server.close();
        }
    }
}
