package dev.governance.jdbc.cli;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMintedTokenConnects() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("dev").generate();
        Path keyFile = dir.resolve("key.json");
        Files.writeString(keyFile, key.toJSONString());
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.of(key.toPublicJWK())).toString());

        CliRun run = CliRun.of("token", "mint", "--key", keyFile.toString(), "--sub", "agent-12", "--kind", "agent",
                "--groups", "ops,etl", "--ttl", "PT5M");
        assertEquals(0, run.exit(), run.err());
        String token = run.out().strip();

        Properties p = new Properties();
        p.setProperty("governance.identity.token", token);
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", "governance-jdbc-dev");
        p.setProperty("governance.identity.audience", "governance-jdbc");
        p.setProperty("governance.audit.sinks", "otel");
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p)) {
            var identity = c.unwrap(GovernedConnection.class).identity();
            assertEquals("agent-12", identity.subject());
            assertEquals(List.of("ops", "etl"), identity.groups());
            assertTrue(identity.verified());
        }
    }

    /** The getting-started path: keygen, mint, connect with the files keygen wrote; no other tool. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ES256", "RS256", "EdDSA"})
    void keygenMintConnect(String alg) throws Exception {
        Path key = dir.resolve("dev-key.json");
        Path jwks = dir.resolve("dev-jwks.json");
        CliRun keygen = CliRun.of("token", "keygen", "--out", key.toString(), "--public", jwks.toString(), "--alg", alg);
        assertEquals(0, keygen.exit(), keygen.err());
        assertTrue(Files.readString(key).contains("\"d\""), "the private key file holds the private part");
        assertTrue(!Files.readString(jwks).contains("\"d\""), "the JWK set holds public parts only");
        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(key)));
        }
        CliRun mint = CliRun.of("token", "mint", "--key", key.toString(), "--sub", "agent-3", "--kind", "agent");
        assertEquals(0, mint.exit(), mint.err());

        Properties p = new Properties();
        p.setProperty("governance.identity.token", mint.out().strip());
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", "governance-jdbc-dev");
        p.setProperty("governance.identity.audience", "governance-jdbc");
        p.setProperty("governance.audit.sinks", "otel");
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p)) {
            var identity = c.unwrap(GovernedConnection.class).identity();
            assertEquals("agent-3", identity.subject());
            assertTrue(identity.verified());
        }
        assertEquals(1, CliRun.of("token", "keygen", "--out", key.toString()).exit(), "never overwrites silently");
        assertEquals(2, CliRun.of("token", "keygen", "--out", dir.resolve("x.json").toString(), "--alg", "HS256").exit());
    }

    @Test
    void badArgumentsFail() {
        assertEquals(2, CliRun.of("token", "mint", "--key", "k.json", "--sub", "s", "--kind", "robot").exit());
        assertEquals(1, CliRun.of("token", "mint", "--key", dir.resolve("missing.json").toString(), "--sub", "s",
                "--kind", "agent").exit());
    }
}
