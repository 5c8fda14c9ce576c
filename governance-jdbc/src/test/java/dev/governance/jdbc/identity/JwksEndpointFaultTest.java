package dev.governance.jdbc.identity;

import com.sun.net.httpserver.HttpServer;
import dev.governance.jdbc.IdentityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.governance.jdbc.identity.Fixture.AUDIENCE;
import static dev.governance.jdbc.identity.Fixture.EC;
import static dev.governance.jdbc.identity.Fixture.ISSUER;
import static dev.governance.jdbc.identity.Fixture.RSA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JWK set endpoint (a JDK HttpServer on an ephemeral port) down, slow, trickling and answering garbage. Without
 * keys: the identity is refused with 28000 naming the set and why, and a slow endpoint is given up on at the fetch
 * bound while it is still holding its answer back (no hang until it answers); when the endpoint is back, the next try
 * works. With keys already fetched: the keys are kept through a failed refresh, and a token whose key is unknown is
 * refused with 28000.
 */
class JwksEndpointFaultTest {
    private static final Duration BOUND = Duration.ofMillis(400);

    private enum Mode { OK, SLOW, TRICKLE, GARBAGE, ERROR }

    private volatile Mode mode = Mode.OK;
    private final CountDownLatch answerSlowly = new CountDownLatch(1);
    private HttpServer server;
    private String url;
    private final Fixture.Time time = new Fixture.Time(Instant.now());

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/jwks.json", exchange -> {
            byte[] body = switch (mode) {
                case OK, SLOW, TRICKLE -> Fixture.jwksJson(RSA).getBytes(StandardCharsets.UTF_8);
                case GARBAGE -> "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
                case ERROR -> "{\"error\":\"down for maintenance\"}".getBytes(StandardCharsets.UTF_8);
            };
            try {
                if (mode == Mode.SLOW) {
                    answerSlowly.await(30, TimeUnit.SECONDS); // holds the answer back until the test is done
                }
                exchange.sendResponseHeaders(mode == Mode.ERROR ? 503 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        if (mode == Mode.TRICKLE) {
                            Thread.sleep(BOUND.toMillis() / 4); // each byte inside the read timeout, the whole far beyond
                        }
                    }
                }
            } catch (InterruptedException | java.io.IOException e) {
                // the client gave up on us
            } finally {
                exchange.close();
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    @AfterEach
    void stop() {
        answerSlowly.countDown();
        server.stop(0);
    }

    private IdentityResolver resolver(String token) throws Exception {
        return IdentityResolver.create(Fixture.settings(token, null, url, Fixture.ALGORITHMS, IdentityKind.AGENT, null,
                false), time.tuning(Duration.ofSeconds(30)).withRemoteJwksTimeout(BOUND));
    }

    private String token(com.nimbusds.jose.jwk.JWK key, String subject) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, subject, IdentityKind.AGENT, List.of(), Duration.ofHours(1), null,
                time);
    }

    @Test
    void garbageThenErrorThenBackRefusesWith28000AndRecovers() throws Exception {
        mode = Mode.GARBAGE;
        IdentityResolver resolver = resolver(token(RSA, "agent-g"));
        IdentityException garbage = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", garbage.getSQLState());
        assertTrue(garbage.getMessage().contains(url) && garbage.getMessage().contains("unavailable"),
                garbage.getMessage());

        mode = Mode.ERROR;
        time.advance(Duration.ofSeconds(2)); // past the retry pause of a set never loaded
        IdentityException error = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", error.getSQLState());

        mode = Mode.OK;
        time.advance(Duration.ofSeconds(2));
        assertEquals("agent-g", resolver.current().subject(), "the endpoint is back: the token is verified");
    }

    @Test
    void aSlowEndpointIsGivenUpOnAtTheBoundWhileItStillHoldsItsAnswer() throws Exception {
        mode = Mode.SLOW;
        IdentityResolver resolver = resolver(token(RSA, "agent-s"));
        IdentityException slow = assertThrows(IdentityException.class, resolver::current);
        assertEquals("28000", slow.getSQLState());
        assertTrue(slow.getMessage().contains("no complete answer within " + BOUND.toMillis() + " ms"), slow.getMessage());
        assertEquals(1, answerSlowly.getCount(), "refused while the endpoint was still holding its answer back");

        mode = Mode.TRICKLE;
        time.advance(Duration.ofSeconds(2));
        IdentityException trickle = assertThrows(IdentityException.class, resolver::current);
        assertTrue(trickle.getMessage().contains("no complete answer"), "a byte at a time can't hold it: "
                + trickle.getMessage());

        mode = Mode.OK;
        time.advance(Duration.ofSeconds(2));
        assertEquals("agent-s", resolver.current().subject());
    }

    @Test
    void keysAlreadyFetchedAreKeptWhileTheEndpointIsDownAnUnknownKeyIsRefused() throws Exception {
        IdentityResolver first = resolver(token(RSA, "agent-k"));
        assertEquals("agent-k", first.current().subject());
        server.stop(0); // down: connections are refused
        time.advance(Duration.ofMinutes(6)); // past the set's max age: it is fetched again, and that fails
        assertEquals("agent-k", first.current().subject(), "the keys already known stay in use");

        String unknownKey = token(EC, "agent-unknown-key"); // its kid asks for a refresh, which can't be had
        IdentityException unknown = assertThrows(IdentityException.class, () -> first.verify(unknownKey));
        assertEquals("28000", unknown.getSQLState(), unknown.getMessage());
        assertEquals("agent-k2", first.verify(token(RSA, "agent-k2")).subject(),
                "a token signed with a known key still verifies");

        IdentityResolver fresh = resolver(token(RSA, "agent-new"));
        IdentityException none = assertThrows(IdentityException.class, fresh::current);
        assertTrue(none.getMessage().contains("unavailable"), "no keys yet and the endpoint down: " + none.getMessage());
    }
}
