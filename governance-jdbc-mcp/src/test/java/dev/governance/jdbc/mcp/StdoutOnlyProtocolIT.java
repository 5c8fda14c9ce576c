package dev.governance.jdbc.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On stdio the server's standard output carries the protocol and nothing else; its log goes to stderr. */
class StdoutOnlyProtocolIT {
    @TempDir
    Path dir;

    @Test
    void everyStdoutLineIsJsonRpc() throws Exception {
        Path config = dir.resolve("gov.properties");
        Files.writeString(config, "governance.identity.subject=agent-1\ngovernance.identity.kind=agent\n"
                + "governance.identity.allow-unverified=true\ngovernance.audit.sinks=jsonl:" + dir.resolve("a.jsonl") + "\n");
        Process p = new ProcessBuilder(McpFixture.java(), "-jar", McpFixture.jar().toString(),
                "--url", "jdbc:governed:h2:mem:stdout;DB_CLOSE_DELAY=-1", "--config", config.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        List<String> lines = new ArrayList<>();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"0\"}}}");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"query\","
                    + "\"arguments\":{\"sql\":\"SELECT 1 AS one\"}}}");
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.contains("\"id\":2")) {
                    break;
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the server ends with its input");
        assertEquals(0, p.exitValue());
        assertEquals(2, lines.size(), "one response per request: " + lines);
        for (String l : lines) {
            JsonNode message = McpFixture.JSON.readTree(l);
            assertEquals("2.0", message.path("jsonrpc").asText(), l);
        }
        assertTrue(lines.get(1).contains("\\\"rowCount\\\":1"), lines.get(1));
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertTrue(stderr.contains("serving MCP on stdio"), "the log went to stderr: " + stderr);
    }

    private static void send(OutputStream in, String message) throws Exception {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
