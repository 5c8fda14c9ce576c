package dev.governance.jdbc.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.governance.jdbc.IdentityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static dev.governance.jdbc.identity.Fixture.AUDIENCE;
import static dev.governance.jdbc.identity.Fixture.EC;
import static dev.governance.jdbc.identity.Fixture.ISSUER;
import static dev.governance.jdbc.identity.Fixture.RSA;
import static dev.governance.jdbc.identity.Fixture.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every check of contract 3.1 refuses with 28000 and a message naming the check, never quoting the token. */
class TokenRefusalTest {
    @TempDir
    Path dir;
    IdentityResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        resolver = IdentityResolver.create(Fixture.tokenSettings(null, null,
                Fixture.writeJwks(dir.resolve("jwks.json"), RSA, EC)));
    }

    /** Asserts the refusal through verify() and through an inline token's current(). */
    private void assertRefused(String token, String check) throws Exception {
        IdentityException viaVerify = assertThrows(IdentityException.class, () -> resolver.verify(token));
        assertRefusal(viaVerify, token, check);
        IdentityResolver inline = IdentityResolver.create(Fixture.tokenSettings(token, null, dir.resolve("jwks.json")));
        IdentityException viaCurrent = assertThrows(IdentityException.class, inline::current);
        assertRefusal(viaCurrent, token, check);
    }

    private static void assertRefusal(IdentityException e, String token, String check) {
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().startsWith("identity token rejected: "), e.getMessage());
        assertTrue(e.getMessage().contains(check), () -> "expected '" + check + "' in: " + e.getMessage());
        if (token.length() > 10) {
            assertFalse(e.getMessage().contains(token), "the message quotes the token");
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertTrue(signature.isEmpty() || !e.getMessage().contains(signature), "the message quotes the token");
        }
    }

    private static JWTClaimsSet.Builder valid() {
        return Fixture.claims("agent-7", Instant.now()).claim("kind", "agent");
    }

    @Test
    void unsignedTokenAlgNone() throws Exception {
        assertRefused(new PlainJWT(valid().build()).serialize(), "unsigned token (alg none)");
    }

    @Test
    void algNoneWithAStolenSignatureIsStillUnsigned() throws Exception {
        String good = TokenMinter.sign(RSA, valid().build());
        String[] parts = good.split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\"}").toString();
        assertRefused(none + "." + parts[1] + "." + parts[2], "unsigned token (alg none)");
        String capitalised = Base64URL.encode("{\"alg\":\"None\",\"kid\":\"rsa-1\"}").toString();
        assertRefused(capitalised + "." + parts[1] + ".", "unsigned token (alg none)");
    }

    @Test
    void hmacSignedWithThePublicKeyBytesIsRefused() throws Exception {
        // "Algorithm confusion": the attacker knows the public key and uses its encoding as an HMAC secret.
        byte[] publicKeyBytes = RSA.toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID()).build(),
                valid().build());
        forged.sign(new MACSigner(publicKeyBytes));
        assertRefused(forged.serialize(), "algorithm HS256 not accepted");
    }

    @Test
    void hmacIsRefusedEvenWhenTheAllowListNamesIt() throws Exception {
        // Settings validation rejects HS256 already; the verifier must not depend on it.
        IdentityResolver lax = IdentityResolver.create(Fixture.settings(null, null, dir.resolve("jwks.json").toString(),
                List.of("RS256", "HS256"), IdentityKind.AGENT, null, false));
        byte[] publicKeyBytes = RSA.toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID()).build(),
                valid().build());
        forged.sign(new MACSigner(publicKeyBytes));
        IdentityException e = assertThrows(IdentityException.class, () -> lax.verify(forged.serialize()));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("HS256 does not fit key id \"rsa-1\""), e.getMessage());

        SignedJWT noKid = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid().build());
        noKid.sign(new MACSigner(publicKeyBytes));
        e = assertThrows(IdentityException.class, () -> lax.verify(noKid.serialize()));
        assertTrue(e.getMessage().contains("unknown key: the JWK set holds no key for algorithm HS256"), e.getMessage());
    }

    @Test
    void algorithmOutsideTheAllowList() throws Exception {
        IdentityResolver esOnly = IdentityResolver.create(Fixture.settings(null, null,
                dir.resolve("jwks.json").toString(), List.of("ES256"), IdentityKind.AGENT, null, false));
        String rs256 = TokenMinter.sign(RSA, valid().build());
        IdentityException e = assertThrows(IdentityException.class, () -> esOnly.verify(rs256));
        assertRefusal(e, rs256, "algorithm RS256 not accepted");
    }

    @Test
    void expired() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        assertRefused(TokenMinter.sign(RSA, Fixture.claims("a", issued)
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1)))).build()), "token expired at ");
    }

    @Test
    void missingExpiry() throws Exception {
        assertRefused(TokenMinter.sign(RSA, valid().expirationTime(null).build()), "no expiry (exp claim required)");
    }

    @Test
    void notYetValid() throws Exception {
        assertRefused(TokenMinter.sign(RSA, valid().notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()),
                "token not yet valid");
    }

    @Test
    void notBeforeWithinTheClockSkewIsAccepted() throws Exception {
        String token = TokenMinter.sign(RSA, valid().notBeforeTime(Date.from(Instant.now().plusSeconds(30))).build());
        assertEquals("agent-7", resolver.verify(token).subject());
    }

    @Test
    void wrongIssuer() throws Exception {
        assertRefused(TokenMinter.sign(RSA, valid().issuer("https://evil.example").build()),
                "issuer mismatch (expected " + ISSUER);
    }

    @Test
    void wrongAudience() throws Exception {
        assertRefused(TokenMinter.sign(EC, valid().audience("another-service").build()),
                "audience mismatch (expected " + AUDIENCE);
    }

    @Test
    void audienceListContainingOursIsAccepted() throws Exception {
        String token = TokenMinter.sign(EC, valid().audience(List.of("other", AUDIENCE)).build());
        assertEquals("agent-7", resolver.verify(token).subject());
    }

    @Test
    void tamperedPayload() throws Exception {
        String good = TokenMinter.sign(RSA, valid().build());
        String[] parts = good.split("\\.");
        String payload = new String(new Base64URL(parts[1]).decode(), StandardCharsets.UTF_8);
        String evil = Base64URL.encode(payload.replace("\"agent-7\"", "\"admin\"")).toString();
        assertFalse(evil.equals(parts[1]));
        assertRefused(parts[0] + "." + evil + "." + parts[2], "signature invalid");
    }

    @Test
    void tamperedEcPayload() throws Exception {
        String good = TokenMinter.sign(EC, valid().build());
        String[] parts = good.split("\\.");
        String payload = new String(new Base64URL(parts[1]).decode(), StandardCharsets.UTF_8);
        String evil = Base64URL.encode(payload.replace("\"agent\"", "\"human\"")).toString();
        assertRefused(parts[0] + "." + evil + "." + parts[2], "signature invalid");
    }

    @Test
    void unknownKeyId() throws Exception {
        assertRefused(TokenMinter.sign(STRANGER, valid().build()), "unknown key id \"stranger\"");
    }

    @Test
    void signedByAnotherKeyUnderAKnownKid() throws Exception {
        com.nimbusds.jose.jwk.RSAKey impostor = new com.nimbusds.jose.jwk.RSAKey.Builder(STRANGER)
                .keyID(RSA.getKeyID()).build();
        assertRefused(TokenMinter.sign(impostor, valid().build()), "signature invalid");
    }

    @Test
    void signedByAnotherKeyWithoutKid() throws Exception {
        com.nimbusds.jose.jwk.RSAKey noKid = new com.nimbusds.jose.jwk.RSAKey.Builder(STRANGER).keyID(null).build();
        assertRefused(TokenMinter.sign(noKid, valid().build()), "signature invalid");
    }

    @Test
    void tokenWithoutKidSignedByAKnownKeyIsAccepted() throws Exception {
        com.nimbusds.jose.jwk.RSAKey noKid = new com.nimbusds.jose.jwk.RSAKey.Builder(RSA).keyID(null).build();
        assertEquals("agent-7", resolver.verify(TokenMinter.sign(noKid, valid().build())).subject());
    }

    @Test
    void garbage() throws Exception {
        assertRefused("this is not a token", "malformed token");
        assertRefused("a.b.c", "malformed token");
        assertRefused("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "malformed token");
        assertRefused("   ", "malformed token");
        assertRefused("eyJ" + "A".repeat(20_000), "malformed token (longer than 16384 characters)");
    }

    @Test
    void missingSubject() throws Exception {
        assertRefused(TokenMinter.sign(RSA, valid().subject(null).build()), "no subject");
    }

    @Test
    void actWithoutSub() throws Exception {
        assertRefused(TokenMinter.sign(RSA, valid().claim("act", java.util.Map.of("iss", "x")).build()),
                "claim act has no sub");
    }

    @Test
    void criticalHeaderIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID())
                .criticalParams(java.util.Set.of("exp-ext")).customParam("exp-ext", 1).build(), valid().build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(RSA));
        assertRefused(jwt.serialize(), "critical header parameters");
    }
}
