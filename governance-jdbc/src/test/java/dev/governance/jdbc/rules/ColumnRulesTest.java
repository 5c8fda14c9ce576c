package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** H2: a columns rule sees every column a statement reads or writes, as lineage follows it. */
class ColumnRulesTest {
    @TempDir
    Path dir;

    @Test
    void h2ColumnsRuleSeesEveryColumnReadOrWritten() throws Exception {
        try (ColumnScenarios s = new ColumnScenarios(RuleTarget.h2(), dir)) {
            String c = s.c;
            s.commonRefusals();
            s.refused("TABLE " + c);
            s.refused("SELECT x FROM " + c + " x");
            s.refused("SELECT JSON_OBJECT('s': ssn) FROM " + c);
            s.refused("SELECT JSON_OBJECT(KEY 'n' VALUE name, KEY 's' VALUE ssn) FROM " + c);
            s.refused("SELECT JSON_ARRAYAGG(ssn) FROM " + c);
            s.refused("SELECT \"SSN\" FROM PUBLIC." + c);
            s.refused("SELECT * FROM PUBLIC." + c.toUpperCase());
            s.refused("SELECT id FROM " + c + " QUALIFY row_number() OVER (ORDER BY ssn) = 1");
            s.refused("MERGE INTO " + c + " KEY (id) VALUES (1, 'Ann', 'gold', 'x')");

            // the refusal names the column that matched, never a value
            try (java.sql.Connection agent = s.db.agent(ColumnScenarios.AGENT);
                 java.sql.Statement st = agent.createStatement()) {
                java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> st.executeQuery("SELECT * FROM " + c + " WHERE name = 'Ann'"));
                String m = e.getMessage();
                assertTrue(m.contains("no-ssn") && m.contains("SELECT reads or writes column public." + c + ".ssn"
                        + " is not allowed") && !m.contains("Ann"), m);
            }

            s.commonAllowed();
            s.allowedQuery("SELECT JSON_OBJECT('n': name) FROM " + c);
            assertTrue(s.refusals() >= 10, "refusals: " + s.refusals());
            s.db.trailHoldsNone(ColumnScenarios.SSNS.toArray(String[]::new));
        }
    }

    @Test
    void h2PredicateGuardSeesEveryColumnFilteredOn() throws Exception {
        try (ColumnScenarios s = ColumnScenarios.predicateGuard(RuleTarget.h2(), dir)) {
            s.guardRefusals();
            // MERGE isn't traced column by column: over a table with a masked column it is refused (fail closed)
            s.refused("MERGE INTO " + s.c + " t USING (SELECT 1 AS id) x ON t.id = x.id"
                    + " WHEN MATCHED THEN UPDATE SET tier = 'x'");
            s.guardAllowed();
            s.allowedQuery("SELECT id FROM " + s.c + " x ORDER BY x.name");
            assertTrue(s.refusals() >= 10, "refusals: " + s.refusals());
        }
    }
}
