package dev.governance.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.approval.ReviewRefusedException;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.testing.TestConnections;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Approvals as a user of the driver sees them (contract section 6). */
class ApprovalsThroughDriverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String POLICY = """
            version: 1
            identities:
              agents:   { kind: agent }
              migrator: { subject: "flyway" }
            rules:
              - id: agent-ddl-reviewed
                when:   { identity: agents, statement: [CREATE] }
                action: approve
                approvers: { groups: [dba] }
                auto-approve: { identity: migrator }
              - id: notes-reviewed
                when:   { identity: agents, statement: [INSERT], tables: [notes] }
                action: approve
                approvers: { groups: [dba, sre] }
            """;

    @TempDir
    Path dir;

    private final String url = TestConnections.newH2Url();

    Properties agent(String mode, String timeout) throws Exception {
        return as("agent-7", "agent", mode, timeout);
    }

    Properties as(String subject, String kind, String mode, String timeout) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        if (!Files.exists(policy)) {
            Files.writeString(policy, POLICY);
        }
        Properties p = TestConnections.as(subject, kind);
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.approval.mode", mode);
        p.setProperty("governance.approval.timeout", timeout);
        p.setProperty("governance.audit.sinks", "jsonl:" + dir.resolve("audit.jsonl"));
        return p;
    }

    static Identity reviewer(String subject, String... groups) {
        return new Identity(subject, IdentityKind.HUMAN, List.of(groups), null, null, true, null);
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    static Approvals approvals(Connection c) throws SQLException {
        return c.unwrap(GovernedConnection.class).approvals();
    }

    private List<JsonNode> events(Properties p, String type) throws Exception {
        AuditTrail.of(new SettingsLoader().load(p).settings().audit()).flush();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
            JsonNode e = line.isBlank() ? null : JSON.readTree(line);
            if (e != null && e.path("event").asText().equals(type)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void failModeRaisesVg001ThenRunsOnceApprovedAndOnlyOnce() throws Exception {
        Properties agent = agent("fail", "PT2M");
        try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
            c.setClientInfo("governance.reason", "JIRA-123 scratch table");
            ApprovalPendingException pending = assertThrows(ApprovalPendingException.class,
                    () -> s.execute("CREATE TABLE t(id INT)"));
            assertEquals("VG001", pending.getSQLState());
            String id = pending.requestId();
            assertTrue(pending.getMessage().contains(id), pending.getMessage());
            assertTrue(pending.getMessage().contains("agent-ddl-reviewed"), pending.getMessage());
            assertFalse(tableExists(c, "T"), "a pending statement never reaches the database");

            Approvals approvals = approvals(c);
            ApprovalRequest request = approvals.find(id).orElseThrow();
            assertEquals(ApprovalStatus.PENDING, request.status());
            assertEquals("agent-7", request.subject());
            assertEquals("agent", request.kind());
            assertEquals("CREATE TABLE t(id INT)", request.fullSql());
            assertEquals("JIRA-123 scratch table", request.reason());
            assertEquals(List.of("dba"), request.approverGroups());
            assertTrue(request.ruleIds().contains("agent-ddl-reviewed"), request.ruleIds().toString());
            assertEquals("production", request.environment());

            assertThrows(ReviewRefusedException.class, () -> approvals.approve(id, reviewer("agent-7", "dba")),
                    "self-approval");
            assertThrows(ReviewRefusedException.class, () -> approvals.approve(id, reviewer("bob", "ops")),
                    "not an approver");
            ApprovalPendingException retry = assertThrows(ApprovalPendingException.class,
                    () -> s.execute("CREATE TABLE t(id INT)"), "still pending after refused reviews");
            assertEquals(id, retry.requestId(), "running it again while pending doesn't file another request");
            assertEquals(1, approvals.list().size());
            approvals.approve(id, reviewer("dora", "dba"));

            s.execute("CREATE TABLE t(id INT)");
            assertTrue(tableExists(c, "T"), "the approved statement ran");
            assertEquals(ApprovalStatus.USED, approvals.find(id).orElseThrow().status());

            ApprovalPendingException again = assertThrows(ApprovalPendingException.class,
                    () -> s.execute("CREATE TABLE t(id INT)"), "single use");
            assertEquals("VG001", again.getSQLState());
            assertNotEquals(id, again.requestId());
        }
        List<JsonNode> requested = events(agent, "approval-requested");
        assertEquals(2, requested.size(), "one per request filed: " + requested);
        assertTrue(events(agent, "statement").stream().anyMatch(e -> e.path("requestId").asText().equals(
                requested.get(0).path("requestId").asText()) && e.path("error").asText().startsWith("VG001")),
                "the refused statement names its request");
        assertFalse(requested.get(0).path("requestId").asText().isEmpty());
        List<JsonNode> decided = events(agent, "approval-decided");
        assertTrue(decided.stream().anyMatch(e -> e.path("decision").path("action").asText().equals("approved")
                && e.path("reviewer").asText().equals("dora")), decided.toString());
        assertTrue(decided.stream().anyMatch(e -> e.path("decision").path("action").asText().equals("used")),
                decided.toString());
    }

    @Test
    void connectionsWithEqualSettingsShareTheMemoryStore() throws Exception {
        Properties agent = agent("fail", "PT2M");
        String id;
        try (Connection first = DriverManager.getConnection(url, agent); Statement s = first.createStatement()) {
            id = assertThrows(ApprovalPendingException.class, () -> s.execute("CREATE TABLE shared(id INT)")).requestId();
        }
        try (Connection second = DriverManager.getConnection(url, agent); Statement s = second.createStatement()) {
            approvals(second).approve(id, reviewer("dora", "dba"));
            s.execute("CREATE TABLE shared(id INT)");
            assertTrue(tableExists(second, "SHARED"));
        }
    }

    @Test
    void preparedStatementGrantIsForTheSameParameters() throws Exception {
        try (Connection svc = DriverManager.getConnection(url, as("svc", "service", "fail", "PT2M"));
             Statement s = svc.createStatement()) {
            s.execute("CREATE TABLE notes(n INT)");
        }
        try (Connection c = DriverManager.getConnection(url, agent("fail", "PT2M"));
             PreparedStatement ps = c.prepareStatement("INSERT INTO notes VALUES (?)")) {
            ps.setInt(1, 1);
            String id = assertThrows(ApprovalPendingException.class, ps::executeUpdate).requestId();
            assertFalse(approvals(c).find(id).orElseThrow().parametersHash().isEmpty());
            approvals(c).approve(id, reviewer("sam", "sre"));
            ps.setInt(1, 2);
            assertThrows(ApprovalPendingException.class, ps::executeUpdate, "other parameters, other grant");
            ps.setInt(1, 1);
            assertEquals(1, ps.executeUpdate());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM notes")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertFalse(rs.next());
            }
        }
    }

    /** In wait mode, a reviewer in another thread decides while the statement blocks. */
    private CompletableFuture<ApprovalRequest> decideWhenRequested(Approvals approvals, boolean approve) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < deadline) {
                    for (ApprovalRequest r : approvals.list()) {
                        if (r.status() == ApprovalStatus.PENDING) {
                            return approve ? approvals.approve(r.id(), reviewer("dora", "dba"))
                                    : approvals.deny(r.id(), reviewer("dora", "dba"));
                        }
                    }
                    Thread.sleep(50);
                }
                throw new IllegalStateException("no request appeared");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void waitModeDeniedRaisesVg002() throws Exception {
        try (Connection c = DriverManager.getConnection(url, agent("wait", "PT20S")); Statement s = c.createStatement()) {
            CompletableFuture<ApprovalRequest> reviewer = decideWhenRequested(approvals(c), false);
            ApprovalRefusedException refused = assertThrows(ApprovalRefusedException.class,
                    () -> s.execute("CREATE TABLE w(id INT)"));
            assertEquals("VG002", refused.getSQLState());
            assertEquals(reviewer.get(5, TimeUnit.SECONDS).id(), refused.requestId());
            assertTrue(refused.getMessage().contains("dora"), refused.getMessage());
            assertFalse(tableExists(c, "W"));
        }
    }

    @Test
    void waitModeApprovedRunsTheStatement() throws Exception {
        try (Connection c = DriverManager.getConnection(url, agent("wait", "PT20S")); Statement s = c.createStatement()) {
            CompletableFuture<ApprovalRequest> reviewer = decideWhenRequested(approvals(c), true);
            s.execute("CREATE TABLE w(id INT)");
            assertTrue(tableExists(c, "W"));
            assertEquals(ApprovalStatus.USED, approvals(c).find(reviewer.get(5, TimeUnit.SECONDS).id())
                    .orElseThrow().status());
        }
    }

    @Test
    void waitModeTimesOutWithVg003() throws Exception {
        try (Connection c = DriverManager.getConnection(url, agent("wait", "PT0.5S")); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            ApprovalTimeoutException timeout = assertThrows(ApprovalTimeoutException.class,
                    () -> s.execute("CREATE TABLE w(id INT)"));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("VG003", timeout.getSQLState());
            assertTrue(waited >= 450 && waited < 10_000, "waited " + waited + " ms");
            assertTrue(timeout.requestId() != null && timeout.getMessage().contains(timeout.requestId()));
            assertFalse(tableExists(c, "W"));
            assertEquals(1, approvals(c).list().size());
        }
    }

    @Test
    void autoApproveRunsAtOnceAndIsRecorded() throws Exception {
        Properties migrator = as("flyway", "agent", "fail", "PT2M");
        try (Connection c = DriverManager.getConnection(url, migrator); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE m(id INT)");
            assertTrue(tableExists(c, "M"));
            assertTrue(approvals(c).list().isEmpty(), "no request for an auto-approved statement");
        }
        List<JsonNode> decided = events(migrator, "approval-decided");
        assertEquals(1, decided.size(), decided.toString());
        assertEquals("auto-approved", decided.get(0).path("decision").path("action").asText());
        assertEquals("flyway", decided.get(0).path("identity").path("subject").asText());
    }
    @Test
    void webhookReceivesTheRequestWithoutLiterals() throws Exception {
        java.util.concurrent.BlockingQueue<String> bodies = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    + " " + exchange.getRequestMethod());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            Properties agent = agent("fail", "PT2M");
            agent.setProperty("governance.approval.webhook",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
                String id = assertThrows(ApprovalPendingException.class,
                        () -> s.execute("CREATE TABLE secret_12345(id INT DEFAULT 987654)")).requestId();
                String body = bodies.poll(10, TimeUnit.SECONDS);
                assertTrue(body != null && body.endsWith(" POST"), String.valueOf(body));
                JsonNode json = JSON.readTree(body.substring(0, body.length() - " POST".length()));
                assertEquals(id, json.path("id").asText());
                assertEquals("agent-7", json.path("subject").asText());
                assertEquals("dba", json.path("approvers").path(0).asText());
                assertFalse(body.contains("987654"), "literal values stay out of the webhook: " + body);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableWebhookNeverFailsTheStatement() throws Exception {
        // The hook is posted off the caller's thread (no timed assertion here: the suite has none); what must hold
        // is that a hook that can't be reached changes nothing about the decision or the connection.
        Properties agent = agent("fail", "PT2M");
        agent.setProperty("governance.approval.webhook", "http://127.0.0.1:9/unreachable");
        try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
            ApprovalPendingException e = assertThrows(ApprovalPendingException.class,
                    () -> s.execute("CREATE TABLE u(id INT)"));
            assertEquals("VG001", e.getSQLState());
            assertNotNull(e.requestId(), "the request was filed although its hook can't be reached");
            assertFalse(tableExists(c, "U"), "pending: the statement did not run");
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next(), "the connection stays usable");
            }
        }
    }
    @Test
    void unreachableStoreRefusesTheStatementAndLeavesTheConnectionUsable() throws Exception {
        Properties agent = agent("fail", "PT2M");
        agent.setProperty("governance.approval.store", "jdbc:h2:tcp://127.0.0.1:9/nothing-listens-here");
        try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE z(id INT)"));
            assertFalse(e instanceof ApprovalPendingException, "no request could be filed: " + e);
            assertEquals("VG001", e.getSQLState(), e.toString());
            assertTrue(e.getMessage().contains("no request was filed"), e.getMessage());
            assertTrue(e.getMessage().contains("approval store") && e.getMessage().contains("agent-ddl-reviewed"),
                    e.getMessage());
            assertFalse(tableExists(c, "Z"), "fail closed: the statement did not run");
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }
}
