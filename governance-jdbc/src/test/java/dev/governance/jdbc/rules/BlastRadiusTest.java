package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** H2: max-rows counts cascaded deletes; triggers and SET NULL can't be counted and are refused saying why. */
class BlastRadiusTest {
    @TempDir
    Path dir;

    @Test
    void h2CountsCascadesAndRefusesWhatItCantCount() throws Exception {
        try (BlastRadiusScenarios s = new BlastRadiusScenarios(RuleTarget.h2(), dir)) {
            s.cascadesAreCounted();
            s.uncountableRefused();
        }
    }

    @Test
    void h2CascadeInsideATransaction() throws Exception {
        try (BlastRadiusScenarios s = new BlastRadiusScenarios(RuleTarget.h2(), dir)) {
            s.cascadeInsideATransaction();
        }
    }
}
