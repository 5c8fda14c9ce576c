package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** H2: access lists count a view as the tables behind it (see {@link ViewAccessScenarios}). */
class ViewAccessTest {
    @TempDir
    Path dir;

    @Test
    void h2ViewsReadTheTablesBehindThem() throws Exception {
        try (ViewAccessScenarios s = new ViewAccessScenarios(RuleTarget.h2(), dir)) {
            s.common();
            // the schema switched on the connection: the unqualified name finds the view there
            s.refusedAfter(List.of("SET SCHEMA " + s.otherSchema), "SELECT v FROM " + s.elsewhere, "through view");
            s.reads(List.of("SET SCHEMA " + s.otherSchema), "SELECT item FROM PUBLIC." + s.overOrders
                    + " WHERE id = 1", "book");
            // a view over a function whose body can't be read (H2 aliases are Java)
            String alias = RuleTarget.unique("vw_alias");
            String overAlias = RuleTarget.unique("vw_f");
            s.created("CREATE ALIAS " + alias + " FOR 'java.lang.Math.abs(int)'", "DROP ALIAS IF EXISTS " + alias);
            s.view(overAlias, "SELECT " + alias + "(-1) AS v");
            s.refusedSaying("SELECT v FROM " + overAlias, "through view");
            // fail closed: a definition the analyzer can't read hides what it reads
            String unreadable = RuleTarget.unique("vw_u");
            s.view(unreadable, "SELECT s.v FROM " + s.secrets + " s JOIN TABLE(ID INT = (1)) t ON t.ID = s.id");
            s.refusedSaying("SELECT v FROM " + unreadable, "whose definition can't be read or followed");
            // more than 8 views deep, even over listed tables, can't be followed
            String below = s.orders;
            for (int i = 0; i < 10; i++) {
                String level = RuleTarget.unique("vw_deep" + i);
                s.view(level, "SELECT id, item FROM " + below);
                below = level;
            }
            s.refusedSaying("SELECT item FROM " + below, "whose definition can't be read or followed");
            s.counted(26, 10);
            s.db.trailHoldsNone(ViewAccessScenarios.SECRET);
        }
    }

    /**
     * What a view reads is looked up once (a statement run again asks no catalog: a definition changed outside the
     * driver is not seen yet) and again after a schema change through the driver.
     */
    @Test
    void aViewIsLookedUpOnceAndAgainAfterASchemaChange() throws Exception {
        try (ViewAccessScenarios s = new ViewAccessScenarios(RuleTarget.h2(), dir)) {
            String flip = RuleTarget.unique("vw_flip");
            s.view(flip, "SELECT id, v AS item FROM " + s.secrets);
            s.refused("SELECT item FROM " + flip + " WHERE id = 1");
            s.db.raw("CREATE OR REPLACE VIEW " + flip + " AS SELECT id, item FROM " + s.orders);
            s.refused("SELECT item FROM " + flip + " WHERE id = 1"); // the cached answer: no catalog query
            try (java.sql.Connection agent = s.db.agent(ViewAccessScenarios.AGENT);
                 java.sql.Statement st = agent.createStatement()) {
                st.execute("CREATE TABLE agent_scratch_" + flip + " (id INT)");
            }
            s.created("SELECT 1", "DROP TABLE IF EXISTS agent_scratch_" + flip);
            s.reads("SELECT item FROM " + flip + " WHERE id = 1", "book");
        }
    }
}
