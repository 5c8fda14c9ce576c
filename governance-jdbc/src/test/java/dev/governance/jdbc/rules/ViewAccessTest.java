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
            s.counted(24, 10);
            s.db.trailHoldsNone(ViewAccessScenarios.SECRET);
        }
    }
}
