package dev.governance.jdbc.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Keys;
import dev.governance.jdbc.config.Settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The identity of connections with one {@link Settings.IdentitySettings}: built once per distinct settings and
 * shared by every connection that has them. Thread-safe.
 *
 * <p>{@link #current()} is called on every statement and returns the cached identity of the configured source;
 * {@link #verify(String)} checks any token (for {@code runAs}) and caches the result until the token expires.
 */
public final class IdentityResolver {
    static final int CACHE_SIZE = 10_000;

    private final IdentitySource source;
    private final TokenVerifier verifier; // null without a JWK set
    private final Cache<String, VerifiedToken> cache;
    private final Clock clock;
    private final long skewMillis;

    private IdentityResolver(Settings.IdentitySettings s, ResolverTuning tuning) throws ConfigurationException {
        this.clock = tuning.clock();
        this.skewMillis = s.clockSkew().toMillis();
        if (s.hasToken() && s.jwks() == null) {
            throw new ConfigurationException(Keys.JWKS + " is required with a token (" + Keys.TOKEN + " or "
                    + Keys.TOKEN_FILE + "): it holds the keys the token is verified with");
        }
        this.verifier = s.jwks() == null ? null : new TokenVerifier(JwkSetSource.open(s.jwks(), tuning),
                s.algorithms(), required(s.issuer(), Keys.ISSUER), required(s.audience(), Keys.AUDIENCE),
                s.clockSkew(), clock, new ClaimMapper(s.kindClaim(), s.groupsClaim(), IdentityKind.parse(s.defaultKind())));
        // An entry never outlives its token: it expires at exp (a hit is checked against exp + skew as well).
        this.cache = Caffeine.newBuilder()
                .maximumSize(CACHE_SIZE)
                .expireAfter(Expiry.creating((String token, VerifiedToken v) -> Duration.ofMillis(
                        Math.max(0, v.identity().expiresAt().toEpochMilli() - clock.millis()))))
                .build();
        this.source = source(s, tuning);
    }

    /**
     * Builds the resolver of {@code settings}: reads the JWK set of a file or classpath location now.
     *
     * @throws ConfigurationException (VG000) when the JWK set can't be read or holds no usable key, or a token is
     *                                configured without JWK set, issuer or audience
     */
    public static IdentityResolver create(Settings.IdentitySettings settings) throws ConfigurationException {
        return create(settings, ResolverTuning.DEFAULT);
    }

    static IdentityResolver create(Settings.IdentitySettings settings, ResolverTuning tuning)
            throws ConfigurationException {
        return new IdentityResolver(settings, tuning);
    }

    /**
     * The identity of the configured source: the inline token, the token file (re-read when it changes), or the
     * static identity. Cheap: returns the same object until the source changes.
     *
     * @throws IdentityException (28000) with no identity configured, a token that fails a check or has expired,
     *                           or a static identity without allow-unverified
     */
    public Identity current() throws IdentityException {
        return source.current();
    }

    /**
     * Verifies any compact JWT against the configured JWK set, issuer and audience (contract 3.1), and maps its
     * claims. Successful results are cached by token until the token expires; failures are not cached.
     *
     * @throws IdentityException (28000) naming the failed check
     */
    public Identity verify(String compactJwt) throws IdentityException {
        return verified(compactJwt).identity();
    }

    /**
     * Refuses an identity whose token has expired (exp plus the clock skew): for identities held outside
     * {@link #current()}, such as a {@code runAs} scope, checked on each statement. Static identities don't expire.
     *
     * @throws IdentityException (28000) "token expired"
     */
    public void requireUnexpired(Identity identity) throws IdentityException {
        if (identity.expiresAt() != null && clock.millis() > identity.expiresAt().toEpochMilli() + skewMillis) {
            throw Rejections.rejected("token expired at " + identity.expiresAt());
        }
    }

    /** Signatures checked so far (tests prove with it that the cache saves work). */
    long signatureChecks() {
        return verifier == null ? 0 : verifier.signatureChecks();
    }

    private VerifiedToken verified(String token) throws IdentityException {
        if (verifier == null) {
            throw Rejections.rejected("no JWK set to verify tokens with (set " + Keys.JWKS + ", "
                    + Keys.ISSUER + " and " + Keys.AUDIENCE + ")");
        }
        if (token == null || token.isBlank()) {
            throw Rejections.rejected("malformed token (empty)");
        }
        VerifiedToken v;
        try {
            // get() computes once per key, so a pool opening many connections at once verifies once.
            v = cache.get(token, this::verifyUnchecked);
        } catch (Rejected r) {
            throw r.exception;
        }
        if (v.expiredAt(clock.millis())) {
            cache.invalidate(token);
            throw Rejections.rejected("token expired at " + v.identity().expiresAt());
        }
        return v;
    }

    private VerifiedToken verifyUnchecked(String token) {
        try {
            return verifier.verify(token);
        } catch (IdentityException e) {
            throw new Rejected(e);
        }
    }

    private IdentitySource source(Settings.IdentitySettings s, ResolverTuning tuning) throws ConfigurationException {
        if (s.token() != null) {
            return new InlineTokenSource(s.token(), this::verified, clock);
        }
        if (s.tokenFile() != null) {
            try {
                Path.of(s.tokenFile());
            } catch (InvalidPathException e) {
                throw new ConfigurationException(Keys.TOKEN_FILE + "=" + s.tokenFile() + ": not a valid path ("
                        + e.getMessage() + ")", e);
            }
            return new TokenFileSource(s.tokenFile(), this::verified, clock, tuning.nanoTime(),
                    tuning.fileRecheck().toNanos());
        }
        if (s.subject() != null) {
            return new StaticIdentitySource(s.subject(), IdentityKind.parse(s.kind()), s.groups(), s.allowUnverified());
        }
        return () -> {
            throw new IdentityException("no identity: set " + Keys.TOKEN + ", " + Keys.TOKEN_FILE + ", or "
                    + Keys.SUBJECT + " (with " + Keys.ALLOW_UNVERIFIED + "=true, for development)");
        };
    }

    private static String required(String value, String key) throws ConfigurationException {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(key + " is required with " + Keys.JWKS + " (a token is verified "
                    + "against it)");
        }
        return value;
    }

    /** Carries a rejection through the cache's loader, which can't throw checked exceptions. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IdentityException exception;

        Rejected(IdentityException exception) {
            super(null, null, false, false);
            this.exception = exception;
        }
    }
}
