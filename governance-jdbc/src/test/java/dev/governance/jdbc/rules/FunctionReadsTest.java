package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** H2: user-defined functions are Java aliases, never SQL: a call reads an unknown table unless the policy names it. */
class FunctionReadsTest {
    @TempDir
    Path dir;

    @Test
    void h2AliasesAreOpaqueUnlessNamed() throws Exception {
        try (FunctionScenarios s = new FunctionScenarios(RuleTarget.h2(), dir)) {
            String o = s.opaque;
            s.db.raw("CREATE ALIAS " + o + " FOR 'java.lang.Math.abs(int)'",
                    "CREATE ALIAS " + s.allowedOpaque + " FOR 'java.lang.Math.negateExact(int)'");
            s.refused("SELECT " + o + "(-1)");
            s.refused("SELECT " + o.toUpperCase() + "(-1)");
            s.refused("SELECT \"" + o.toUpperCase() + "\"(-1)");
            s.refused("SELECT PUBLIC." + o + "(-1)");
            s.refused("SELECT ABS(" + o + "(-1)) AS v");
            s.refused("SELECT id FROM " + s.customers + " WHERE id = " + o + "(-1)");
            s.refused("SELECT (SELECT " + o + "(-2)) AS v");
            s.refused("WITH x AS (SELECT " + o + "(-3) AS v) SELECT * FROM x");
            s.refused("SELECT * FROM (SELECT " + o + "(id) AS v FROM " + s.customers + ") d");
            s.refused("UPDATE " + s.customers + " SET id = " + o + "(id) WHERE id = 1");
            s.refused("SELECT id, " + o + "(id) FROM " + s.customers + " ORDER BY 1");

            s.runs("SELECT " + s.allowedOpaque + "(1)");
            s.runs("SELECT ABS(-1), LOWER(name), NOW() FROM " + s.customers);
            s.db.trailHoldsNone(FunctionScenarios.SECRET);
        }
    }
}
