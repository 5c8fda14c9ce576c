package dev.governance.jdbc.cli;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver and the command line sharing one jdbc: approval store. */
class ApprovalsCommandTest {
    @TempDir
    Path dir;

    private Properties agent(String store) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                identities:
                  agents: { kind: agent }
                rules:
                  - id: agent-ddl-reviewed
                    when:   { identity: agents, statement: [CREATE] }
                    action: approve
                    approvers: { groups: [dba] }
                """);
        Properties p = TestConnections.as("agent-7", "agent");
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.approval.store", store);
        return p;
    }

    @Test
    void requestFromTheDriverIsListedAndApprovedOnTheCommandLine() throws Exception {
        String store = "jdbc:h2:file:" + dir.resolve("approvals").toAbsolutePath();
        String url = TestConnections.newH2Url();
        try (Connection c = DriverManager.getConnection(url, agent(store)); Statement s = c.createStatement()) {
            c.setClientInfo("governance.reason", "needed for the nightly report");
            String id = assertThrows(ApprovalPendingException.class, () -> s.execute("CREATE TABLE t(id INT)"))
                    .requestId();

            CliRun list = CliRun.of("approvals", "list", "--store", store);
            assertEquals(0, list.exit(), list.err());
            assertTrue(list.out().contains(id) && list.out().contains("PENDING") && list.out().contains("agent-7"),
                    list.out());

            CliRun show = CliRun.of("approvals", "show", "--store", store, id);
            assertEquals(0, show.exit(), show.err());
            assertTrue(show.out().contains("CREATE TABLE t(id INT)"), show.out());
            assertTrue(show.out().contains("needed for the nightly report"), show.out());

            CliRun own = CliRun.of("approvals", "approve", "--store", store, "--as", "agent-7", "--groups", "dba", id);
            assertEquals(1, own.exit(), own.out());
            assertTrue(own.err().contains("own request"), own.err());
            CliRun outsider = CliRun.of("approvals", "approve", "--store", store, "--as", "bob", "--groups", "ops", id);
            assertEquals(1, outsider.exit());
            assertEquals(1, CliRun.of("approvals", "approve", "--store", store, "--as", "dora", "--groups", "dba",
                    "no-such-id").exit());
            assertEquals(1, CliRun.of("approvals", "show", "--store", store, "no-such-id").exit());
            assertThrows(ApprovalPendingException.class, () -> s.execute("CREATE TABLE t(id INT)"), "not approved yet");

            Path trail = dir.resolve("cli-audit.jsonl");
            assertEquals(0, Main.commandLine().execute("approvals", "approve", "--store", store, "--as", "dora",
                    "--groups", "dba", "--audit", "jsonl:" + trail, id));
            String recorded = Files.readString(trail);
            assertTrue(recorded.contains("\"event\":\"approval-decided\"") && recorded.contains("\"reviewer\":\"dora\"")
                    && recorded.contains(id) && recorded.contains("\"action\":\"approved\""), recorded);
            assertEquals(0, CliRun.of("audit", "verify", trail.toString()).exit());
            s.execute("CREATE TABLE t(id INT)");
            try (ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'T'")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            CliRun after = CliRun.of("approvals", "show", "--store", store, id);
            assertTrue(after.out().contains("USED") && after.out().contains("dora"), after.out());
        }
    }

    @Test
    void denyOnTheCommandLineAndUsageErrors() throws Exception {
        String store = "jdbc:h2:mem:cli" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), agent(store));
             Statement s = c.createStatement()) {
            String id = assertThrows(ApprovalPendingException.class, () -> s.execute("CREATE TABLE d(id INT)"))
                    .requestId();
            CliRun deny = CliRun.of("approvals", "deny", "--store", store, "--as", "dora", "--groups", "dba", id);
            assertEquals(0, deny.exit(), deny.err());
            CliRun show = CliRun.of("approvals", "show", "--store", store, id);
            assertTrue(show.out().contains("DENIED"), show.out());
            assertEquals(1, CliRun.of("approvals", "approve", "--store", store, "--as", "dora", "--groups", "dba", id)
                    .exit(), "a denied request can't be approved afterwards");
            assertThrows(ApprovalPendingException.class, () -> s.execute("CREATE TABLE d(id INT)"));
        }
        assertEquals(2, CliRun.of("approvals", "list").exit(), "--store is required");
        assertEquals(2, CliRun.of("approvals", "list", "--store", "memory").exit());
        assertEquals(2, CliRun.of("approvals", "approve", "--store", store, "some-id").exit(), "--as is required");
        assertEquals(2, CliRun.of("approvals", "approve", "--store", store, "--as",
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "some-id").exit(), "a token without --jwks isn't trusted");
        assertEquals(2, CliRun.of("approvals").exit());
        assertFalse(CliRun.of("approvals", "--help").out().isEmpty());
    }
    @Test
    void reviewerTokenIsVerified() throws Exception {
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("dev").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new com.nimbusds.jose.jwk.JWKSet(java.util.List.of(key.toPublicJWK())).toString());
        String dora = dev.governance.jdbc.identity.TokenMinter.mint(key, "iss-a", "aud-a", "dora",
                dev.governance.jdbc.identity.IdentityKind.HUMAN, java.util.List.of("dba"), java.time.Duration.ofMinutes(5), null);
        String self = dev.governance.jdbc.identity.TokenMinter.mint(key, "iss-a", "aud-a", "agent-7",
                dev.governance.jdbc.identity.IdentityKind.HUMAN, java.util.List.of("dba"), java.time.Duration.ofMinutes(5), null);
        String store = "jdbc:h2:mem:tok" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), agent(store));
             Statement s = c.createStatement()) {
            String id = assertThrows(ApprovalPendingException.class, () -> s.execute("CREATE TABLE k(id INT)"))
                    .requestId();
            String[] verify = {"--jwks", jwks.toString(), "--issuer", "iss-a", "--audience", "aud-a"};
            CliRun wrongIssuer = CliRun.of("approvals", "approve", "--store", store, "--as", dora, "--jwks",
                    jwks.toString(), "--issuer", "iss-b", "--audience", "aud-a", id);
            assertEquals(1, wrongIssuer.exit(), wrongIssuer.err());
            assertTrue(wrongIssuer.err().contains("iss"), wrongIssuer.err());
            CliRun tampered = CliRun.of(concat(new String[] {"approvals", "approve", "--store", store, "--as",
                    dora.substring(0, dora.length() - 4) + "AAAA"}, verify, id));
            assertEquals(1, tampered.exit(), tampered.err());
            assertEquals(1, CliRun.of(concat(new String[] {"approvals", "approve", "--store", store, "--as", self},
                    verify, id)).exit(), "own request, by token");
            assertEquals(2, CliRun.of(concat(new String[] {"approvals", "approve", "--store", store, "--as", dora,
                    "--groups", "dba"}, verify, id)).exit(), "groups come from the token");
            CliRun ok = CliRun.of(concat(new String[] {"approvals", "approve", "--store", store, "--as", dora}, verify, id));
            assertEquals(0, ok.exit(), ok.err());
            assertTrue(ok.out().contains("by dora"), ok.out());
            s.execute("CREATE TABLE k(id INT)");
        }
    }

    private static String[] concat(String[] head, String[] middle, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + middle.length + 1);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        all[all.length - 1] = last;
        return all;
    }
}
