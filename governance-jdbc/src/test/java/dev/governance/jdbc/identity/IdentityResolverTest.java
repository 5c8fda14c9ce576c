package dev.governance.jdbc.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.governance.jdbc.identity.Fixture.AUDIENCE;
import static dev.governance.jdbc.identity.Fixture.EC;
import static dev.governance.jdbc.identity.Fixture.ED;
import static dev.governance.jdbc.identity.Fixture.ISSUER;
import static dev.governance.jdbc.identity.Fixture.RSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityResolverTest {
    @TempDir
    Path dir;
    Path jwks;

    @BeforeEach
    void writeJwks() {
        jwks = Fixture.writeJwks(dir.resolve("jwks.json"), RSA, EC, ED);
    }

    private IdentityResolver inline(String token) throws Exception {
        return IdentityResolver.create(Fixture.tokenSettings(token, null, jwks));
    }

    @Test
    void validRsaTokenResolvesWithItsClaims() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = TokenMinter.mint(RSA, ISSUER, AUDIENCE, "svc-billing", IdentityKind.SERVICE,
                List.of("ops", "dba"), Duration.ofMinutes(10), null);

        Identity identity = inline(token).current();

        assertEquals("svc-billing", identity.subject());
        assertEquals(IdentityKind.SERVICE, identity.kind());
        assertEquals(List.of("ops", "dba"), identity.groups());
        assertNull(identity.onBehalfOf());
        assertEquals(ISSUER, identity.issuer());
        assertTrue(identity.verified());
        assertFalse(identity.expiresAt().isBefore(before.plus(Duration.ofMinutes(10))));
        assertTrue(identity.expiresAt().isBefore(before.plus(Duration.ofMinutes(11))));
    }

    @Test
    void validEcTokenResolves() throws Exception {
        String token = TokenMinter.mint(EC, ISSUER, AUDIENCE, "agent-7", IdentityKind.AGENT, List.of("support"),
                Duration.ofMinutes(5), null);
        assertTrue(token.startsWith("eyJ"));
        Identity identity = inline(token).current();
        assertEquals("agent-7", identity.subject());
        assertEquals(IdentityKind.AGENT, identity.kind());
        assertEquals(List.of("support"), identity.groups());
        assertTrue(identity.verified());
    }

    @Test
    void validEdDsaTokenResolves() throws Exception {
        String token = TokenMinter.mint(ED, ISSUER, AUDIENCE, "alice", IdentityKind.HUMAN, List.of(),
                Duration.ofMinutes(5), null);
        Identity identity = inline(token).current();
        assertEquals("alice", identity.subject());
        assertEquals(IdentityKind.HUMAN, identity.kind());
        assertEquals(List.of(), identity.groups());
        assertTrue(identity.verified());
    }

    @Test
    void actClaimMakesTheActorTheSubjectOnBehalfOfTheTokenSubject() throws Exception {
        String token = TokenMinter.mint(RSA, ISSUER, AUDIENCE, "alice", IdentityKind.AGENT, List.of("ops"),
                Duration.ofMinutes(5), "agent-7");
        Identity identity = inline(token).current();
        assertEquals("agent-7", identity.subject());
        assertEquals("alice", identity.onBehalfOf());
        assertEquals(IdentityKind.AGENT, identity.kind());
    }

    @Test
    void groupsAsArrayKeepTokenOrderWithoutDuplicates() throws Exception {
        JWTClaimsSet claims = Fixture.claims("a", Instant.now()).claim("groups", List.of("b", "a", "b")).build();
        assertEquals(List.of("b", "a"), inline(TokenMinter.sign(RSA, claims)).current().groups());
    }

    @Test
    void groupsAsSpaceSeparatedString() throws Exception {
        JWTClaimsSet claims = Fixture.claims("a", Instant.now()).claim("groups", " dba  pii-reader ops").build();
        assertEquals(List.of("dba", "pii-reader", "ops"), inline(TokenMinter.sign(EC, claims)).current().groups());
    }

    @Test
    void configuredClaimNamesAreRead() throws Exception {
        Settings.IdentitySettings s = new Settings.IdentitySettings(null, null, jwks.toString(), ISSUER, AUDIENCE,
                Fixture.ALGORITHMS, Duration.ofSeconds(60), "typ_of", "roles", "agent", null,
                "agent", List.of(), false);
        JWTClaimsSet claims = Fixture.claims("a", Instant.now()).claim("typ_of", "service")
                .claim("roles", List.of("r1")).claim("kind", "human").claim("groups", List.of("ignored")).build();
        Identity identity = IdentityResolver.create(s).verify(TokenMinter.sign(RSA, claims));
        assertEquals(IdentityKind.SERVICE, identity.kind());
        assertEquals(List.of("r1"), identity.groups());
    }

    @Test
    void missingKindClaimGivesTheDefaultKind() throws Exception {
        JWTClaimsSet claims = Fixture.claims("a", Instant.now()).build();
        Settings.IdentitySettings s = Fixture.settings(TokenMinter.sign(RSA, claims), null, jwks.toString(),
                Fixture.ALGORITHMS, IdentityKind.SERVICE, null, false);
        assertEquals(IdentityKind.SERVICE, IdentityResolver.create(s).current().kind());
    }

    @Test
    void invalidKindIsRefusedNamingTheClaim() throws Exception {
        JWTClaimsSet claims = Fixture.claims("a", Instant.now()).claim("kind", "robot").build();
        IdentityException e = assertThrows(IdentityException.class, () -> inline(TokenMinter.sign(RSA, claims)).current());
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("claim kind"), e.getMessage());
        assertTrue(e.getMessage().contains("robot"), e.getMessage());
    }

    @Test
    void groupsOfTheWrongTypeAreRefusedNamingTheClaim() throws Exception {
        JWTClaimsSet claims = Fixture.claims("a", Instant.now()).claim("groups", 42).build();
        IdentityException e = assertThrows(IdentityException.class, () -> inline(TokenMinter.sign(RSA, claims)).current());
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("claim groups"), e.getMessage());
    }

    @Test
    void currentReturnsTheSameCachedIdentity() throws Exception {
        IdentityResolver resolver = inline(TokenMinter.mint(RSA, ISSUER, AUDIENCE, "a", IdentityKind.AGENT,
                List.of(), Duration.ofMinutes(5), null));
        Identity first = resolver.current();
        assertSame(first, resolver.current());
        assertEquals(1, resolver.signatureChecks());
    }

    @Test
    void inlineTokenThatExpiresWhileInUseStopsStatements() throws Exception {
        Fixture.Time time = new Fixture.Time(Instant.now());
        String token = TokenMinter.mint(RSA, ISSUER, AUDIENCE, "a", IdentityKind.AGENT, List.of(),
                Duration.ofMinutes(5), null, time);
        IdentityResolver resolver = IdentityResolver.create(Fixture.tokenSettings(token, null, jwks),
                time.tuning(Duration.ZERO));
        assertEquals("a", resolver.current().subject());
        time.advance(Duration.ofMinutes(5).plusSeconds(30)); // past exp, within the 60 s skew
        assertEquals("a", resolver.current().subject());
        time.advance(Duration.ofSeconds(31));
        IdentityException e = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("token expired"), e.getMessage());
    }

    @Test
    void noIdentityConfiguredIsRefused() throws Exception {
        IdentityResolver resolver = IdentityResolver.create(
                Fixture.settings(null, null, null, Fixture.ALGORITHMS, IdentityKind.AGENT, null, false));
        IdentityException e = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().startsWith("no identity: set governance.identity.token, "
                + "governance.identity.token-file, or governance.identity.subject"), e.getMessage());
    }

    @Test
    void staticIdentityWithoutAllowUnverifiedIsRefused() throws Exception {
        IdentityResolver resolver = IdentityResolver.create(
                Fixture.settings(null, null, null, Fixture.ALGORITHMS, IdentityKind.AGENT, "dev-laptop", false));
        IdentityException e = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("governance.identity.allow-unverified=true"), e.getMessage());
    }

    @Test
    void staticIdentityWithAllowUnverifiedIsRecordedUnverified() throws Exception {
        IdentityResolver resolver = IdentityResolver.create(
                Fixture.settings(null, null, null, Fixture.ALGORITHMS, IdentityKind.AGENT, "dev-laptop", true));
        Identity identity = resolver.current();
        assertEquals("dev-laptop", identity.subject());
        assertEquals(IdentityKind.HUMAN, identity.kind());
        assertEquals(List.of("dev", "ops"), identity.groups());
        assertFalse(identity.verified());
        assertNull(identity.issuer());
        assertNull(identity.expiresAt());
        assertSame(identity, resolver.current());
    }

    @Test
    void verifyWithoutAJwkSetIsRefused() throws Exception {
        IdentityResolver resolver = IdentityResolver.create(
                Fixture.settings(null, null, null, Fixture.ALGORITHMS, IdentityKind.AGENT, "dev", true));
        String token = TokenMinter.mint(RSA, ISSUER, AUDIENCE, "a", IdentityKind.AGENT, List.of(),
                Duration.ofMinutes(5), null);
        IdentityException e = assertThrows(IdentityException.class, () -> resolver.verify(token));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("governance.identity.jwks"), e.getMessage());
    }

    @Test
    void clockSkewToleratesARecentlyExpiredToken() throws Exception {
        JWTClaimsSet claims = Fixture.claims("a", Instant.now().minusSeconds(3600))
                .expirationTime(java.util.Date.from(Instant.now().minusSeconds(30))).build();
        assertEquals("a", inline(TokenMinter.sign(RSA, claims)).current().subject());
    }

    @Test
    void requireUnexpiredRefusesAHeldIdentityOnceExpAndSkewHavePassed() throws Exception {
        Fixture.Time time = new Fixture.Time(Instant.now());
        IdentityResolver resolver = IdentityResolver.create(Fixture.tokenSettings(null, null, jwks),
                time.tuning(Duration.ZERO));
        Identity held = resolver.verify(TokenMinter.mint(EC, ISSUER, AUDIENCE, "scoped", IdentityKind.AGENT,
                List.of(), Duration.ofMinutes(1), null, time));
        resolver.requireUnexpired(held);
        time.advance(Duration.ofSeconds(119)); // exp + 59 s: inside the 60 s skew
        resolver.requireUnexpired(held);
        time.advance(Duration.ofSeconds(2));
        IdentityException e = assertThrows(IdentityException.class, () -> resolver.requireUnexpired(held));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("token expired"), e.getMessage());
        resolver.requireUnexpired(new Identity("dev", IdentityKind.HUMAN, List.of(), null, null, false, null));
    }
}
