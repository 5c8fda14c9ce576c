package dev.governance.jdbc.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.identity.IdentityKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An independent client: the TypeScript MCP SDK under Node ({@code scripts/mcp-client/check-stdio.mjs}, installed by
 * {@code scripts/install-mcp-client.sh}) drives the stdio server: tools/list, a masked query, a refused DROP.
 */
class NodeClientIT {
    @TempDir
    Path dir;

    @Test
    void typescriptSdkSeesToolsAndMaskedEmails() throws Exception {
        Path scripts = Path.of(System.getProperty("governance.scripts", "../scripts")).toAbsolutePath().normalize();
        Path check = scripts.resolve("mcp-client/check-stdio.mjs");
        requireInstalled(scripts);

        String db = "h2:" + dir.resolve("data") + ";AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection("jdbc:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(80))");
            s.execute("INSERT INTO people VALUES (1, 'ann@example.com'), (2, 'bob@example.com')");
        }
        try (McpFixture fixture = new McpFixture(dir)) {
            Path policy = dir.resolve("policy.yaml");
            Files.writeString(policy, McpScenarios.POLICY);
            Path audit = dir.resolve("audit.jsonl");
            Path config = fixture.config("node.properties", fixture.token("agent-node", IdentityKind.AGENT), policy,
                    "memory", audit);
            Process node = new ProcessBuilder("node", check.toString(), McpFixture.java(), McpFixture.jar().toString(),
                    "jdbc:governed:" + db, config.toString(), "people")
                    .redirectError(dir.resolve("node.err").toFile()).start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(300, TimeUnit.SECONDS), "node finished");
            String err = Files.readString(dir.resolve("node.err"));
            assertEquals(0, node.exitValue(), "the Node client's checks: " + out + "\n" + err);
            JsonNode seen = McpFixture.JSON.readTree(out.trim());
            assertEquals(2, seen.path("rows").asInt(), out);
            assertTrue(seen.path("emails").get(0).asText().startsWith("<email:"), out);
            assertEquals("42501", seen.path("refused").asText(), out);

            assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(audit).status());
            long named = Files.readAllLines(audit).stream().map(NodeClientIT::json)
                    .filter(e -> e.path("event").asText().equals("tool-call"))
                    .filter(e -> e.path("identity").path("subject").asText().equals("agent-node"))
                    .filter(e -> e.path("client").path("name").asText().equals("node-sdk-check")
                            && e.path("client").path("version").asText().equals("1.0.0"))
                    .count();
            assertEquals(2, named, "both tool calls name the caller and the Node client");
        }
    }

    private static JsonNode json(String line) {
        try {
            return McpFixture.JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    /** CI installs the SDK (.ci/run); elsewhere the test is skipped without it. */
    private static void requireInstalled(Path scripts) {
        boolean installed = Files.isRegularFile(scripts.resolve("mcp-client/node_modules/@modelcontextprotocol/sdk/package.json"));
        if (!installed) {
            String why = "the TypeScript MCP SDK is not installed: run scripts/install-mcp-client.sh";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }
}
