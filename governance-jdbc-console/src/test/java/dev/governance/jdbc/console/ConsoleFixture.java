package dev.governance.jdbc.console;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A console as a user runs it, over a real approval store (H2 file) and a real audit directory the governed driver
 * writes to: a signing key and its JWK set, tokens for reviewers and agents, agent connections through the driver.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String ISSUER = "https://idp.test";
    static final String AUDIENCE = "governance-console-test";
    /** Agents' writes need a dba's approval; agents never drop or truncate. */
    static final String POLICY = """
            version: 1
            identities:
              agents: { kind: agent }
            rules:
              - id: agent-writes-reviewed
                when:   { identity: agents, statement: [UPDATE, DELETE] }
                action: approve
                approvers: { groups: [dba] }
              - id: agent-no-drop
                when:   { identity: agents, statement: [DROP, TRUNCATE] }
                action: deny
            """;

    final Path dir;
    final ECKey key;
    final Path jwks;
    final String store;
    final Path auditDir;
    final Path policy;
    final StringWriter log = new StringWriter();
    ConsoleServer server;

    ConsoleFixture(Path dir, String policyYaml) throws Exception {
        this.dir = dir;
        this.key = new ECKeyGenerator(Curve.P_256).keyID("console-test").generate();
        this.jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TokenMinter.publicJwkSet(key));
        this.store = "jdbc:h2:file:" + dir.resolve("approvals").toAbsolutePath();
        this.auditDir = Files.createDirectories(dir.resolve("audit"));
        this.policy = dir.resolve("policy.yaml");
        Files.writeString(policy, policyYaml);
    }

    ConsoleFixture start(List<String> databases) throws Exception {
        Settings.IdentitySettings identity = Settings.IdentitySettings.verifying(null, jwks.toString(), ISSUER, AUDIENCE,
                "kind", "groups");
        ConsoleConfig config = new ConsoleConfig(store, auditDir, new InetSocketAddress("127.0.0.1", 0), identity,
                databases, List.of("jsonl:" + auditDir.resolve("governance-console.jsonl")), Duration.ofMillis(200),
                java.util.Set.of(IdentityKind.HUMAN));
        server = ConsoleServer.start(config, new PrintWriter(log, true));
        return this;
    }

    /** A fresh directory under target/console-tests (cleaned by mvn clean). */
    static Path newDirectory() throws java.io.IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "console-tests")), "run-")
                .toAbsolutePath();
    }

    String base() {
        String uri = server.uri().toString();
        return uri.substring(0, uri.length() - 1);
    }

    String token(String subject, IdentityKind kind, List<String> groups) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, subject, kind, groups, Duration.ofMinutes(30), null);
    }

    /** A token that acts for {@code onBehalfOf} (RFC 8693 act claim). */
    String actingToken(String actor, String onBehalfOf, IdentityKind kind, List<String> groups) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, onBehalfOf, kind, groups, Duration.ofMinutes(30), actor);
    }

    /** Signed by the right key, but expired ten minutes ago (beyond the clock skew). */
    String expiredToken(String subject, List<String> groups) throws Exception {
        Instant now = Instant.now();
        return sign(key, new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("kind", "human").claim("groups", groups).issueTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.minusSeconds(600))).jwtID(UUID.randomUUID().toString()).build());
    }

    /** Claims of a dba, the right key id, signed by another key. */
    String forgedToken(String subject, List<String> groups) throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
        Instant now = Instant.now();
        return sign(other, new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("kind", "human").claim("groups", groups).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString()).build());
    }

    private static String sign(ECKey signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signer.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(signer));
        return jwt.serialize();
    }

    /** Connection properties of an agent, as its deployment would set them: token, policy, store, trail, mode. */
    Properties agent(String subject, String mode) {
        Properties p = new Properties();
        p.setProperty("governance.identity.token", token(subject, IdentityKind.AGENT, List.of("agents")));
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", ISSUER);
        p.setProperty("governance.identity.audience", AUDIENCE);
        p.setProperty("governance.policy", policy.toString());
        p.setProperty("governance.environment", "production");
        p.setProperty("governance.approval.store", store);
        p.setProperty("governance.approval.mode", mode);
        p.setProperty("governance.approval.timeout", "PT90S");
        // One trail file per configuration: two configurations (wait and fail) would each lock the same file.
        p.setProperty("governance.audit.sinks", "jsonl:" + auditDir.resolve(mode.equals("wait")
                ? "governance-audit.jsonl" : "governance-audit-" + mode + ".jsonl"));
        return p;
    }

    Connection connectAgent(String url, String subject, String mode) throws Exception {
        return DriverManager.getConnection("jdbc:governed:" + url.substring("jdbc:".length()), agent(subject, mode));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
