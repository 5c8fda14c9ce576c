package dev.governance.jdbc.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs identity tokens with a private JWK: for {@code token mint} on the command line, local development and
 * tests. The algorithm follows the key: RSA → RS256, EC P-256/P-384/P-521 → ES256/ES384/ES512, OKP Ed25519 →
 * EdDSA. The claims are the ones {@link IdentityResolver} reads with the default claim names
 * ({@code kind}, {@code groups}).
 */
public final class TokenMinter {
    private TokenMinter() {
    }

    /**
     * A signed compact JWT with {@code iss}, {@code aud}, {@code sub}, {@code kind}, {@code groups} (when any),
     * {@code iat}, {@code exp} = now + ttl, a random {@code jti}, and the key's {@code kid} in the header.
     *
     * @param actor when not null, an RFC 8693 {@code act: {sub: actor}} claim: the resolved identity's subject is
     *              then {@code actor}, acting on behalf of {@code subject}
     * @throws IllegalArgumentException when the key is public only or of a type that can't sign
     */
    public static String mint(JWK privateKey, String issuer, String audience, String subject, IdentityKind kind,
                              List<String> groups, Duration ttl, String actor) {
        return mint(privateKey, issuer, audience, subject, kind, groups, ttl, actor, Clock.systemUTC());
    }

    static String mint(JWK privateKey, String issuer, String audience, String subject, IdentityKind kind,
                       List<String> groups, Duration ttl, String actor, Clock clock) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("kind", kind.label())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (groups != null && !groups.isEmpty()) {
            claims.claim("groups", List.copyOf(groups));
        }
        if (actor != null) {
            claims.claim(ClaimMapper.ACT, Map.of("sub", actor));
        }
        return sign(privateKey, claims.build());
    }

    /** Signs any claims set with {@code privateKey} (the algorithm follows the key). */
    static String sign(JWK privateKey, JWTClaimsSet claims) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (!privateKey.isPrivate()) {
            throw new IllegalArgumentException("key " + describe(privateKey) + " is public only; minting needs the "
                    + "private key");
        }
        JWSAlgorithm alg = algorithmFor(privateKey);
        JWSHeader header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(privateKey.getKeyID()).build();
        try {
            if (privateKey instanceof OctetKeyPair okp) {
                Base64URL headerPart = header.toBase64URL();
                Base64URL payloadPart = Base64URL.encode(claims.toString());
                byte[] input = (headerPart + "." + payloadPart).getBytes(StandardCharsets.US_ASCII);
                return new SignedJWT(headerPart, payloadPart, Base64URL.encode(Ed25519.sign(okp, input))).serialize();
            }
            JWSSigner signer = privateKey instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) privateKey);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException | GeneralSecurityException | ParseException e) {
            throw new IllegalArgumentException("key " + describe(privateKey) + " can't sign: " + e.getMessage(), e);
        }
    }

    /** The JWS algorithm a key signs with. */
    static JWSAlgorithm algorithmFor(JWK key) {
        if (key instanceof RSAKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECKey ec) {
            if (Curve.P_256.equals(ec.getCurve())) {
                return JWSAlgorithm.ES256;
            }
            if (Curve.P_384.equals(ec.getCurve())) {
                return JWSAlgorithm.ES384;
            }
            if (Curve.P_521.equals(ec.getCurve())) {
                return JWSAlgorithm.ES512;
            }
        }
        if (key instanceof OctetKeyPair okp && Ed25519.isEd25519(okp)) {
            return JWSAlgorithm.EdDSA;
        }
        throw new IllegalArgumentException("key " + describe(key) + " can't sign identity tokens: use RSA, "
                + "EC P-256 or OKP Ed25519 (HMAC secrets are never accepted)");
    }

    /**
     * Reads a private JWK from a file: one JWK, or a JWK set holding exactly one private key.
     *
     * @throws IOException when the file can't be read or holds no single private key
     */
    public static JWK loadPrivateKey(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JWK key;
            if (isKeySet(json)) {
                List<JWK> privateKeys = JWKSet.parse(json).getKeys().stream().filter(JWK::isPrivate).toList();
                if (privateKeys.size() != 1) {
                    throw new IOException(file + " holds " + privateKeys.size() + " private keys; one is needed");
                }
                key = privateKeys.get(0);
            } else {
                key = JWK.parse(json);
            }
            if (!key.isPrivate()) {
                throw new IOException(file + " holds a public key only; minting needs the private key");
            }
            algorithmFor(key); // fails now for a key that can't sign
            return key;
        } catch (ParseException | IllegalArgumentException e) {
            throw new IOException(file + " is not a usable private JWK: " + e.getMessage(), e);
        }
    }

    /**
     * A new private signing key for development: {@code ES256} (EC P-256), {@code RS256} (RSA 2048) or
     * {@code EdDSA} (Ed25519), with a random key id.
     *
     * @throws IllegalArgumentException for another algorithm
     */
    public static JWK generateKey(String algorithm) {
        String kid = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            return switch (algorithm) {
                case "ES256" -> new com.nimbusds.jose.jwk.gen.ECKeyGenerator(Curve.P_256).keyID(kid)
                        .algorithm(JWSAlgorithm.ES256).generate();
                case "RS256" -> new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(kid)
                        .algorithm(JWSAlgorithm.RS256).generate();
                case "EdDSA" -> Ed25519.generate(kid);
                default -> throw new IllegalArgumentException("can't generate a key for " + algorithm
                        + " (ES256, RS256 or EdDSA)");
            };
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed: " + e.getMessage(), e);
        }
    }

    /** The JWK set (public parts only) to configure as {@code governance.identity.jwks} for this key. */
    public static String publicJwkSet(JWK key) {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    private static boolean isKeySet(String json) throws ParseException {
        return com.nimbusds.jose.util.JSONObjectUtils.parse(json).containsKey("keys");
    }

    private static String describe(JWK key) {
        return (key.getKeyID() == null ? "without kid" : "\"" + key.getKeyID() + "\"") + " (" + key.getKeyType() + ")";
    }
}
