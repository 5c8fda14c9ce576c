package dev.governance.jdbc.identity;

/**
 * A verified token's identity and the wall-clock millisecond after which it is no longer accepted
 * ({@code exp} plus the clock skew).
 */
record VerifiedToken(Identity identity, long acceptedUntilMillis) {

    boolean expiredAt(long nowMillis) {
        return nowMillis > acceptedUntilMillis;
    }
}
