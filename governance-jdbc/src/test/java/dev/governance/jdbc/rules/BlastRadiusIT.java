package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** max-rows with cascades and triggers on PostgreSQL (everything counted) and MariaDB (cascades counted). */
class BlastRadiusIT {
    @TempDir
    Path dir;

    @Test
    void postgresCountsCascadesSetNullAndTriggers() throws Exception {
        try (BlastRadiusScenarios s = new BlastRadiusScenarios(RuleTarget.postgres(), dir)) {
            s.cascadesAreCounted();
            s.everythingCounted();
        }
        try (BlastRadiusScenarios s = new BlastRadiusScenarios(RuleTarget.postgres(), dir)) {
            s.cascadeInsideATransaction();
        }
    }

    @Test
    void mariaDbCountsCascadesAndRefusesWhatItCantCount() throws Exception {
        try (BlastRadiusScenarios s = new BlastRadiusScenarios(RuleTarget.mariaDb(), dir)) {
            s.cascadesAreCounted();
            s.uncountableRefused();
        }
        try (BlastRadiusScenarios s = new BlastRadiusScenarios(RuleTarget.mariaDb(), dir)) {
            s.cascadeInsideATransaction();
        }
    }
}
