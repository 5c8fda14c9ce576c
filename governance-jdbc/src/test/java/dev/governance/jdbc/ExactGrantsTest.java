package dev.governance.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/** H2: a grant is for exactly what was approved ({@link GrantScenarios}); two in-memory databases. */
class ExactGrantsTest {
    @TempDir
    Path dir;

    private GrantScenarios scenarios() throws Exception {
        String a = "jdbc:h2:mem:ga" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        String b = "jdbc:h2:mem:gb" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        return new GrantScenarios(new GrantScenarios.Server() {
            @Override
            public String urlA() {
                return a;
            }

            @Override
            public String urlB() {
                return b;
            }

            @Override
            public void credentials(Properties p) {
            }
        }, dir);
    }

    @Test
    void nobodyApprovesARequestMadeOnTheirOwnBehalf() throws Exception {
        try (GrantScenarios s = scenarios()) {
            s.nobodyApprovesARequestMadeOnTheirOwnBehalf();
        }
    }

    @Test
    void anotherLiteralIdentityDatabaseOrEnvironmentIsRefusedAndTheExactStatementRunsOnce() throws Exception {
        try (GrantScenarios s = scenarios()) {
            s.anotherLiteralIdentityDatabaseOrEnvironmentIsRefusedAndTheExactStatementRunsOnce();
        }
    }

    @Test
    void preparedGrantIsForTheSameParameterValuesAndTypes() throws Exception {
        try (GrantScenarios s = scenarios()) {
            s.preparedGrantIsForTheSameParameterValuesAndTypes();
        }
    }

    @Test
    void theTrailHoldsTheRequestWithoutItsLiterals() throws Exception {
        try (GrantScenarios s = scenarios()) {
            s.theTrailHoldsTheRequestWithoutItsLiterals();
        }
    }
}
