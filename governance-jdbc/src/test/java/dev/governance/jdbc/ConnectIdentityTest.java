package dev.governance.jdbc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity through the driver: a verified token connects; every broken one is refused with 28000 at connect. */
class ConnectIdentityTest {
    private static final String ISSUER = "https://idp.test";
    private static final String AUDIENCE = "governance-jdbc";

    @TempDir
    static Path dir;
    private static RSAKey rsa;
    private static ECKey ec;
    private static Path jwks;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
    }

    private static Properties withToken(String token) {
        Properties p = new Properties();
        p.setProperty("governance.identity.token", token);
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", ISSUER);
        p.setProperty("governance.identity.audience", AUDIENCE);
        p.setProperty("governance.audit.sinks", "otel");
        return p;
    }

    private static String mint(String subject, IdentityKind kind, Duration ttl) {
        return TokenMinter.mint(rsa, ISSUER, AUDIENCE, subject, kind, List.of("ops"), ttl, null);
    }

    private static SQLException refused(Properties p) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(TestConnections.newH2Url(), p));
        assertEquals("28000", e.getSQLState(), e.getMessage());
        return e;
    }

    private static String signedRsa(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("agent-7")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("kind", "agent");
    }

    @Test
    void validRsaAndEcTokensConnect() throws Exception {
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), withToken(mint("agent-7", IdentityKind.AGENT, Duration.ofMinutes(5))))) {
            Identity identity = c.unwrap(GovernedConnection.class).identity();
            assertEquals("agent-7", identity.subject());
            assertEquals(IdentityKind.AGENT, identity.kind());
            assertEquals(List.of("ops"), identity.groups());
            assertTrue(identity.verified());
            assertEquals(ISSUER, identity.issuer());
        }
        String ecToken = TokenMinter.mint(ec, ISSUER, AUDIENCE, "alice", IdentityKind.HUMAN, List.of(), Duration.ofMinutes(5), null);
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), withToken(ecToken))) {
            assertEquals("alice", c.unwrap(GovernedConnection.class).identity().subject());
        }
    }

    @Test
    void actClaimMakesTheActorTheSubject() throws Exception {
        String token = TokenMinter.mint(rsa, ISSUER, AUDIENCE, "alice", IdentityKind.AGENT, List.of(), Duration.ofMinutes(5), "agent-42");
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), withToken(token))) {
            Identity identity = c.unwrap(GovernedConnection.class).identity();
            assertEquals("agent-42", identity.subject());
            assertEquals("alice", identity.onBehalfOf());
        }
    }

    @Test
    void algNoneIsRefused() {
        String token = new PlainJWT(claims().build()).serialize();
        assertTrue(refused(withToken(token)).getMessage().contains("alg none"));
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefused() throws Exception {
        byte[] secret = rsa.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").type(JOSEObjectType.JWT).build(), claims().build());
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
        assertTrue(refused(withToken(jwt.serialize())).getMessage().contains("HS256"));
    }

    @Test
    void expiredAndNotYetValidAreRefused() throws Exception {
        String expired = signedRsa(claims().expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
        assertTrue(refused(withToken(expired)).getMessage().contains("expired"));
        String early = signedRsa(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(3600))).build());
        assertTrue(refused(withToken(early)).getMessage().contains("not yet valid"));
    }

    @Test
    void wrongIssuerAndAudienceAreRefused() throws Exception {
        assertTrue(refused(withToken(signedRsa(claims().issuer("https://evil.test").build()))).getMessage().contains("issuer"));
        assertTrue(refused(withToken(signedRsa(claims().audience("other").build()))).getMessage().contains("audience"));
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String[] parts = mint("agent-7", IdentityKind.AGENT, Duration.ofMinutes(5)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"agent\"", "\"service\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertTrue(refused(withToken(tampered)).getMessage().contains("signature"));
    }

    @Test
    void unknownKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String token = TokenMinter.mint(stranger, ISSUER, AUDIENCE, "agent-7", IdentityKind.AGENT, List.of(), Duration.ofMinutes(5), null);
        assertTrue(refused(withToken(token)).getMessage().contains("unknown key"));
    }

    @Test
    void garbageIsRefused() {
        assertTrue(refused(withToken("not-a-jwt")).getMessage().contains("malformed"));
    }

    @Test
    void noIdentityAndUnverifiedStaticIdentityAreRefused() {
        Properties none = new Properties();
        none.setProperty("governance.audit.sinks", "otel");
        assertTrue(refused(none).getMessage().contains("no identity"));
        Properties staticOnly = TestConnections.agent();
        staticOnly.remove("governance.identity.allow-unverified");
        assertTrue(refused(staticOnly).getMessage().contains("allow-unverified"));
    }

    @Test
    void staticIdentityWithAllowUnverifiedIsRecordedUnverified() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), TestConnections.agent())) {
            Identity identity = c.unwrap(GovernedConnection.class).identity();
            assertFalse(identity.verified());
            assertNull(identity.issuer());
        }
    }

    @Test
    void rotatingTokenFileAndExpiryOnAnOpenConnection() throws Exception {
        Path tokenFile = dir.resolve("rotating.jwt");
        Files.writeString(tokenFile, mint("agent-a", IdentityKind.AGENT, Duration.ofMinutes(5)));
        Properties p = withToken("x");
        p.remove("governance.identity.token");
        p.setProperty("governance.identity.token-file", tokenFile.toString());
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p); Statement s = c.createStatement()) {
            GovernedConnection governed = c.unwrap(GovernedConnection.class);
            assertEquals("agent-a", governed.identity().subject());

            // The token expires while the connection is open: statements stop with 28000, the connection survives.
            Files.writeString(tokenFile, signedRsa(claims().subject("agent-a")
                    .expirationTime(Date.from(Instant.now().minusSeconds(120))).build()));
            Files.setLastModifiedTime(tokenFile, FileTime.from(Instant.now().plusSeconds(5)));
            SQLException expired = waitForRefusal(s);
            assertEquals("28000", expired.getSQLState());

            // A fresh token in the file: statements work again, with the new identity.
            Files.writeString(tokenFile, mint("agent-b", IdentityKind.AGENT, Duration.ofMinutes(5)));
            Files.setLastModifiedTime(tokenFile, FileTime.from(Instant.now().plusSeconds(10)));
            ResultSet rs = waitForSuccess(s);
            assertTrue(rs.next());
            assertEquals("agent-b", governed.identity().subject());
        }
    }

    @Test
    void runAsScopesTheIdentityAndRestoresIt() throws Exception {
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), withToken(mint("pool-service", IdentityKind.SERVICE, Duration.ofMinutes(5))))) {
            GovernedConnection governed = c.unwrap(GovernedConnection.class);
            try (GovernedConnection.IdentityScope scope = governed.runAs(mint("agent-9", IdentityKind.AGENT, Duration.ofMinutes(5)))) {
                assertEquals("agent-9", governed.identity().subject());
                assertEquals("agent-9", scope.identity().subject());
            }
            assertEquals("pool-service", governed.identity().subject());
            SQLException bad = assertThrows(SQLException.class, () -> governed.runAs("garbage"));
            assertEquals("28000", bad.getSQLState());
            assertEquals("pool-service", governed.identity().subject());
        }
    }

    private static SQLException waitForRefusal(Statement s) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                s.executeQuery("SELECT 1").close();
            } catch (SQLException e) {
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("statements were never refused after the token expired");
    }

    private static ResultSet waitForSuccess(Statement s) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                return s.executeQuery("SELECT 1");
            } catch (SQLException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("statements never resumed after a fresh token was written");
    }
}
