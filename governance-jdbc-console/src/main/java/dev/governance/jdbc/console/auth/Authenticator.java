package dev.governance.jdbc.console.auth;

import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityResolver;
import dev.governance.jdbc.console.web.Request;

import java.util.Optional;

/**
 * Who is asking: a bearer token verified on the spot, or a session cookie of a token verified at sign-in. Tokens are
 * verified exactly as a connection verifies them (JWK set, algorithms, issuer, audience, expiry), by the driver's own
 * {@link IdentityResolver}; a static identity never signs in.
 */
public final class Authenticator {
    public static final String SESSION_COOKIE = "governance_console";
    public static final String LOGIN_COOKIE = "governance_console_login";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final IdentityResolver resolver;
    private final Sessions sessions;
    private final java.util.Set<dev.governance.jdbc.identity.IdentityKind> kinds;

    /** @param kinds the kinds of identity that may use the console (reviewers are people: {@code human} by default) */
    public Authenticator(IdentityResolver resolver, Sessions sessions,
                         java.util.Set<dev.governance.jdbc.identity.IdentityKind> kinds) {
        this.resolver = resolver;
        this.sessions = sessions;
        this.kinds = java.util.Set.copyOf(kinds);
    }

    /** Why a request was not let in, for the 401 page. */
    public static final class Unauthenticated extends Exception {
        private static final long serialVersionUID = 1L;

        public Unauthenticated(String message) {
            super(message);
        }
    }

    /**
     * The principal of a request.
     *
     * @throws Unauthenticated without a token or session, or with a token that fails a check (forged, expired,
     *                         wrong issuer or audience…), or a session whose token has expired since
     */
    public Principal authenticate(Request request) throws Unauthenticated {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new Unauthenticated("only Bearer tokens are accepted");
            }
            return new Principal(verify(authorization.substring(7).strip()), null);
        }
        Optional<Session> session = sessions.find(request.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            throw new Unauthenticated("sign in with your token");
        }
        try {
            resolver.requireUnexpired(session.get().identity());
        } catch (IdentityException e) {
            sessions.close(session.get().id());
            throw new Unauthenticated("your token has expired: sign in again");
        }
        return new Principal(session.get().identity(), session.get());
    }

    /** Verifies a token presented at sign-in or as a bearer token. */
    public Identity verify(String token) throws Unauthenticated {
        try {
            Identity identity = resolver.verify(token);
            if (!identity.verified()) {
                throw new Unauthenticated("the token was not verified");
            }
            if (!kinds.contains(identity.kind())) {
                throw new Unauthenticated("token refused: " + identity.subject() + " is of kind "
                        + identity.kind().label() + "; the console admits " + kinds.stream()
                        .map(dev.governance.jdbc.identity.IdentityKind::label).sorted().toList());
            }
            return identity;
        } catch (IdentityException e) {
            throw new Unauthenticated("token refused: " + e.getMessage());
        }
    }

    public Session signIn(Identity identity) {
        return sessions.open(identity);
    }

    public void signOut(Principal principal) {
        if (principal.session() != null) {
            sessions.close(principal.session().id());
        }
    }

    /**
     * True when a state-changing request carries its session's CSRF token (form field or header). Bearer requests
     * pass: no browser attaches an Authorization header on its own, so they can't be forged cross-site.
     */
    public static boolean csrfValid(Request request, Principal principal) throws java.io.IOException {
        if (principal.session() == null) {
            return true;
        }
        String given = request.header(CSRF_HEADER);
        if (given == null) {
            given = request.form(CSRF_FIELD);
        }
        return Secrets.same(principal.csrf(), given);
    }

    /** A fresh value for the sign-in form's double-submit cookie. */
    public static String loginNonce() {
        return Secrets.random();
    }

    /** True when the sign-in form's field matches its cookie (the sign-in itself can't be forged cross-site). */
    public static boolean loginCsrfValid(Request request) throws java.io.IOException {
        return Secrets.same(request.cookie(LOGIN_COOKIE), request.form(CSRF_FIELD));
    }
}
