package dev.governance.jdbc.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.cli.Main;
import dev.governance.jdbc.identity.IdentityKind;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance scenarios of the MCP server, the same on every database: the server runs as a separate process
 * (its -all jar) and the SDK's own client drives it over stdio (an agent's configured token) and HTTP (bearer tokens
 * per request).
 */
final class McpScenarios {
    static final String POLICY = """
            version: 1
            identities:
              agents: { kind: agent }
            rules:
              - id: agent-no-drop
                when: { identity: agents, statement: [DROP, TRUNCATE] }
                action: deny
                message: "Agents may not drop or truncate"
              - id: agent-ddl-reviewed
                when: { identity: agents, statement: [CREATE, ALTER] }
                action: approve
                approvers: { groups: [dba] }
              - id: agent-small-results
                when: { identity: agents, tables: ["*big*"] }
                max-result-rows: 5
            masking:
              detect: auto
              unmasked-for: { groups: [pii-reader] }
            """;

    /** The database under test. */
    interface Db {
        String governedUrl();

        Connection raw() throws SQLException;

        /** {@code governance.approval.store} value shared by the server and the reviewer's command line. */
        String approvalStore();
    }

    private final Db db;
    private final McpFixture fixture;
    private final String customers;
    private final String big;
    private final String notes;
    private final String suffix;

    McpScenarios(Db db, McpFixture fixture, String suffix) {
        this.db = db;
        this.fixture = fixture;
        this.suffix = suffix;
        this.customers = "mcp_customers_" + suffix;
        this.big = "mcp_big_" + suffix;
        this.notes = "mcp_notes_" + suffix;
    }

    void createTables() throws SQLException {
        try (Connection c = db.raw(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + customers + " (id INT PRIMARY KEY, name VARCHAR(40), email VARCHAR(80))");
            s.execute("CREATE TABLE " + big + " (id INT PRIMARY KEY, v INT)");
            for (int i = 1; i <= 30; i++) {
                s.execute("INSERT INTO " + customers + " VALUES (" + i + ", 'name" + i + "', 'person" + i + "@example.com')");
            }
            for (int i = 1; i <= 12; i++) {
                s.execute("INSERT INTO " + big + " VALUES (" + i + ", " + i + ")");
            }
        }
    }

    void dropTables() throws SQLException {
        try (Connection c = db.raw(); Statement s = c.createStatement()) {
            for (String t : List.of(customers, big, notes)) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        }
    }

    private Path policy() throws Exception {
        Path p = fixture.dir.resolve("policy.yaml");
        Files.writeString(p, POLICY);
        return p;
    }

    /** Everything over stdio as an agent; returns the audit file. */
    Path stdioAgent() throws Exception {
        Path audit = fixture.dir.resolve("audit-stdio.jsonl");
        String agent = fixture.token("agent-7", IdentityKind.AGENT);
        Path config = fixture.config("stdio.properties", agent, policy(), db.approvalStore(), audit,
                "governance.mcp.max-rows", "20", "governance.mcp.max-bytes", "2KB");
        StringBuffer stderr = new StringBuffer();
        McpSyncClient client = fixture.stdio(db.governedUrl(), config, stderr);
        try {
            Set<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
            assertEquals(Set.of("list_tables", "describe_table", "query", "check", "approval_status"), tools);

            listsAndPages(client);
            describes(client);
            queriesMaskedAndCapped(client);
            refusesDrop(client);
            stopsAtResultLimit(client);
            checksWithoutRunning(client);
            approvalRoundTrip(client);
            waitMode(client);
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\nserver stderr:\n" + stderr, e);
        } finally {
            fixture.closeClients();
        }
        return audit;
    }

    private void listsAndPages(McpSyncClient client) throws Exception {
        McpFixture.Result all = McpFixture.call(client, "list_tables", Map.of("filter", suffix));
        assertFalse(all.error(), all.toString());
        assertEquals(2, all.body().path("total").asInt(), all.toString());
        List<String> names = new ArrayList<>();
        all.body().path("tables").forEach(t -> names.add(t.path("name").asText().toLowerCase(Locale.ROOT)));
        assertEquals(List.of(big, customers), names, "sorted by name");

        McpFixture.Result page = McpFixture.call(client, "list_tables", Map.of("filter", suffix, "limit", 1));
        assertEquals(1, page.body().path("tables").size(), page.toString());
        assertEquals(1, page.body().path("nextOffset").asInt(), page.toString());
        McpFixture.Result second = McpFixture.call(client, "list_tables", Map.of("filter", suffix, "limit", 1, "offset", 1));
        assertEquals(customers, second.body().path("tables").get(0).path("name").asText().toLowerCase(Locale.ROOT));
        assertTrue(second.body().path("nextOffset").isNull(), second.toString());

        McpFixture.Result bad = McpFixture.call(client, "list_tables", Map.of("limit", 100000));
        assertTrue(bad.error(), "a limit beyond 200 is the caller's error: " + bad);
    }

