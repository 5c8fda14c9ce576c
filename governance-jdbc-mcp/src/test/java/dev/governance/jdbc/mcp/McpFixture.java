package dev.governance.jdbc.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the server's self-contained jar as a separate process (stdio or HTTP) and drives it with the SDK's own
 * client; keys and tokens are made here, verified by the server like any identity.
 */
final class McpFixture implements AutoCloseable {
    static final String ISSUER = "mcp-it";
    static final String AUDIENCE = "governance-jdbc";
    static final Duration TIMEOUT = Duration.ofSeconds(180); // a shared, loaded CI machine
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path jwks;
    private final ECKey key;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    McpFixture(Path dir) throws Exception {
        this.dir = dir;
        this.key = new ECKeyGenerator(Curve.P_256).keyID("mcp-it-key").generate();
        this.jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TokenMinter.publicJwkSet(key));
    }

    static Path jar() {
        String jar = System.getProperty("governance.mcp-jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the -all jar is built before integration tests: " + jar);
        return Path.of(jar);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String token(String subject, IdentityKind kind, String... groups) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, subject, kind, List.of(groups), Duration.ofHours(1), null);
    }

    /** Signed by the right key, expired ten minutes ago (well past the clock skew). */
    String expiredToken(String subject) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("kind", "agent").issueTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.minusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** A configuration file as a user writes one; {@code token} null for HTTP (each request brings its own). */
    Path config(String name, String token, Path policy, String approvalStore, Path audit, String... extra)
            throws IOException {
        StringBuilder b = new StringBuilder();
        if (token != null) {
            b.append("governance.identity.token=").append(token).append('\n');
        }
        b.append("governance.identity.jwks=").append(jwks).append('\n');
        b.append("governance.identity.issuer=").append(ISSUER).append('\n');
        b.append("governance.identity.audience=").append(AUDIENCE).append('\n');
        b.append("governance.policy=").append(policy).append('\n');
        b.append("governance.approval.store=").append(approvalStore).append('\n');
        b.append("governance.audit.sinks=jsonl:").append(audit).append('\n');
        for (int i = 0; i < extra.length; i += 2) {
            b.append(extra[i]).append('=').append(extra[i + 1]).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, b.toString());
        return file;
    }

    /** The server on stdio, as a desktop assistant starts it; stderr is collected for failure messages. */
    McpSyncClient stdio(String url, Path config, StringBuffer stderr) {
        ServerParameters params = ServerParameters.builder(java())
                .args("-jar", jar().toString(), "--url", url, "--config", config.toString()).build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
        McpSyncClient client = McpClient.sync(transport).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT)
                .clientInfo(new McpSchema.Implementation("mcp-it-stdio", "1.2.3")).build();
        open.add(client::closeGracefully);
        client.initialize();
        return client;
    }

    /** The server on HTTP (port 0); returns its base URL once it says where it listens. */
    String http(String url, Path config, StringBuffer stderr) throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", jar().toString(), "--url", url, "--config", config.toString(),
                "--http", "127.0.0.1:0").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        CompletableFuture<String> address = new CompletableFuture<>();
        Pattern at = Pattern.compile("at (http://\\S+)/mcp");
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.append(line).append('\n');
                    Matcher m = at.matcher(line);
                    if (m.find()) {
                        address.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            address.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
        String base = address.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(base != null, "the HTTP server did not start:\n" + stderr);
        return base;
    }

    McpSyncClient httpClient(String base, String token, String clientName) {
        HttpClientStreamableHttpTransport.Builder t = HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp");
        if (token != null) {
            t.httpRequestCustomizer((builder, method, uri, body, context) ->
                    builder.header("Authorization", "Bearer " + token));
        }
        McpSyncClient client = McpClient.sync(t.build()).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT)
                .clientInfo(new McpSchema.Implementation(clientName, "4.5.6")).build();
        open.add(client::closeGracefully);
        client.initialize();
        return client;
    }

    /** A tool result: its JSON body and whether it is an error. */
    record Result(JsonNode body, boolean error) {
        @Override
        public String toString() {
            return (error ? "ERROR " : "") + body;
        }
    }

    static Result call(McpSyncClient client, String tool, Map<String, Object> args) throws IOException {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        String text = ((McpSchema.TextContent) r.content().get(0)).text();
        JsonNode body;
        try {
            body = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            body = JSON.getNodeFactory().textNode(text); // the SDK's own input validation answers in prose
        }
        return new Result(body, Boolean.TRUE.equals(r.isError()));
    }

    /** Stops the HTTP servers (SIGTERM: the audit trail is flushed on the way out). */
    void stopServers() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    void closeClients() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        open.clear();
    }

    @Override
    public void close() throws Exception {
        closeClients();
        stopServers();
    }
}
