package dev.governance.jdbc.console;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.JdbcApprovalStore;
import dev.governance.jdbc.identity.IdentityKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console over plain HTTP: who gets in, what a state change needs, who may decide, what the pages escape. */
class ConsoleHttpTest {

    /** Every endpoint behind the sign-in: method and path. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/"}, new String[] {"GET", "/approvals"}, new String[] {"GET", "/approvals/events"},
            new String[] {"GET", "/audit"}, new String[] {"GET", "/audit/identities"}, new String[] {"GET", "/audit/chain"},
            new String[] {"GET", "/no-such-page"}, new String[] {"POST", "/logout"},
            new String[] {"POST", "/approvals/some-id/decide"});

    /**
     * Under target/, not a JUnit temporary directory: the driver's trail writer finishes its last events (connection
     * closes) after a test, and would race the directory's deletion.
     */
    Path dir;
    ConsoleFixture console;
    String h2;

    @BeforeEach
    void start() throws Exception {
        dir = ConsoleFixture.newDirectory();
        h2 = "jdbc:h2:mem:console_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection raw = DriverManager.getConnection(h2); Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE orders(id INT PRIMARY KEY, status VARCHAR(20), note VARCHAR(200))");
            s.execute("INSERT INTO orders VALUES (1,'void',''),(2,'void',''),(3,'paid',''),(4,'void','')");
        }
        console = new ConsoleFixture(dir, ConsoleFixture.POLICY).start(List.of(h2));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        try (Connection raw = DriverManager.getConnection(h2); Statement s = raw.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private String fileRequest(String agent, String sql) throws Exception {
        try (Connection c = console.connectAgent(h2, agent, "fail"); Statement s = c.createStatement()) {
            c.setClientInfo("governance.reason", "tidy up voided orders");
            return assertThrows(ApprovalPendingException.class, () -> s.executeUpdate(sql)).requestId();
        }
    }

    private ApprovalRequest stored(String id) throws Exception {
        return new JdbcApprovalStore(console.store).find(id).orElseThrow();
    }

    private HttpResponse<String> call(HttpClientSession http, String[] endpoint, String... headers) throws Exception {
        return endpoint[0].equals("GET") ? http.get(endpoint[1], headers)
                : http.post(endpoint[1], Map.of("verdict", "approve"), headers);
    }

    @Test
    void everyEndpointWithoutCredentialsIs401() throws Exception {
        HttpClientSession http = new HttpClientSession(console.base());
        for (String[] endpoint : ENDPOINTS) {
            HttpResponse<String> r = call(http, endpoint);
            assertEquals(401, r.statusCode(), endpoint[0] + " " + endpoint[1]);
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), endpoint[1]);
            assertFalse(r.body().contains("id=\"pending\""), "no console content before sign-in: " + endpoint[1]);
        }
    }

    @Test
    void forgedExpiredOrGarbageTokensAre401EverywhereAndAtSignIn() throws Exception {
        List<String> dba = List.of("dba");
        String forged = console.forgedToken("dora", dba);
        String expired = console.expiredToken("dora", dba);
        String wrongAudience = dev.governance.jdbc.identity.TokenMinter.mint(console.key, ConsoleFixture.ISSUER,
                "another-app", "dora", IdentityKind.HUMAN, dba, java.time.Duration.ofMinutes(5), null);
        for (String token : List.of(forged, expired, wrongAudience, "not-a-token")) {
            HttpClientSession http = new HttpClientSession(console.base());
            for (String[] endpoint : ENDPOINTS) {
                assertEquals(401, call(http, endpoint, "Authorization", "Bearer " + token).statusCode(),
                        endpoint[0] + " " + endpoint[1]);
            }
            HttpResponse<String> signIn = http.signIn(token);
            assertEquals(401, signIn.statusCode(), signIn.body());
            assertTrue(signIn.body().contains("token refused"), signIn.body());
            assertFalse(http.cookies.containsKey("governance_console"), "no session for a refused token");
        }
    }

    @Test
    void signInGivesAStrictHttpOnlySessionAndEveryPageItsSecurityHeaders() throws Exception {
        HttpClientSession http = new HttpClientSession(console.base());
        HttpResponse<String> signIn = http.signIn(console.token("dora", IdentityKind.HUMAN, List.of("dba")));
        assertEquals(303, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("governance_console=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        for (String path : List.of("/approvals", "/audit", "/audit/identities", "/audit/chain")) {
            HttpResponse<String> page = http.get(path);
            assertEquals(200, page.statusCode(), path);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(page.body().contains("dora"), path);
        }
    }

    @Test
    void stateChangesWithoutTheirCsrfTokenAre403AndChangeNothing() throws Exception {
        String id = fileRequest("agent-7", "DELETE FROM orders WHERE status = 'void'");
        HttpClientSession http = new HttpClientSession(console.base());
        http.signIn(console.token("dora", IdentityKind.HUMAN, List.of("dba")));
        String csrf = http.csrf();
        for (String[] endpoint : List.of(new String[] {"POST", "/logout"},
                new String[] {"POST", "/approvals/" + id + "/decide"})) {
            assertEquals(403, http.post(endpoint[1], Map.of("verdict", "approve")).statusCode(), endpoint[1]);
            assertEquals(403, http.post(endpoint[1], Map.of("verdict", "approve", "csrf", "x" + csrf)).statusCode(),
                    endpoint[1]);
            assertEquals(403, http.post(endpoint[1], Map.of("verdict", "approve"), "X-CSRF-Token", "").statusCode(),
                    endpoint[1]);
        }
        assertEquals(ApprovalStatus.PENDING, stored(id).status(), "nothing decided without the CSRF token");
        assertEquals(200, http.get("/approvals").statusCode(), "and the session was not signed out");

        HttpClientSession fresh = new HttpClientSession(console.base());
        HttpResponse<String> noNonce = fresh.post("/login", Map.of("token", console.token("dora", IdentityKind.HUMAN,
                List.of("dba"))));
        assertEquals(403, noNonce.statusCode(), "a sign-in without the form's nonce could be forged cross-site");
        assertFalse(fresh.cookies.containsKey("governance_console"));
    }

    @Test
    void onlyAnApproverWhoIsNoPartyToTheRequestDecidesAndTheDecisionIsRecorded() throws Exception {
        String id = fileRequest("agent-7", "DELETE FROM orders WHERE status = 'void'");

        HttpClientSession outsider = new HttpClientSession(console.base());
        outsider.signIn(console.token("sam", IdentityKind.HUMAN, List.of("security")));
        HttpResponse<String> refused = outsider.post("/approvals/" + id + "/decide",
                Map.of("verdict", "approve", "csrf", outsider.csrf()));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("not an approver"), refused.body());

        String requesterToken = console.token("agent-7", IdentityKind.AGENT, List.of("dba"));
        HttpResponse<String> agent = new HttpClientSession(console.base()).post("/approvals/" + id + "/decide",
                Map.of("verdict", "approve"), "Authorization", "Bearer " + requesterToken);
        assertEquals(401, agent.statusCode(), "agents don't sign in to the review console: " + agent.body());
        HttpResponse<String> agentSignIn = new HttpClientSession(console.base()).signIn(requesterToken);
        assertEquals(401, agentSignIn.statusCode());
        assertTrue(agentSignIn.body().contains("is of kind agent"), agentSignIn.body());
        assertEquals(ApprovalStatus.PENDING, stored(id).status());

        HttpClientSession dba = new HttpClientSession(console.base());
        dba.signIn(console.token("dora", IdentityKind.HUMAN, List.of("dba")));
        HttpResponse<String> approved = dba.post("/approvals/" + id + "/decide",
                Map.of("verdict", "approve", "comment", "checked the count", "csrf", dba.csrf()));
        assertEquals(303, approved.statusCode(), approved.body());
        ApprovalRequest decided = stored(id);
        assertEquals(ApprovalStatus.APPROVED, decided.status());
        assertEquals("dora", decided.reviewer());
        assertTrue(dba.get("/approvals?decided=" + id).body().contains("Request " + id + " approved by dora."));
        assertEquals(409, dba.post("/approvals/" + id + "/decide", Map.of("verdict", "deny", "csrf", dba.csrf()))
                .statusCode(), "decided once");

        String trail = Files.readString(console.auditDir.resolve("governance-console.jsonl"));
        assertTrue(trail.contains("\"event\":\"approval-decided\"") && trail.contains("\"requestId\":\"" + id + "\"")
                && trail.contains("\"reviewer\":\"dora\"") && trail.contains("\"comment\":\"checked the count\""), trail);

        try (Connection c = console.connectAgent(h2, "agent-7", "fail"); Statement s = c.createStatement()) {
            assertEquals(3, s.executeUpdate("DELETE FROM orders WHERE status = 'void'"), "the grant is used once");
        }
        // The page drawn after the statement used its grant still says who approved it, not that dora used it.
        String after = dba.get("/approvals?decided=" + id).body();
        assertTrue(after.contains("Request " + id + " approved by dora and since used by its statement."), after);
        try (Connection raw = DriverManager.getConnection(h2); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void theHumanAnAgentActsForCannotApproveItsRequest() throws Exception {
        java.util.Properties agent = console.agent("agent-9", "fail");
        agent.setProperty("governance.identity.token",
                console.actingToken("agent-9", "alice", IdentityKind.AGENT, List.of("agents")));
        String id;
        try (Connection c = DriverManager.getConnection("jdbc:governed:" + h2.substring(5), agent);
             Statement s = c.createStatement()) {
            id = assertThrows(ApprovalPendingException.class,
                    () -> s.executeUpdate("DELETE FROM orders WHERE id = 1")).requestId();
        }
        assertEquals("alice", stored(id).onBehalfOf());
        HttpClientSession alice = new HttpClientSession(console.base());
        alice.signIn(console.token("alice", IdentityKind.HUMAN, List.of("dba")));
        String page = alice.get("/approvals").body();
        assertTrue(page.contains("You are a party to this request"), page);
        HttpResponse<String> refused = alice.post("/approvals/" + id + "/decide",
                Map.of("verdict", "approve", "csrf", alice.csrf()));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(ApprovalStatus.PENDING, stored(id).status());
    }

    @Test
    void theFullSqlIsShownEscapedWithItsImpactAndNothingRuns() throws Exception {
        String id = fileRequest("agent-7", "UPDATE orders SET note = '<script>alert(1)</script>' WHERE status = 'void'");
        String page = new HttpClientSession(console.base()).get("/approvals", "Authorization",
                "Bearer " + console.token("dora", IdentityKind.HUMAN, List.of("dba"))).body();
        assertTrue(page.contains("id=\"req-" + id + "\""), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script>alert"), "the agent's SQL is never markup");
        assertTrue(page.contains("3 rows match"), page);
        assertTrue(page.contains("tidy up voided orders") && page.contains("agent-writes-reviewed")
                && page.contains("agent-7") && page.contains("production"), page);
        try (Connection raw = DriverManager.getConnection(h2); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM orders WHERE note <> ''")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the impact is a count, not the change");
        }
    }

    @Test
    void eventStreamSendsPendingRequestsAndNewOnesAsTheyArrive() throws Exception {
        String first = fileRequest("agent-7", "DELETE FROM orders WHERE id = 3");
        HttpRequest request = HttpRequest.newBuilder(URI.create(console.base() + "/approvals/events"))
                .header("Authorization", "Bearer " + console.token("dora", IdentityKind.HUMAN, List.of("dba"))).build();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertNotNull(awaitEvent(lines, "request", first), "the pending request comes first");
            String second = fileRequest("agent-8", "DELETE FROM orders WHERE id = 4");
            String data = awaitEvent(lines, "request", second);
            assertTrue(data.contains("1 row matches"), data);

            HttpResponse<String> denied = new HttpClientSession(console.base()).post("/approvals/" + first + "/decide",
                    Map.of("verdict", "deny"), "Authorization",
                    "Bearer " + console.token("dora", IdentityKind.HUMAN, List.of("dba")));
            assertEquals(303, denied.statusCode(), denied.body());
            assertTrue(awaitEvent(lines, "decided", first).contains("\"status\":\"denied\""),
                    "open pages learn of a decision made elsewhere");
        }
    }

    /** Reads events until one of {@code type} for {@code id}; returns its data line. */
    private static String awaitEvent(BufferedReader lines, String type, String id) throws Exception {
        String event = null;
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && type.equals(event) && line.contains("\"id\":\"" + id + "\"")) {
                return line;
            }
        }
        throw new AssertionError("stream ended before " + type + " " + id);
    }
}
