package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Keys;

import java.time.Clock;

/** {@code governance.identity.token}: verified on first use, then only its expiry is checked. */
final class InlineTokenSource implements IdentitySource {
    private final String token;
    private final TokenCheck check;
    private final Clock clock;
    private volatile VerifiedToken verified;

    InlineTokenSource(String token, TokenCheck check, Clock clock) {
        this.token = token;
        this.check = check;
        this.clock = clock;
    }

    @Override
    public Identity current() throws IdentityException {
        VerifiedToken v = verified;
        if (v == null) {
            v = check.verify(token); // a failure is not remembered: a JWK set update may still let it pass
            verified = v;
        }
        if (v.expiredAt(clock.millis())) {
            throw Rejections.rejected("token expired at " + v.identity().expiresAt() + " (" + Keys.TOKEN
                    + " is fixed; use " + Keys.TOKEN_FILE + " for tokens that rotate)");
        }
        return v.identity();
    }
}
