package dev.governance.jdbc.console.auth;

import dev.governance.jdbc.identity.Identity;

/**
 * Who makes a request: a verified identity, from a session cookie (then {@code session} holds its CSRF token) or
 * from an {@code Authorization: Bearer} token on the request itself ({@code session} null).
 */
public record Principal(Identity identity, Session session) {
    /** The CSRF token forms must carry, or null for bearer requests (a browser never adds that header by itself). */
    public String csrf() {
        return session == null ? null : session.csrf();
    }
}
