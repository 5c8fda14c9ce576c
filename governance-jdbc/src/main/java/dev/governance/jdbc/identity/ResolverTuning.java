package dev.governance.jdbc.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Clocks and intervals of the resolver; the defaults are the product's, tests pass their own.
 *
 * @param clock            wall clock for exp/nbf
 * @param nanoTime         monotonic time for re-check intervals
 * @param fileRecheck      how often a token file or JWK set file is looked at (mtime/size)
 * @param jwksMinRefresh   least time between two forced JWK set reloads (an unknown kid asks for one)
 * @param remoteJwksMaxAge how long a JWK set fetched over HTTPS is used before it is fetched again
 * @param remoteJwksTimeout the most one fetch of a remote JWK set may take, connecting and reading together
 */
record ResolverTuning(Clock clock, LongSupplier nanoTime, Duration fileRecheck, Duration jwksMinRefresh,
                      Duration remoteJwksMaxAge, Duration remoteJwksTimeout) {

    static final Duration DEFAULT_REMOTE_JWKS_TIMEOUT = Duration.ofSeconds(5);

    static final ResolverTuning DEFAULT = new ResolverTuning(Clock.systemUTC(), System::nanoTime,
            Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMinutes(5));

    ResolverTuning(Clock clock, LongSupplier nanoTime, Duration fileRecheck, Duration jwksMinRefresh,
                   Duration remoteJwksMaxAge) {
        this(clock, nanoTime, fileRecheck, jwksMinRefresh, remoteJwksMaxAge, DEFAULT_REMOTE_JWKS_TIMEOUT);
    }

    ResolverTuning withRemoteJwksTimeout(Duration timeout) {
        return new ResolverTuning(clock, nanoTime, fileRecheck, jwksMinRefresh, remoteJwksMaxAge, timeout);
    }
}
