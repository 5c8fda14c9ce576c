package dev.governance.jdbc.gate;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.Identity;

/** Builds the shared machinery for one set of settings; every failure is a VG000 naming the key. */
final class GovernanceFactory {
    private GovernanceFactory() {
    }

    static Governance create(Settings settings) throws ConfigurationException {
        return new Governance(settings, staticIdentity(settings.identity()));
    }

    // Interim: static identities only, until token verification lands.
    private static IdentitySource staticIdentity(Settings.IdentitySettings s) {
        return new IdentitySource() {
            @Override
            public Identity current() throws IdentityException {
                if (s.subject() == null) {
                    throw new IdentityException("no identity: set governance.identity.token, token-file or subject");
                }
                if (!s.allowUnverified()) {
                    throw new IdentityException("static identity " + s.subject()
                            + " needs governance.identity.allow-unverified=true");
                }
                return new Identity(s.subject(), s.kind(), s.groups(), null, null, false, null);
            }

            @Override
            public Identity verify(String token) throws IdentityException {
                throw new IdentityException("token verification is not available");
            }
        };
    }
}
