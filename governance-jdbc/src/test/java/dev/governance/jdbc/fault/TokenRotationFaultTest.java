package dev.governance.jdbc.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token file rotated while a statement runs (the statement is held inside the database by a function that waits
 * on a latch): the running statement keeps the identity it started with, in its result and its record; the next
 * statement carries the new token's identity; a rotated token that fails verification refuses statements with 28000,
 * recorded, running nothing, until a good token is written again.
 */
class TokenRotationFaultTest {
    private static final String ISSUER = "https://issuer.fault.test";
    private static final String AUDIENCE = "governance-jdbc";

    @TempDir
    Path dir;

    @Test
    void aRunningStatementKeepsItsIdentityTheNextOneTakesTheRotatedToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate(); // same kid, other key: a forged token
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, token(key, "agent-before"));
        Path file = dir.resolve("audit.jsonl");
        Properties p = new Properties();
        p.setProperty("governance.identity.token-file", tokenFile.toString());
        p.setProperty("governance.identity.jwks", jwks.toString());
        p.setProperty("governance.identity.issuer", ISSUER);
        p.setProperty("governance.identity.audience", AUDIENCE);
        FaultTrail.audited(p, file);
        String db = "h2:mem:tok" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection raw = DriverManager.getConnection("jdbc:" + db); Statement r = raw.createStatement()) {
            r.execute("CREATE TABLE items(id INT PRIMARY KEY)");
            r.execute("CREATE ALIAS HOLD_STATEMENT FOR \"" + StatementHold.class.getName() + ".hold\"");
            StatementHold.reset();
            try (Connection c = DriverManager.getConnection("jdbc:governed:" + db, p)) {
                GovernedConnection governed = c.unwrap(GovernedConnection.class);
                assertEquals("agent-before", governed.identity().subject());
                CompletableFuture<Integer> held = CompletableFuture.supplyAsync(() -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT HOLD_STATEMENT() AS held")) {
                        rs.next();
                        return rs.getInt(1);
                    } catch (SQLException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!StatementHold.entered.await(20, TimeUnit.MILLISECONDS) && !held.isDone() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertTrue(StatementHold.entered.getCount() == 0, "the statement is running inside the database: " + held);
                if (held.isDone()) {
                    held.join(); // shows why it never got there
                }

                Files.writeString(tokenFile, token(key, "agent-after"));
                awaitSubject(governed, "agent-after"); // the file is re-read (every 250 ms) while the statement runs
                StatementHold.release.countDown();
                assertEquals(1, held.get(20, TimeUnit.SECONDS), "the running statement finished as it started");

                try (Statement s = c.createStatement()) {
                    assertEquals(1, s.executeUpdate("INSERT INTO items VALUES (1)"));

                    Files.writeString(tokenFile, token(stranger, "agent-forged"));
                    SQLException refused = awaitRefusal(s);
                    assertEquals("28000", refused.getSQLState(), refused.getMessage());
                    assertTrue(refused.getMessage().contains("signature"), "says which check failed: " + refused.getMessage());
                    assertEquals(1, count(r), "the refused insert did not run");

                    Files.writeString(tokenFile, token(key, "agent-fixed"));
                    awaitSubject(governed, "agent-fixed");
                    assertEquals(1, s.executeUpdate("INSERT INTO items VALUES (3)"), "the connection recovers");
                    assertEquals(2, count(r));
                }
            }
        }
        List<JsonNode> events = FaultTrail.events(p, file);
        JsonNode heldRecord = FaultTrail.one(events, "statement", "HOLD_STATEMENT");
        assertEquals("agent-before", heldRecord.path("identity").path("subject").asText(),
                "the held statement is recorded as the identity it started with");
        List<JsonNode> inserts = FaultTrail.named(events, "statement", "INSERT INTO items");
        assertTrue(inserts.stream().anyMatch(e -> e.path("identity").path("subject").asText().equals("agent-after")
                && e.path("phase").asText().equals("outcome") && e.path("rows").asInt() == 1), inserts.toString());
        assertTrue(inserts.stream().anyMatch(e -> e.path("error").asText().startsWith("28000: ")
                && e.path("identity").isNull()), "the refusal is recorded, as no identity: " + inserts);
        assertTrue(inserts.stream().noneMatch(e -> e.toString().contains("agent-forged")), "the forged subject never appears");
        assertTrue(inserts.stream().anyMatch(e -> e.path("identity").path("subject").asText().equals("agent-fixed")));
    }

    private static String token(RSAKey key, String subject) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, subject, IdentityKind.AGENT, List.of(), Duration.ofHours(1), null);
    }

    private static void awaitSubject(GovernedConnection c, String subject) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (c.identity().subject().equals(subject)) {
                    return;
                }
            } catch (SQLException stillTheOldFile) {
                // a token being written: not yet the one expected
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the token file never gave " + subject);
    }

    private static SQLException awaitRefusal(Statement s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int id = 100; System.nanoTime() < deadline; id++) {
            try {
                s.executeQuery("SELECT COUNT(*) FROM items").close();
            } catch (SQLException e) {
                return assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO items VALUES (2)"));
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the forged token was never refused");
    }

    private static int count(Statement raw) throws SQLException {
        try (ResultSet rs = raw.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
