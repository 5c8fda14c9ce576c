package dev.governance.jdbc.rules;

import dev.governance.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL and MariaDB: access lists count a view (a materialized view too) as the tables behind it, nested views
 * and SQL function bodies followed (see {@link ViewAccessScenarios}).
 */
class ViewAccessIT {
    @TempDir
    Path dir;

    @Test
    void postgresViewsReadTheTablesBehindThem() throws Exception {
        try (ViewAccessScenarios s = new ViewAccessScenarios(ViewAccessScenarios.target(TestDatabase.POSTGRES), dir)) {
            s.common();
            // reached through the search path, unqualified
            s.refusedAfter(List.of("SET search_path TO " + s.otherSchema + ", public"), "SELECT v FROM " + s.elsewhere,
                    "through view");
            s.reads(List.of("SET search_path TO " + s.otherSchema + ", public"), "SELECT item FROM " + s.overOrders
                    + " WHERE id = 1", "book");
            // a materialized view over the unlisted table; one over listed tables
            String matview = TestDatabase.unique("vw_m_");
            String listedMatview = TestDatabase.unique("vw_mo_");
            s.created("CREATE MATERIALIZED VIEW " + matview + " AS SELECT id, v FROM " + s.secrets,
                    "DROP MATERIALIZED VIEW IF EXISTS " + matview);
            s.created("CREATE MATERIALIZED VIEW " + listedMatview + " AS SELECT id, item FROM " + s.orders,
                    "DROP MATERIALIZED VIEW IF EXISTS " + listedMatview);
            s.refused("SELECT v FROM " + matview);
            s.reads("SELECT item FROM " + listedMatview + " WHERE id = 2", "lamp");
            // a view over a SQL function whose body reads the unlisted table
            String function = TestDatabase.unique("vw_fn_");
            String overFunction = TestDatabase.unique("vw_f_");
            s.created("CREATE FUNCTION " + function + "() RETURNS text LANGUAGE sql AS $$ SELECT v FROM " + s.secrets
                    + " LIMIT 1 $$", "DROP FUNCTION IF EXISTS " + function + "()");
            s.view(overFunction, "SELECT " + function + "() AS v");
            s.refusedSaying("SELECT v FROM " + overFunction, "reads public." + s.secrets + " through view public."
                    + overFunction);
            // fail closed: a definition the analyzer can't read hides what it reads
            String unreadable = TestDatabase.unique("vw_u_");
            s.view(unreadable, "SELECT t.a, s.v FROM " + s.secrets + " s, XMLTABLE('/r' PASSING xml '<r/>'"
                    + " COLUMNS a text PATH 'a') t");
            s.refusedSaying("SELECT v FROM " + unreadable, "whose definition can't be read or followed");
            // a look-up the catalog can't answer (an aborted transaction) refuses that statement only
            String fresh = TestDatabase.unique("vw_fresh_");
            s.view(fresh, "SELECT id, item FROM " + s.orders);
            try (java.sql.Connection agent = s.db.agent(ViewAccessScenarios.AGENT);
                 java.sql.Statement st = agent.createStatement()) {
                agent.setAutoCommit(false);
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> st.executeQuery("SELECT 1 / 0").close());
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> st.executeQuery("SELECT item FROM " + fresh + " ORDER BY id").close());
                agent.rollback();
                try (java.sql.ResultSet rs = st.executeQuery("SELECT item FROM " + fresh + " ORDER BY id")) {
                    org.junit.jupiter.api.Assertions.assertTrue(rs.next());
                    org.junit.jupiter.api.Assertions.assertEquals("book", rs.getString(1));
                }
                agent.rollback();
            }
            // writes through an updatable view over listed tables still run
            s.writes("UPDATE " + s.overNotes + " SET body = 'second' WHERE id = 1");
            s.counted(26, 12);
            s.db.trailHoldsNone(ViewAccessScenarios.SECRET);
        }
    }

    @Test
    void mariaDbViewsReadTheTablesBehindThem() throws Exception {
        try (ViewAccessScenarios s = new ViewAccessScenarios(ViewAccessScenarios.target(TestDatabase.MARIADB), dir)) {
            s.common();
            // reached through USE, unqualified
            s.refusedAfter(List.of("USE " + s.otherSchema), "SELECT v FROM " + s.elsewhere, "through view");
            s.reads(List.of("USE " + s.otherSchema), "SELECT item FROM test." + s.overOrders + " WHERE id = 1",
                    "book");
            // a view over a stored function whose body reads the unlisted table
            String function = TestDatabase.unique("vw_fn_");
            String overFunction = TestDatabase.unique("vw_f_");
            s.created("CREATE FUNCTION " + function + "() RETURNS VARCHAR(40) READS SQL DATA RETURN (SELECT v FROM "
                    + s.secrets + " LIMIT 1)", "DROP FUNCTION IF EXISTS " + function);
            s.view(overFunction, "SELECT " + function + "() AS v");
            s.refusedSaying("SELECT v FROM " + overFunction, s.secrets + " through view test." + overFunction);
            String unreadable = TestDatabase.unique("vw_u_");
            s.view(unreadable, "SELECT v FROM " + s.secrets + " WHERE (MATCH (v) AGAINST ('x')) IS NULL OR 1");
            s.refusedSaying("SELECT v FROM " + unreadable, "whose definition can't be read or followed");
            s.writes("UPDATE " + s.overNotes + " SET body = 'second' WHERE id = 1");
            s.counted(25, 11);
            s.db.trailHoldsNone(ViewAccessScenarios.SECRET);
        }
    }
}
