package dev.governance.jdbc.examples;

import com.nimbusds.jose.jwk.JWK;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.TokenMinter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A development signing key in a temporary directory and tokens signed with it (what {@code token keygen/mint} make). */
record DevTokens(JWK key, Path jwks) {
    static final String ISSUER = "governance-jdbc-dev";
    static final String AUDIENCE = "governance-jdbc";

    static DevTokens in(Path dir) throws IOException {
        JWK key = TokenMinter.generateKey("ES256");
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TokenMinter.publicJwkSet(key));
        return new DevTokens(key, jwks);
    }

    String token(String subject, IdentityKind kind, String... groups) {
        return TokenMinter.mint(key, ISSUER, AUDIENCE, subject, kind, List.of(groups), Duration.ofMinutes(10), null);
    }

    /** The governance.* settings of a connection carrying {@code token}. */
    Map<String, String> settings(String token) {
        return Map.of("governance.identity.token", token, "governance.identity.jwks", jwks.toString(),
                "governance.identity.issuer", ISSUER, "governance.identity.audience", AUDIENCE);
    }
}
