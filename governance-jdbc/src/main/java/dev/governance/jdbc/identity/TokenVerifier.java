package dev.governance.jdbc.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Keys;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import static dev.governance.jdbc.identity.Rejections.quote;
import static dev.governance.jdbc.identity.Rejections.rejected;

/**
 * Checks one compact JWS against contract 3.1, in this order: form, algorithm (allow-list, never none, never
 * HMAC), key, signature, then the claims (iss, aud, exp, nbf) of a token whose signature holds. Stateless apart
 * from the JWK set; thread-safe. No message quotes the token.
 */
final class TokenVerifier {
    /** Real tokens are a few kilobytes; the cap bounds parsing work and the memory of the verification cache. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final JwkSetSource jwks;
    private final Set<String> algorithms;
    private final String algorithmList;
    private final String issuer;
    private final String audience;
    private final long skewMillis;
    private final Clock clock;
    private final ClaimMapper claims;
    private final LongAdder signatureChecks = new LongAdder();

    TokenVerifier(JwkSetSource jwks, List<String> algorithms, String issuer, String audience, Duration clockSkew,
                  Clock clock, ClaimMapper claims) {
        this.jwks = jwks;
        this.algorithms = Set.copyOf(algorithms);
        this.algorithmList = String.join(",", algorithms);
        this.issuer = issuer;
        this.audience = audience;
        this.skewMillis = clockSkew.toMillis();
        this.clock = clock;
        this.claims = claims;
    }

    VerifiedToken verify(String compact) throws IdentityException {
        SignedJWT jws = parse(compact);
        JWSHeader header = jws.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!algorithms.contains(alg.getName())) {
            throw rejected("algorithm " + Rejections.plain(alg.getName()) + " not accepted (" + Keys.ALGORITHMS
                    + "=" + algorithmList + ")");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw rejected("critical header parameters " + quote(header.getCriticalParams()) + " not understood");
        }
        JWTClaimsSet set = claimsOf(jws); // parsed first so garbage reads as malformed, trusted only after:
        checkSignature(jws, header, alg);
        Date expiry = checkClaims(set);
        return new VerifiedToken(claims.map(set, expiry.toInstant()), expiry.getTime() + skewMillis);
    }

    /** How many signatures have been checked; lets tests prove the verification cache works. */
    long signatureChecks() {
        return signatureChecks.sum();
    }

    private static SignedJWT parse(String compact) throws IdentityException {
        if (compact == null || compact.isBlank()) {
            throw rejected("malformed token (empty)");
        }
        if (compact.length() > MAX_TOKEN_LENGTH) {
            throw rejected("malformed token (longer than " + MAX_TOKEN_LENGTH + " characters)");
        }
        if (declaresNone(compact.strip())) {
            throw rejected("unsigned token (alg none)");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(compact.strip());
        } catch (ParseException | RuntimeException e) {
            throw rejected("malformed token (not a compact JWS)");
        }
        if (jwt instanceof PlainJWT) {
            throw rejected("unsigned token (alg none)");
        }
        if (!(jwt instanceof SignedJWT jws)) {
            throw rejected("malformed token (an encrypted token, a signed one is expected)");
        }
        return jws;
    }

    /** alg none in any spelling, whatever follows the header (Nimbus reads "None" as a JWS algorithm). */
    private static boolean declaresNone(String compact) {
        int dot = compact.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            Object alg = JSONObjectUtils.parse(new Base64URL(compact.substring(0, dot)).decodeToString()).get("alg");
            return alg instanceof String name && name.strip().equalsIgnoreCase("none");
        } catch (ParseException | RuntimeException e) {
            return false; // not a JSON header: the parser reports it as malformed
        }
    }

    private static JWTClaimsSet claimsOf(SignedJWT jws) throws IdentityException {
        try {
            return jws.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw rejected("malformed token (the payload is not a JSON claims set)");
        }
    }

    private void checkSignature(SignedJWT jws, JWSHeader header, JWSAlgorithm alg) throws IdentityException {
        String kid = header.getKeyID();
        VerificationKeys keys = jwks.keys();
        if (kid != null && !keys.hasKeyId(kid)) {
            keys = jwks.refreshForUnknownKey(); // keys may have been rotated since the set was read
            if (!keys.hasKeyId(kid)) {
                throw rejected("unknown key id " + quote(kid) + " (not in the JWK set " + Keys.JWKS + "="
                        + jwks.location() + ")");
            }
        }
        List<VerificationKey> candidates = keys.candidates(kid, alg);
        if (candidates.isEmpty()) {
            throw rejected(kid == null
                    ? "unknown key: the JWK set holds no key for algorithm " + alg.getName()
                    : "algorithm " + alg.getName() + " does not fit key id " + quote(kid));
        }
        signatureChecks.increment();
        byte[] signingInput = jws.getSigningInput();
        for (VerificationKey key : candidates) {
            if (key.verify(header, signingInput, jws.getSignature())) {
                return;
            }
        }
        throw rejected("signature invalid");
    }

    private Date checkClaims(JWTClaimsSet set) throws IdentityException {
        if (!issuer.equals(set.getIssuer())) {
            throw rejected("issuer mismatch (expected " + issuer + ", got " + quote(set.getIssuer()) + ")");
        }
        List<String> aud = set.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw rejected("audience mismatch (expected " + audience + " in aud, got " + quote(aud) + ")");
        }
        Date exp = set.getExpirationTime();
        if (exp == null) {
            throw rejected("no expiry (exp claim required)");
        }
        long now = clock.millis();
        if (now > exp.getTime() + skewMillis) {
            throw rejected("token expired at " + exp.toInstant());
        }
        Date nbf = set.getNotBeforeTime();
        if (nbf != null && now + skewMillis < nbf.getTime()) {
            throw rejected("token not yet valid (nbf " + nbf.toInstant() + ")");
        }
        return exp;
    }
}
