package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** PostgreSQL and MariaDB: a function call reads what its body reads; opaque bodies read an unknown table. */
class FunctionReadsIT {
    @TempDir
    Path dir;

    @Test
    void postgresFunctionsAreReadLikeViews() throws Exception {
        try (FunctionScenarios s = new FunctionScenarios(RuleTarget.postgres(), dir)) {
            String r = s.reader;
            try {
                s.db.raw("CREATE FUNCTION " + r + "() RETURNS text LANGUAGE sql AS $$ SELECT v FROM " + s.secrets
                                + " LIMIT 1 $$",
                        "CREATE FUNCTION " + s.nested + "() RETURNS text LANGUAGE sql AS $$ SELECT upper(" + r
                                + "()) $$",
                        "CREATE FUNCTION " + s.innocent + "() RETURNS text LANGUAGE sql AS $$ SELECT name FROM "
                                + s.customers + " ORDER BY id LIMIT 1 $$",
                        "CREATE FUNCTION " + s.opaque + "() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT v"
                                + " FROM " + s.secrets + " LIMIT 1); END $$",
                        "CREATE FUNCTION " + s.allowedOpaque + "(x int) RETURNS int LANGUAGE plpgsql AS"
                                + " $$ BEGIN RETURN x + 1; END $$",
                        "CREATE FUNCTION " + r + "_set() RETURNS SETOF text LANGUAGE sql AS $$ SELECT v FROM "
                                + s.secrets + " $$");
                s.refused("SELECT " + r + "()");
                s.refused("SELECT upper(" + r + "()) AS v");
                s.refused("SELECT public." + r + "()");
                s.refused("SELECT \"" + r + "\"()");
                s.refused("SELECT " + r.toUpperCase() + "()");
                s.refused("SELECT name FROM " + s.customers + " WHERE name <> " + r + "()");
                s.refused("SELECT (SELECT " + r + "()) AS v");
                s.refused("WITH x AS (SELECT " + r + "() AS v) SELECT * FROM x");
                s.refused("SELECT " + s.nested + "()");
                s.refused("SELECT " + s.opaque + "()");
                s.refused("SELECT id, " + s.opaque + "() FROM " + s.customers);
                s.refused("SELECT * FROM " + r + "_set()");
                s.refused("UPDATE " + s.customers + " SET name = " + r + "() WHERE id = 1");

                s.runs("SELECT " + s.allowedOpaque + "(1)");
                s.runs("SELECT lower(name), length(name), now() FROM " + s.customers);
                // A look-up the catalog can't answer (the transaction is already aborted) counts for that statement
                // only: after the rollback the same call, first seen inside the aborted transaction, runs.
                try (java.sql.Connection agent = s.db.agent(FunctionScenarios.AGENT);
                     java.sql.Statement st = agent.createStatement()) {
                    agent.setAutoCommit(false);
                    org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                            () -> st.executeQuery("SELECT 1 / 0").close());
                    java.sql.SQLException inAborted = org.junit.jupiter.api.Assertions.assertThrows(
                            java.sql.SQLException.class, () -> st.executeQuery("SELECT " + s.innocent + "()").close());
                    org.junit.jupiter.api.Assertions.assertEquals("42501", inAborted.getSQLState(),
                            "fail closed while the catalog can't be asked: " + inAborted);
                    agent.rollback();
                    try (java.sql.ResultSet rs = st.executeQuery("SELECT " + s.innocent + "()")) {
                        org.junit.jupiter.api.Assertions.assertTrue(rs.next(), "asked again after the rollback");
                    }
                    agent.rollback();
                }
                s.runs("SELECT " + s.innocent + "()");
                s.db.trailHoldsNone(FunctionScenarios.SECRET);
            } finally {
                s.dropFunctions("DROP FUNCTION IF EXISTS " + s.nested + "()", "DROP FUNCTION IF EXISTS " + r + "()",
                        "DROP FUNCTION IF EXISTS " + r + "_set()", "DROP FUNCTION IF EXISTS " + s.innocent + "()",
                        "DROP FUNCTION IF EXISTS " + s.opaque + "()",
                        "DROP FUNCTION IF EXISTS " + s.allowedOpaque + "(int)");
            }
        }
    }

    @Test
    void mariaDbFunctionsAreReadLikeViews() throws Exception {
        try (FunctionScenarios s = new FunctionScenarios(RuleTarget.mariaDb(), dir)) {
            String r = s.reader;
            try {
                s.db.raw("CREATE FUNCTION " + r + "() RETURNS VARCHAR(40) READS SQL DATA RETURN (SELECT v FROM "
                                + s.secrets + " LIMIT 1)",
                        "CREATE FUNCTION " + s.nested + "() RETURNS VARCHAR(40) READS SQL DATA RETURN UPPER(" + r
                                + "())",
                        "CREATE FUNCTION " + s.innocent + "() RETURNS VARCHAR(40) READS SQL DATA RETURN (SELECT name"
                                + " FROM " + s.customers + " ORDER BY id LIMIT 1)",
                        "CREATE FUNCTION " + s.opaque + "() RETURNS VARCHAR(40) READS SQL DATA BEGIN DECLARE x"
                                + " VARCHAR(40); SELECT v INTO x FROM " + s.secrets + " LIMIT 1; RETURN x; END",
                        "CREATE FUNCTION " + s.allowedOpaque + "(x INT) RETURNS INT DETERMINISTIC BEGIN RETURN x + 1;"
                                + " END");
                s.refused("SELECT " + r + "()");
                s.refused("SELECT UPPER(" + r + "()) AS v");
                s.refused("SELECT test." + r + "()");
                s.refused("SELECT `" + r + "`()");
                s.refused("SELECT " + r.toUpperCase() + "()");
                s.refused("SELECT name FROM " + s.customers + " WHERE name <> " + r + "()");
                s.refused("SELECT (SELECT " + r + "()) AS v");
                s.refused("SELECT * FROM (SELECT " + r + "() AS v) d");
                s.refused("SELECT " + s.nested + "()");
                s.refused("SELECT " + s.opaque + "()");
                s.refused("SELECT id, " + s.opaque + "() FROM " + s.customers);
                s.refused("UPDATE " + s.customers + " SET name = " + r + "() WHERE id = 1");

                s.runs("SELECT " + s.innocent + "()");
                s.runs("SELECT " + s.allowedOpaque + "(1)");
                s.runs("SELECT LOWER(name), LENGTH(name), NOW() FROM " + s.customers);
                s.db.trailHoldsNone(FunctionScenarios.SECRET);
            } finally {
                s.dropFunctions("DROP FUNCTION IF EXISTS " + s.nested, "DROP FUNCTION IF EXISTS " + r,
                        "DROP FUNCTION IF EXISTS " + s.innocent, "DROP FUNCTION IF EXISTS " + s.opaque,
                        "DROP FUNCTION IF EXISTS " + s.allowedOpaque);
            }
        }
    }
}
