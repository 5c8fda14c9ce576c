package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.governance.jdbc.identity.Fixture.AUDIENCE;
import static dev.governance.jdbc.identity.Fixture.ISSUER;
import static dev.governance.jdbc.identity.Fixture.RSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCacheTest {
    @TempDir
    Path dir;
    IdentityResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        resolver = IdentityResolver.create(Fixture.tokenSettings(null, null,
                Fixture.writeJwks(dir.resolve("jwks.json"), RSA)));
    }

    private static String token(String subject) {
        return TokenMinter.mint(RSA, ISSUER, AUDIENCE, subject, IdentityKind.AGENT, List.of(), Duration.ofHours(1), null);
    }

    @Test
    void theSameTokenIsVerifiedOnce() throws Exception {
        String token = token("a");
        Identity first = resolver.verify(token);
        Identity second = resolver.verify(token);
        assertSame(first, second);
        assertEquals(1, resolver.signatureChecks());
        resolver.verify(token("b"));
        assertEquals(2, resolver.signatureChecks());
    }

    @Test
    void manyConnectionsOpeningAtOnceVerifyOnce() throws Exception {
        String token = token("pool");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Identity>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(pool.submit((Callable<Identity>) () -> {
                    start.await();
                    return resolver.verify(token);
                }));
            }
            start.countDown();
            for (Future<Identity> result : results) {
                assertEquals("pool", result.get().subject());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, resolver.signatureChecks());
    }

    @Test
    void failuresAreNotCached() throws Exception {
        String good = token("a");
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        for (int i = 1; i <= 3; i++) {
            IdentityException e = assertThrows(IdentityException.class, () -> resolver.verify(tampered));
            assertTrue(e.getMessage().contains("signature invalid"), e.getMessage());
            assertEquals(i, resolver.signatureChecks());
        }
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws Exception {
        Fixture.Time time = new Fixture.Time(Instant.now());
        IdentityResolver timed = IdentityResolver.create(Fixture.tokenSettings(null, null, dir.resolve("jwks.json")),
                time.tuning(Duration.ZERO));
        String token = TokenMinter.mint(RSA, ISSUER, AUDIENCE, "a", IdentityKind.AGENT, List.of(),
                Duration.ofMinutes(1), null, time);
        assertEquals("a", timed.verify(token).subject());
        time.advance(Duration.ofMinutes(3));
        IdentityException e = assertThrows(IdentityException.class, () -> timed.verify(token));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("token expired"), e.getMessage());
    }
}
