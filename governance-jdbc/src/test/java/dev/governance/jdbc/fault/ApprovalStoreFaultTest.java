package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.approval.JdbcApprovalStore;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.testing.TestConnections;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The approval store's database goes away while a statement waits for approval ({@code approval.mode=wait}, the
 * {@code jdbc:} store on an H2 server this test stops): the waiting statement fails closed at once with VG001 naming
 * its request (not after the approval timeout), nothing runs, the trail holds the request and the refusal; when the
 * server is back and a reviewer approves, the same statement runs on its grant.
 */
class ApprovalStoreFaultTest {
    @TempDir
    Path dir;

    @Test
    void theStoreGoneWhileAStatementWaitsFailsItClosedAndTheRequestSurvives() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        int port = server.getPort();
        String store = "jdbc:h2:tcp://127.0.0.1:" + port + "/approvals";
        String db = "h2:mem:appr" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        Path file = dir.resolve("audit.jsonl");
        Properties agent = FaultTrail.audited(TestConnections.agent(), file);
        agent.setProperty("governance.approval.store", store);
        agent.setProperty("governance.approval.mode", "wait");
        agent.setProperty("governance.approval.timeout", "PT2M"); // far beyond the test: the store's loss ends the wait
        String requestId;
        try (Connection raw = DriverManager.getConnection("jdbc:" + db);
             Connection c = DriverManager.getConnection("jdbc:governed:" + db, agent);
             Statement s = c.createStatement()) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.execute("CREATE TABLE reviewed(id INT)");
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            requestId = awaitPendingRequest(store, waiting);
            awaitRequestedEvent(agent, file, requestId); // filed and recorded: the statement is now waiting
            server.stop(); // the store's database is gone while the statement waits

            SQLException failed = failure(waiting);
            ApprovalPendingException pending = assertInstanceOf(ApprovalPendingException.class, failed, failed.toString());
            assertEquals("VG001", pending.getSQLState());
            assertEquals(requestId, pending.requestId());
            assertTrue(pending.getMessage().contains("can't be used while waiting for request " + requestId)
                    && pending.getMessage().contains("agent-prod-ddl-reviewed"), pending.getMessage());
            assertFalse(tableExists(raw), "fail closed: the statement did not run");
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next(), "the connection stays usable");
            }

            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", dir.toString())
                    .start();
            new Approvals(new JdbcApprovalStore(store)).approve(requestId,
                    new Identity("dora", IdentityKind.HUMAN, List.of("dba"), null, null, true, null));
            s.execute("CREATE TABLE reviewed(id INT)");
            assertTrue(tableExists(raw), "approved once the store was back: the statement ran on its grant");
        } finally {
            server.stop();
        }
        List<JsonNode> events = FaultTrail.events(agent, file);
        assertEquals(1, events.stream().filter(e -> e.path("event").asText().equals("approval-requested")
                && e.path("requestId").asText().equals(requestId)).count(), "one request, filed before the store went");
        List<JsonNode> statements = FaultTrail.named(events, "statement", "CREATE TABLE reviewed");
        assertTrue(statements.stream().anyMatch(e -> e.path("error").asText().startsWith("VG001: ")
                && e.path("error").asText().contains("while waiting") && e.path("requestId").asText().equals(requestId)),
                "the refusal names the store and the request: " + statements);
        assertTrue(events.stream().anyMatch(e -> e.path("event").asText().equals("approval-decided")
                && e.path("requestId").asText().equals(requestId)), "the grant's use is recorded");
        assertTrue(statements.stream().anyMatch(e -> e.path("error").isNull() && !e.path("phase").asText().equals("intent")),
                "the approved statement's outcome: " + statements);
    }

    private static String awaitPendingRequest(String store, CompletableFuture<?> waiting) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !waiting.isDone()) {
            try (Connection c = DriverManager.getConnection(store); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM governance_approvals WHERE status = 'PENDING'")) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            } catch (SQLException notYetCreated) {
                // the table appears with the first request
            }
            Thread.sleep(20);
        }
        waiting.join();
        throw new AssertionError("no request was filed");
    }

    private static void awaitRequestedEvent(Properties agent, Path file, String requestId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && FaultTrail.events(agent, file).stream().anyMatch(e -> e.path("event").asText()
                    .equals("approval-requested") && e.path("requestId").asText().equals(requestId))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the request was never recorded");
    }

    private static SQLException failure(CompletableFuture<Boolean> waiting) throws Exception {
        try {
            throw new AssertionError("the waiting statement returned " + waiting.get(20, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            return assertInstanceOf(SQLException.class, e.getCause(), String.valueOf(e.getCause()));
        }
    }

    private static boolean tableExists(Connection raw) throws SQLException {
        try (ResultSet rs = raw.getMetaData().getTables(null, null, "REVIEWED", null)) {
            return rs.next();
        }
    }
}
