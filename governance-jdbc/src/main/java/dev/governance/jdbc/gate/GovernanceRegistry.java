package dev.governance.jdbc.gate;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.config.Settings;

import java.util.concurrent.ConcurrentHashMap;

/** One {@link Governance} per distinct settings, shared by every connection that has them. */
public final class GovernanceRegistry {
    private static final ConcurrentHashMap<Settings, Governance> SHARED = new ConcurrentHashMap<>();

    private GovernanceRegistry() {
    }

    public static Governance forSettings(Settings full) throws ConfigurationException {
        Settings settings = full.withoutInlineToken();
        Governance existing = SHARED.get(settings);
        if (existing != null) {
            return existing;
        }
        // Built outside computeIfAbsent: construction reads files and may throw a checked exception.
        synchronized (SHARED) {
            existing = SHARED.get(settings);
            if (existing == null) {
                existing = GovernanceFactory.create(settings);
                SHARED.put(settings, existing);
            }
            return existing;
        }
    }
}
