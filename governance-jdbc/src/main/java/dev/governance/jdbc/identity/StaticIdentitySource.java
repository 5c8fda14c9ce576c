package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Keys;

/** {@code governance.identity.subject}: an unverified identity, only with allow-unverified. */
final class StaticIdentitySource implements IdentitySource {
    private final Identity identity;
    private final boolean allowed;

    StaticIdentitySource(String subject, IdentityKind kind, java.util.List<String> groups, boolean allowed) {
        this.identity = new Identity(subject, kind, groups, null, null, false, null);
        this.allowed = allowed;
    }

    @Override
    public Identity current() throws IdentityException {
        if (!allowed) {
            throw new IdentityException("static identity " + Keys.SUBJECT + "=" + identity.subject()
                    + " is unverified: it needs " + Keys.ALLOW_UNVERIFIED + "=true (development only); "
                    + "otherwise set " + Keys.TOKEN + " or " + Keys.TOKEN_FILE);
        }
        return identity;
    }
}
