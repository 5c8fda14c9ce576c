package dev.governance.jdbc.console.auth;

import dev.governance.jdbc.identity.Identity;

import java.time.Instant;

/**
 * A signed-in reviewer: the identity of the verified token, the CSRF token every form of this session carries, and
 * when the session ends (the token's expiry, or the session lifetime, whichever is first).
 */
public record Session(String id, Identity identity, String csrf, Instant expires) {
}
