package dev.governance.jdbc.gate;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.config.Settings;

/** Builds the shared machinery for one set of settings; every failure is a VG000 naming the key. */
final class GovernanceFactory {
    private GovernanceFactory() {
    }

    static Governance create(Settings settings) throws ConfigurationException {
        return new Governance(settings);
    }
}
