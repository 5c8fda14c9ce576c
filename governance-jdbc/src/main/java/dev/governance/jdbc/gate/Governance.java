package dev.governance.jdbc.gate;

import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.IdentityResolver;

/**
 * Everything heavy that connections with the same settings share: identity verification, SQL analysis and its
 * cache, the policy, the audit trail, approvals. Built once per distinct {@link Settings} by {@link GovernanceRegistry}.
 */
public final class Governance {
    private final Settings settings;
    private final IdentityResolver identities;
    private final StatementGate gate;

    Governance(Settings settings, IdentityResolver identities) {
        this.settings = settings;
        this.identities = identities;
        this.gate = new StatementGate(this);
    }

    public Settings settings() {
        return settings;
    }

    public IdentityResolver identities() {
        return identities;
    }

    public StatementGate gate() {
        return gate;
    }
}
