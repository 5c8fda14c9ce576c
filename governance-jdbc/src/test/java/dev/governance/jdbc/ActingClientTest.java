package dev.governance.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.AuditVerifier;
import dev.governance.jdbc.config.SettingsLoader;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An application acting through a connection (the MCP server) is named in the events it causes. */
class ActingClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void clientIsRecordedWithStatementsAndCalls() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Properties p = TestConnections.agent();
        p.setProperty("governance.audit.sinks", "jsonl:" + file);
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p)) {
            GovernedConnection g = c.unwrap(GovernedConnection.class);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
            g.client(new AuditEvent.Client("claude-code", "1.0.3", "query"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 2")) {
                assertTrue(rs.next());
            }
            g.client(new AuditEvent.Client("claude-code", "1.0.3", "describe_table"));
            g.recordCall(null);
            g.recordCall("42501: Denied by governance policy [x]: y");
            g.client(null);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 3")) {
                assertTrue(rs.next());
            }
        }
        AuditTrail.of(new SettingsLoader().load(p).settings().audit()).flush();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            events.add(JSON.readTree(line));
        }
        List<JsonNode> statements = events.stream().filter(e -> e.path("event").asText().equals("statement")).toList();
        assertEquals(3, statements.size());
        assertFalse(statements.get(0).has("client"), "no client before one is named");
        assertEquals("claude-code", statements.get(1).path("client").path("name").asText());
        assertEquals("1.0.3", statements.get(1).path("client").path("version").asText());
        assertEquals("query", statements.get(1).path("client").path("tool").asText());
        assertFalse(statements.get(2).has("client"), "cleared");

        List<JsonNode> calls = events.stream().filter(e -> e.path("event").asText().equals("tool-call")).toList();
        assertEquals(2, calls.size());
        for (JsonNode call : calls) {
            assertEquals("agent-7", call.path("identity").path("subject").asText());
            assertEquals("describe_table", call.path("client").path("tool").asText());
        }
        assertTrue(calls.get(0).path("error").isMissingNode() || calls.get(0).path("error").isNull());
        assertTrue(calls.get(1).path("error").asText().startsWith("42501"));
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(file).status(), "the chain verifies with the new field and event");
    }
}
