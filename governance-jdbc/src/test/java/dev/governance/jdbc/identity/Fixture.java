package dev.governance.jdbc.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.governance.jdbc.config.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Keys generated once per test run, JWK set files, settings and claims for identity tests. */
final class Fixture {
    static final String ISSUER = "https://issuer.example.test";
    static final String AUDIENCE = "governance-jdbc";
    static final List<String> ALGORITHMS = List.of("RS256", "ES256", "EdDSA");

    static final RSAKey RSA = rsa("rsa-1");
    static final ECKey EC = ec("ec-1");
    static final OctetKeyPair ED = ed("ed-1");
    /** Not in the JWK set the tests configure. */
    static final RSAKey STRANGER = rsa("stranger");

    private Fixture() {
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static OctetKeyPair ed(String kid) {
        try {
            return Ed25519.generate(kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public parts of {@code keys} as a JWK set file. */
    /** The public parts of {@code keys} as a JWK set document. */
    static String jwksJson(JWK... keys) {
        return new JWKSet(Arrays.stream(keys).map(JWK::toPublicJWK).toList()).toString(true);
    }

    static Path writeJwks(Path file, JWK... keys) {
        List<JWK> publicKeys = Arrays.stream(keys).map(JWK::toPublicJWK).toList();
        return write(file, new JWKSet(publicKeys).toString(true));
    }

    static Path write(Path file, String content) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content);
            return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Valid claims for subject {@code sub}, issued now, expiring in an hour. */
    static JWTClaimsSet.Builder claims(String sub, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(sub)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    static Settings.IdentitySettings tokenSettings(String token, String tokenFile, Path jwks) {
        return settings(token, tokenFile, jwks.toString(), ALGORITHMS, IdentityKind.AGENT, null, false);
    }

    static Settings.IdentitySettings settings(String token, String tokenFile, String jwks, List<String> algorithms,
                                              IdentityKind defaultKind, String subject, boolean allowUnverified) {
        return new Settings.IdentitySettings(token, tokenFile, jwks, jwks == null ? null : ISSUER,
                jwks == null ? null : AUDIENCE, algorithms, Duration.ofSeconds(60), "kind", "groups", defaultKind.label(),
                subject, "human", List.of("dev", "ops"), allowUnverified);
    }

    /** A clock and a monotonic time the test moves by hand. */
    static final class Time extends Clock {
        private final AtomicReference<Instant> now;
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        Time(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
            nanos.addAndGet(d.toNanos());
        }

        long nanoTime() {
            return nanos.get();
        }

        ResolverTuning tuning(Duration jwksMinRefresh) {
            return new ResolverTuning(this, this::nanoTime, Duration.ofMillis(250), jwksMinRefresh,
                    Duration.ofMinutes(5));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
