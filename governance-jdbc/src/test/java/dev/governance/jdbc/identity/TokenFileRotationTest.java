package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.governance.jdbc.identity.Fixture.AUDIENCE;
import static dev.governance.jdbc.identity.Fixture.ISSUER;
import static dev.governance.jdbc.identity.Fixture.RSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenFileRotationTest {
    private static final Duration PAST_RECHECK = Duration.ofMillis(300);

    @TempDir
    Path dir;
    Path jwks;
    Path tokenFile;
    Fixture.Time time;

    @BeforeEach
    void setUp() {
        jwks = Fixture.writeJwks(dir.resolve("jwks.json"), RSA);
        tokenFile = dir.resolve("token");
        time = new Fixture.Time(Instant.now());
    }

    private String token(String subject, Duration ttl) {
        return TokenMinter.mint(RSA, ISSUER, AUDIENCE, subject, IdentityKind.SERVICE, List.of(), ttl, null, time);
    }

    private IdentityResolver resolver() throws Exception {
        return IdentityResolver.create(Fixture.tokenSettings(null, tokenFile.toString(), jwks),
                time.tuning(Duration.ZERO));
    }

    @Test
    void rotatedTokenTakesEffectAfterTheRecheckInterval() throws Exception {
        Files.writeString(tokenFile, token("alice", Duration.ofHours(1)) + "\n");
        IdentityResolver resolver = resolver();
        Identity a = resolver.current();
        assertEquals("alice", a.subject());

        Files.writeString(tokenFile, token("bobby", Duration.ofHours(1))); // same length, rewritten in place
        assertSame(a, resolver.current(), "the file is not looked at again within the interval");

        time.advance(PAST_RECHECK);
        assertEquals("bobby", resolver.current().subject());
        assertEquals(2, resolver.signatureChecks());
    }

    @Test
    void unchangedFileIsNotVerifiedAgain() throws Exception {
        Files.writeString(tokenFile, token("alice", Duration.ofHours(1)));
        IdentityResolver resolver = resolver();
        Identity a = resolver.current();
        for (int i = 0; i < 5; i++) {
            time.advance(PAST_RECHECK);
            assertSame(a, resolver.current());
        }
        assertEquals(1, resolver.signatureChecks());
    }

    @Test
    void expiredTokenInTheFileStopsStatementsUntilAFreshOneIsWritten() throws Exception {
        Files.writeString(tokenFile, token("alice", Duration.ofMinutes(2)));
        IdentityResolver resolver = resolver();
        assertEquals("alice", resolver.current().subject());

        time.advance(Duration.ofMinutes(4)); // past exp + 60 s skew, file unchanged
        IdentityException expired = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", expired.getSQLState());
        assertTrue(expired.getMessage().contains("token expired"), expired.getMessage());
        assertTrue(expired.getMessage().contains(tokenFile.toString()), expired.getMessage());

        Files.writeString(tokenFile, token("alice", Duration.ofMinutes(10)));
        time.advance(PAST_RECHECK);
        assertEquals("alice", resolver.current().subject());
    }

    @Test
    void fileHoldingAnAlreadyExpiredTokenIsRefusedThenRecovers() throws Exception {
        Files.writeString(tokenFile, token("alice", Duration.ofMinutes(1)));
        time.advance(Duration.ofMinutes(5));
        IdentityResolver resolver = resolver();
        IdentityException e = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("token expired"), e.getMessage());

        Files.writeString(tokenFile, token("carol", Duration.ofMinutes(10)));
        time.advance(PAST_RECHECK);
        assertEquals("carol", resolver.current().subject());
    }

    @Test
    void missingFileIsRefusedNamingTheFile() throws Exception {
        IdentityResolver resolver = resolver();
        IdentityException e = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().startsWith("no identity: governance.identity.token-file=" + tokenFile),
                e.getMessage());

        Files.writeString(tokenFile, token("alice", Duration.ofHours(1)));
        time.advance(PAST_RECHECK);
        assertEquals("alice", resolver.current().subject());
    }

    @Test
    void aRotationThatBrieflyRemovesTheFileKeepsTheValidToken() throws Exception {
        Files.writeString(tokenFile, token("alice", Duration.ofHours(1)));
        IdentityResolver resolver = resolver();
        assertEquals("alice", resolver.current().subject());
        Files.delete(tokenFile);
        time.advance(PAST_RECHECK);
        assertEquals("alice", resolver.current().subject());
        Files.writeString(tokenFile, "");
        time.advance(PAST_RECHECK);
        assertEquals("alice", resolver.current().subject());
        Files.writeString(tokenFile, token("bobby", Duration.ofHours(1)));
        time.advance(PAST_RECHECK);
        assertEquals("bobby", resolver.current().subject());
    }

    @Test
    void anInvalidTokenWrittenOverAGoodOneIsRefused() throws Exception {
        Files.writeString(tokenFile, token("alice", Duration.ofHours(1)));
        IdentityResolver resolver = resolver();
        assertEquals("alice", resolver.current().subject());
        Files.writeString(tokenFile, TokenMinter.mint(Fixture.STRANGER, ISSUER, AUDIENCE, "mallory",
                IdentityKind.SERVICE, List.of(), Duration.ofHours(1), null, time));
        time.advance(PAST_RECHECK);
        IdentityException e = assertThrows(IdentityException.class, resolver::current);
        assertTrue(e.getMessage().contains("unknown key id"), e.getMessage());
    }

    @Test
    void aTokenNotYetValidIsAcceptedOnceItsTimeComes() throws Exception {
        Instant start = time.instant();
        Files.writeString(tokenFile, TokenMinter.sign(RSA, Fixture.claims("dave", start)
                .notBeforeTime(java.util.Date.from(start.plusSeconds(120))).build()));
        IdentityResolver resolver = resolver();
        IdentityException e = assertThrows(IdentityException.class, resolver::current);
        assertTrue(e.getMessage().contains("not yet valid"), e.getMessage());
        time.advance(Duration.ofSeconds(90)); // nbf - 30 s, inside the 60 s skew; the file did not change
        assertEquals("dave", resolver.current().subject());
    }

    @Test
    void realIntervalPicksUpARotation() throws Exception {
        // With the product's clocks: no injected time, the 250 ms interval passes for real.
        Files.writeString(tokenFile, TokenMinter.mint(RSA, ISSUER, AUDIENCE, "alice", IdentityKind.SERVICE,
                List.of(), Duration.ofHours(1), null));
        IdentityResolver resolver = IdentityResolver.create(Fixture.tokenSettings(null, tokenFile.toString(), jwks));
        assertEquals("alice", resolver.current().subject());
        Files.writeString(tokenFile, TokenMinter.mint(RSA, ISSUER, AUDIENCE, "bobby", IdentityKind.SERVICE,
                List.of(), Duration.ofHours(1), null));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String subject = resolver.current().subject();
        while (!subject.equals("bobby") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            subject = resolver.current().subject();
        }
        assertEquals("bobby", subject);
    }

    @Test
    void concurrentStatementsDuringRotationSeeOneOfTheTokens() throws Exception {
        Files.writeString(tokenFile, token("alice", Duration.ofHours(1)));
        IdentityResolver resolver = resolver();
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        seen.add(resolver.current().subject());
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                    Thread.yield(); // the build machine is shared
                }
            });
            t.start();
            threads.add(t);
        }
        for (String subject : List.of("bobby", "carol", "dave")) {
            Thread.sleep(20);
            Fixture.write(tokenFile, token(subject, Duration.ofHours(1)));
            time.advance(PAST_RECHECK);
        }
        Thread.sleep(20);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get());
        assertTrue(seen.contains("alice") && seen.contains("dave"), seen.toString());
        assertTrue(List.of("alice", "bobby", "carol", "dave").containsAll(seen), seen.toString());
        assertEquals("dave", resolver.current().subject());
    }
}
