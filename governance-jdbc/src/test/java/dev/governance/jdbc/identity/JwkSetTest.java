package dev.governance.jdbc.identity;

import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.IdentityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.governance.jdbc.identity.Fixture.AUDIENCE;
import static dev.governance.jdbc.identity.Fixture.EC;
import static dev.governance.jdbc.identity.Fixture.ISSUER;
import static dev.governance.jdbc.identity.Fixture.RSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwkSetTest {
    @TempDir
    Path dir;

    private static String token(com.nimbusds.jose.jwk.JWK key, String subject) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, subject, IdentityKind.AGENT, List.of(), Duration.ofHours(1), null);
    }

    private static ConfigurationException badJwks(String location) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> IdentityResolver.create(
                Fixture.settings(null, null, location, Fixture.ALGORITHMS, IdentityKind.AGENT, null, false)));
        assertEquals("VG000", e.getSQLState());
        assertTrue(e.getMessage().startsWith("governance.identity.jwks=" + location + ": "), e.getMessage());
        return e;
    }

    @Test
    void missingFileIsAConfigurationError() {
        badJwks(dir.resolve("nope.json").toString());
    }

    @Test
    void notAJwkSetIsAConfigurationError() {
        Path file = Fixture.write(dir.resolve("jwks.json"), "{ this is not json");
        assertTrue(badJwks(file.toString()).getMessage().contains("is not a JWK set"));
    }

    @Test
    void aSetWithOnlyASymmetricKeyIsAConfigurationError() throws Exception {
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
        Path file = Fixture.write(dir.resolve("jwks.json"),
                new com.nimbusds.jose.jwk.JWKSet(secret).toString(false));
        String message = badJwks(file.toString()).getMessage();
        assertTrue(message.contains("no usable public signature key"), message);
        assertTrue(message.contains("symmetric keys are never used"), message);
    }

    @Test
    void missingClasspathResourceIsAConfigurationError() {
        badJwks("classpath:no/such/jwks.json");
    }

    @Test
    void plainHttpToAnotherHostIsAConfigurationError() {
        assertTrue(badJwks("http://keys.example.com/jwks.json").getMessage().contains("https://"));
    }

    @Test
    void tokenWithoutIssuerOrAudienceIsAConfigurationError() {
        Path jwks = Fixture.writeJwks(dir.resolve("jwks.json"), RSA);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> IdentityResolver.create(
                new dev.governance.jdbc.config.Settings.IdentitySettings("t", null, jwks.toString(), null, AUDIENCE,
                        Fixture.ALGORITHMS, Duration.ZERO, "kind", "groups", "agent", null,
                        "agent", List.of(), false)));
        assertEquals("VG000", e.getSQLState());
        assertTrue(e.getMessage().contains("governance.identity.issuer"), e.getMessage());
    }

    @Test
    void classpathJwkSet() throws Exception {
        Fixture.writeJwks(dir.resolve("keys.json"), RSA);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            IdentityResolver resolver = IdentityResolver.create(Fixture.settings(null, null, "classpath:keys.json",
                    Fixture.ALGORITHMS, IdentityKind.AGENT, null, false));
            assertEquals("a", resolver.verify(token(RSA, "a")).subject());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void unknownKidReloadsTheFileOnceThenIsRateLimited() throws Exception {
        Path jwks = Fixture.writeJwks(dir.resolve("jwks.json"), RSA);
        Fixture.Time time = new Fixture.Time(Instant.now());
        IdentityResolver resolver = IdentityResolver.create(Fixture.tokenSettings(null, null, jwks),
                time.tuning(Duration.ofHours(1)));
        String ecToken = token(EC, "ec-user");

        // First unknown kid: a forced reload happens, but the key isn't there yet.
        IdentityException e = assertThrows(IdentityException.class, () -> resolver.verify(ecToken));
        assertTrue(e.getMessage().contains("unknown key id \"ec-1\""), e.getMessage());

        // The key is published; forced reloads are rate-limited and the periodic look is not due yet.
        Fixture.writeJwks(jwks, RSA, EC);
        e = assertThrows(IdentityException.class, () -> resolver.verify(ecToken));
        assertTrue(e.getMessage().contains("unknown key id"), e.getMessage());

        time.advance(Duration.ofSeconds(1)); // the file re-check interval passes
        assertEquals("ec-user", resolver.verify(ecToken).subject());
    }

    @Test
    void unknownKidForcesAReloadWhenNotRateLimited() throws Exception {
        Path jwks = Fixture.writeJwks(dir.resolve("jwks.json"), RSA);
        Fixture.Time time = new Fixture.Time(Instant.now());
        IdentityResolver resolver = IdentityResolver.create(Fixture.tokenSettings(null, null, jwks),
                time.tuning(Duration.ZERO));
        assertEquals("a", resolver.verify(token(RSA, "a")).subject());
        Fixture.writeJwks(jwks, RSA, EC); // no time passes: only the forced reload can see it
        assertEquals("b", resolver.verify(token(EC, "b")).subject());
    }

    @Test
    void aBrokenRewriteKeepsTheKeysAlreadyKnown() throws Exception {
        Path jwks = Fixture.writeJwks(dir.resolve("jwks.json"), RSA);
        Fixture.Time time = new Fixture.Time(Instant.now());
        IdentityResolver resolver = IdentityResolver.create(Fixture.tokenSettings(null, null, jwks),
                time.tuning(Duration.ZERO));
        Fixture.write(jwks, "garbage");
        time.advance(Duration.ofSeconds(2));
        assertEquals("a", resolver.verify(token(RSA, "a")).subject());
    }

    @Test
    void remoteJwkSetOverLoopbackHttp() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(
                new com.nimbusds.jose.jwk.JWKSet(RSA.toPublicJWK()).toString(true));
        AtomicInteger status = new AtomicInteger(200);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
            Fixture.Time time = new Fixture.Time(Instant.now());
            IdentityResolver resolver = IdentityResolver.create(Fixture.settings(null, null, url,
                    Fixture.ALGORITHMS, IdentityKind.AGENT, null, false), time.tuning(Duration.ofSeconds(30)));
            assertEquals(0, requests.get(), "fetched lazily");

            assertEquals("a", resolver.verify(token(RSA, "a")).subject());
            assertEquals("b", resolver.verify(token(RSA, "b")).subject());
            assertEquals(1, requests.get(), "one fetch serves many tokens");

            body.set(new com.nimbusds.jose.jwk.JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString(true));
            assertEquals("c", resolver.verify(token(EC, "c")).subject(), "an unknown kid fetches again");
            assertEquals(2, requests.get());

            status.set(500);
            assertThrows(IdentityException.class, () -> resolver.verify(token(Fixture.STRANGER, "d")));
            assertEquals(2, requests.get(), "the forced reload is rate-limited");
            time.advance(Duration.ofMinutes(6)); // past the max age: fetched again, fails, keeps the keys
            assertEquals("e", resolver.verify(token(RSA, "e")).subject());
            assertEquals(3, requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unreachableRemoteJwkSetRefusesTokens() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } // nothing listens there now
        String url = "http://127.0.0.1:" + port + "/jwks.json";
        IdentityResolver resolver = IdentityResolver.create(Fixture.settings(null, null, url, Fixture.ALGORITHMS,
                IdentityKind.AGENT, null, false));
        IdentityException e = assertThrows(IdentityException.class, () -> resolver.verify(token(RSA, "a")));
        assertEquals("28000", e.getSQLState());
        assertTrue(e.getMessage().contains("the JWK set governance.identity.jwks=" + url + " is unavailable"),
                e.getMessage());
    }

    @Test
    void loadPrivateKeyReadsAJwkOrASetWithOnePrivateKey() throws Exception {
        Path single = Files.writeString(dir.resolve("key.json"), EC.toJSONString());
        assertEquals(EC, TokenMinter.loadPrivateKey(single));
        Path set = Files.writeString(dir.resolve("set.json"), new com.nimbusds.jose.jwk.JWKSet(
                List.of(RSA.toPublicJWK(), EC)).toString(false));
        assertEquals(EC, TokenMinter.loadPrivateKey(set));
        Path publicOnly = Files.writeString(dir.resolve("pub.json"), RSA.toPublicJWK().toJSONString());
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> TokenMinter.loadPrivateKey(publicOnly));
        assertTrue(e.getMessage().contains("public key only"), e.getMessage());
    }

    @Test
    void mintedTokenVerifiesAgainstThePublishedSet() throws Exception {
        Path jwks = Fixture.write(dir.resolve("jwks.json"), TokenMinter.publicJwkSet(Fixture.ED));
        assertTrue(!Files.readString(jwks).contains("\"d\""), "no private part published");
        IdentityResolver resolver = IdentityResolver.create(Fixture.tokenSettings(null, null, jwks));
        assertEquals("ed", resolver.verify(token(Fixture.ED, "ed")).subject());
        assertThrows(IllegalArgumentException.class, () -> token(RSA.toPublicJWK(), "x"));
    }
}
