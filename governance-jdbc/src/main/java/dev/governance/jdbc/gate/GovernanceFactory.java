package dev.governance.jdbc.gate;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.policy.PolicyHolder;
import dev.governance.jdbc.sql.SqlAnalyzer;

/** Builds the shared machinery for one set of settings; every failure is a VG000 naming the key. */
final class GovernanceFactory {
    private GovernanceFactory() {
    }

    static Governance create(Settings settings) throws ConfigurationException {
        PolicyHolder policies = settings.policy() == null
                ? PolicyHolder.baseline()
                : PolicyHolder.open(settings.policy(), settings.policyReload());
        return new Governance(settings, new SqlAnalyzer(), policies);
    }
}