    private void describes(McpSyncClient client) throws Exception {
        McpFixture.Result d = McpFixture.call(client, "describe_table", Map.of("table", customers));
        assertFalse(d.error(), d.toString());
        JsonNode email = column(d.body(), "email");
        JsonNode id = column(d.body(), "id");
        assertTrue(email.path("masked").asBoolean(), "email is masked for an agent: " + d);
        assertFalse(column(d.body(), "name").path("masked").asBoolean(), d.toString());
        assertTrue(id.path("primaryKey").asBoolean(), d.toString());
        assertFalse(id.path("masked").asBoolean(), "ids are never masked: " + d);
        assertTrue(id.path("type").asText().toUpperCase(Locale.ROOT).startsWith("INT"), d.toString());

        McpFixture.Result missing = McpFixture.call(client, "describe_table", Map.of("table", "no_such_" + suffix));
        assertTrue(missing.error() && missing.body().path("reason").asText().contains("no table named"), missing.toString());
    }

    private static JsonNode column(JsonNode table, String name) {
        for (JsonNode c : table.path("columns")) {
            if (c.path("name").asText().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + table);
    }

    private void queriesMaskedAndCapped(McpSyncClient client) throws Exception {
        McpFixture.Result q = McpFixture.call(client, "query",
                Map.of("sql", "SELECT id, name, email FROM " + customers + " ORDER BY id"));
        assertFalse(q.error(), q.toString());
        assertEquals(20, q.body().path("rowCount").asInt(), "capped by governance.mcp.max-rows: " + q);
        assertTrue(q.body().path("truncated").asBoolean(), q.toString());
        assertTrue(q.body().path("note").asText().contains("governance.mcp.max-rows"), q.toString());
        JsonNode first = q.body().path("rows").get(0);
        assertEquals(1, first.path(label(q, "id")).asInt());
        String email = first.path(label(q, "email")).asText();
        assertTrue(email.startsWith("<email:"), "masked for the agent: " + email);
        assertFalse(q.body().toString().contains("@example.com"), "no real address anywhere in the result: " + q);

        McpFixture.Result wide = McpFixture.call(client, "query",
                Map.of("sql", "SELECT id, REPEAT('x', 600) AS pad FROM " + customers + " ORDER BY id"));
        assertFalse(wide.error(), wide.toString());
        int rows = wide.body().path("rowCount").asInt();
        assertTrue(rows > 0 && rows < 5, "2KB hold a few 600-byte rows: " + rows);
        assertTrue(wide.body().path("note").asText().contains("governance.mcp.max-bytes"), wide.toString());
        assertTrue(McpFixture.JSON.writeValueAsBytes(wide.body().path("rows")).length <= 2048, wide.toString());

        McpFixture.Result small = McpFixture.call(client, "query",
                Map.of("sql", "SELECT COUNT(*) AS n FROM " + customers));
        assertEquals(30, small.body().path("rows").get(0).path(label(small, "n")).asInt(), "counts are never masked");
        assertFalse(small.body().path("truncated").asBoolean(), small.toString());
    }

    /** The label as the database spells it (H2 upper-cases, PostgreSQL lower-cases). */
    private static String label(McpFixture.Result r, String name) {
        for (JsonNode c : r.body().path("columns")) {
            if (c.path("name").asText().equalsIgnoreCase(name)) {
                return c.path("name").asText();
            }
        }
        throw new AssertionError("no column " + name + " in " + r);
    }

    private void refusesDrop(McpSyncClient client) throws Exception {
        McpFixture.Result r = McpFixture.call(client, "query", Map.of("sql", "DROP TABLE " + customers));
        assertTrue(r.error(), r.toString());
        assertEquals("42501", r.body().path("sqlState").asText(), r.toString());
        assertEquals("agent-no-drop", r.body().path("rules").get(0).asText(), r.toString());
        // the rule's reason, then the statement it refused (literals replaced), so an agent knows which one
        assertEquals("Agents may not drop or truncate (statement: DROP TABLE " + customers + ")",
                r.body().path("reason").asText(), r.toString());
        assertTrue(tableExists(customers), "the table is still there, seen through the real driver");
    }

    private void stopsAtResultLimit(McpSyncClient client) throws Exception {
        McpFixture.Result r = McpFixture.call(client, "query", Map.of("sql", "SELECT id, v FROM " + big + " ORDER BY id"));
        assertTrue(r.error(), r.toString());
        assertEquals("VG021", r.body().path("sqlState").asText(), r.toString());
        assertEquals("agent-small-results", r.body().path("rules").get(0).asText(), r.toString());
        McpFixture.Result ok = McpFixture.call(client, "query",
                Map.of("sql", "SELECT id, v FROM " + big + " WHERE id <= 5 ORDER BY id"));
        assertFalse(ok.error(), "a result within the limit reads normally: " + ok);
        assertEquals(5, ok.body().path("rowCount").asInt(), ok.toString());
    }

    private void checksWithoutRunning(McpSyncClient client) throws Exception {
        McpFixture.Result c = McpFixture.call(client, "check", Map.of("sql", "DROP TABLE " + big));
        assertFalse(c.error(), c.toString());
        assertEquals("deny", c.body().path("action").asText(), c.toString());
        assertEquals("agent-no-drop", c.body().path("rules").get(0).asText(), c.toString());
        assertFalse(c.body().path("ran").asBoolean(), c.toString());
        assertTrue(tableExists(big), "check ran nothing");
    }

    private void approvalRoundTrip(McpSyncClient client) throws Exception {
        String create = "CREATE TABLE " + notes + " (id INT PRIMARY KEY, note VARCHAR(40))";
        McpFixture.Result pending = McpFixture.call(client, "query", Map.of("sql", create));
        assertTrue(pending.error(), pending.toString());
        assertEquals("VG001", pending.body().path("sqlState").asText(), pending.toString());
        assertEquals("agent-ddl-reviewed", pending.body().path("rules").get(0).asText(), pending.toString());
        String id = pending.body().path("requestId").asText();
        assertFalse(id.isBlank(), pending.toString());
        assertTrue(pending.body().path("next").asText().contains(id), "says what to do: " + pending);
        assertFalse(tableExists(notes), "nothing ran while pending");

        McpFixture.Result status = McpFixture.call(client, "approval_status", Map.of("requestId", id));
        assertEquals("pending", status.body().path("status").asText(), status.toString());

        String dba = fixture.token("dana", IdentityKind.HUMAN, "dba");
        int exit = Main.run("approvals", "approve", "--store", db.approvalStore(), "--as", dba,
                "--jwks", fixture.jwks.toString(), "--issuer", McpFixture.ISSUER, "--audience", McpFixture.AUDIENCE, id);
        assertEquals(0, exit, "the reviewer approves from the command line");

        status = McpFixture.call(client, "approval_status", Map.of("requestId", id));
        assertEquals("approved", status.body().path("status").asText(), status.toString());
        assertEquals("dana", status.body().path("reviewer").asText(), status.toString());

        McpFixture.Result retry = McpFixture.call(client, "query", Map.of("sql", create));
        assertFalse(retry.error(), "the approved statement runs: " + retry);
        assertTrue(tableExists(notes), "the table exists, seen through the real driver");
    }

    /** {@code wait}: the call blocks until a reviewer decides (or the timeout, VG003 with the request id). */
    private void waitMode(McpSyncClient client) throws Exception {
        String alter = "ALTER TABLE " + notes + " ADD COLUMN extra INT";
        McpFixture.Result late = McpFixture.call(client, "query", Map.of("sql", alter, "wait", true, "timeoutSeconds", 1));
        assertTrue(late.error(), late.toString());
        assertEquals("VG003", late.body().path("sqlState").asText(), late.toString());
        String id = late.body().path("requestId").asText();
        assertFalse(id.isBlank(), late.toString());

        java.util.concurrent.CompletableFuture<McpFixture.Result> waiting = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return McpFixture.call(client, "query", Map.of("sql", alter, "wait", true, "timeoutSeconds", 300));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        Thread.sleep(2000); // let the call start waiting; it passes either way
        String dba = fixture.token("dana", IdentityKind.HUMAN, "dba");
        assertEquals(0, Main.run("approvals", "approve", "--store", db.approvalStore(), "--as", dba,
                "--jwks", fixture.jwks.toString(), "--issuer", McpFixture.ISSUER, "--audience", McpFixture.AUDIENCE, id));
        McpFixture.Result done = waiting.get(McpFixture.TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(done.error(), "the waiting call ran once approved: " + done);
        assertTrue(columnExists(notes, "extra"), "the change is in the database");
    }

    private boolean columnExists(String table, String column) throws SQLException {
        try (Connection c = db.raw()) {
            for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
                for (String col : List.of(column, column.toUpperCase(Locale.ROOT))) {
                    try (ResultSet rs = c.getMetaData().getColumns(null, null, t, col)) {
                        if (rs.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** HTTP: bearer tokens per request; masked for an agent, real for a pii-reader; 401 without or with a bad one. */
    Path http() throws Exception {
        Path audit = fixture.dir.resolve("audit-http.jsonl");
        Path config = fixture.config("http.properties", null, policy(), db.approvalStore(), audit);
        StringBuffer stderr = new StringBuffer();
        String base = fixture.http(db.governedUrl(), config, stderr);
        try {
            assertEquals(401, post(base, null), "no token: 401");
            assertEquals(401, post(base, "not-a-jwt"), "garbage token: 401");
            assertEquals(401, post(base, fixture.expiredToken("agent-7")), "expired token: 401");
            String agentToken = fixture.token("agent-9", IdentityKind.AGENT);
            assertEquals(200, post(base, agentToken, null), "a valid token, no Origin (not a browser): served");
            assertEquals(200, post(base, agentToken, base), "a valid token from the server's own origin: served");
            assertEquals(403, post(base, agentToken, "http://evil.example"),
                    "another site's page (the browser sends its Origin) is refused even with a token");
            assertEquals(403, post(base, agentToken, "null"), "an opaque origin (sandboxed frame, file:) is refused");
            assertEquals(421, postWithHost(base, agentToken, "rebound.evil.example"),
                    "DNS rebinding: a Host header naming another host is refused");
            assertThrows(RuntimeException.class, () -> fixture.httpClient(base, null, "no-token-client"),
                    "the SDK's client can't even initialize without a token");
            assertThrows(RuntimeException.class,
                    () -> fixture.httpClient(base, fixture.expiredToken("agent-7"), "expired-client"));

            String sql = "SELECT id, email FROM " + customers + " WHERE id = 3";
            McpSyncClient reader = fixture.httpClient(base, fixture.token("pii-reader-1", IdentityKind.AGENT, "pii-reader"),
                    "mcp-it-http");
            McpFixture.Result real = McpFixture.call(reader, "query", Map.of("sql", sql));
            assertFalse(real.error(), real.toString());
            assertEquals("person3@example.com", real.body().path("rows").get(0).path(label(real, "email")).asText());

            McpSyncClient agent = fixture.httpClient(base, fixture.token("agent-9", IdentityKind.AGENT), "mcp-it-http");
            McpFixture.Result masked = McpFixture.call(agent, "query", Map.of("sql", sql));
            assertTrue(masked.body().path("rows").get(0).path(label(masked, "email")).asText().startsWith("<email:"),
                    masked.toString());
            McpFixture.Result drop = McpFixture.call(agent, "query", Map.of("sql", "DROP TABLE " + customers));
            assertEquals("42501", drop.body().path("sqlState").asText(), drop.toString());
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\nserver stderr:\n" + stderr, e);
        } finally {
            fixture.closeClients();
            fixture.stopServers();
        }
        return audit;
    }

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"0\"}}}";

    private static int post(String base, String token) throws Exception {
        return post(base, token, null);
    }

    private static int post(String base, String token, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** java.net.http won't send a Host header of our choosing: a plain HTTP/1.1 request over a socket does. */
    private static int postWithHost(String base, String token, String host) throws Exception {
        URI uri = URI.create(base);
        byte[] body = INITIALIZE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /** The trail verifies, and every tool call names the identity that made it and its MCP client. */
    static void auditNamesCallers(Path audit, Map<String, String> clientBySubject) throws Exception {
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(audit).status(), audit + " verifies");
        Map<String, Integer> calls = new java.util.HashMap<>();
        for (String line : Files.readAllLines(audit)) {
            JsonNode e = McpFixture.JSON.readTree(line);
            if (!e.path("event").asText().equals("tool-call")) {
                continue;
            }
            String subject = e.path("identity").path("subject").asText();
            assertTrue(clientBySubject.containsKey(subject), "unexpected caller " + subject + ": " + line);
            assertEquals(clientBySubject.get(subject), e.path("client").path("name").asText(), line);
            assertFalse(e.path("client").path("tool").asText().isBlank(), line);
            calls.merge(subject, 1, Integer::sum);
        }
        assertEquals(clientBySubject.keySet(), calls.keySet(), "every caller is in the trail: " + calls);
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = db.raw()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getTables(null, null, name, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
