package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL and MariaDB: a columns rule sees every column a statement reads or writes — behind {@code *}, whole
 * rows, JSON builders, join keys, ordering, subqueries, CTEs and views — with names resolved where the server
 * resolves them; ordinary statements of the same shapes run.
 */
class ColumnRulesIT {
    @TempDir
    Path dir;

    @Test
    void postgresColumnsRuleSeesEveryColumnReadOrWritten() throws Exception {
        String schema = RuleTarget.unique("colsch");
        String twin = RuleTarget.unique("col_twin");
        try (ColumnScenarios s = new ColumnScenarios(RuleTarget.postgres(), dir, schema + "." + twin)) {
            String c = s.c;
            try {
                // the same table name in public (ssn not protected) and in a schema of its own (protected)
                s.db.raw("CREATE SCHEMA " + schema,
                        "CREATE TABLE public." + twin + " (id INT PRIMARY KEY, ssn TEXT)",
                        "INSERT INTO public." + twin + " VALUES (1, 'public-twin-1')",
                        "CREATE TABLE " + schema + "." + twin + " (id INT PRIMARY KEY, ssn TEXT)",
                        "INSERT INTO " + schema + "." + twin + " VALUES (1, '" + ColumnScenarios.SSNS.get(1) + "')");
                s.commonRefusals();
                s.refused("TABLE " + c);
                s.refused("SELECT x FROM " + c + " x");
                s.refused("SELECT row_to_json(x) FROM " + c + " x");
                s.refused("SELECT to_jsonb(x) - 'name' FROM " + c + " x");
                s.refused("SELECT json_agg(x) FROM " + c + " x");
                s.refused("SELECT (x).ssn FROM " + c + " x");
                s.refused("SELECT json_build_object('s', ssn) FROM " + c);
                s.refused("SELECT jsonb_agg(ssn ORDER BY id) FROM " + c);
                s.refused("SELECT string_agg(ssn, ',') FROM " + c);
                s.refused("SELECT DISTINCT ON (ssn) id FROM " + c);
                s.refused("SELECT \"ssn\" FROM public." + c);
                s.refused("SELECT * FROM \"public\".\"" + c + "\"");
                s.refused("SELECT l.* FROM " + s.o + " o, LATERAL (SELECT ssn FROM " + c
                        + " WHERE id = o.customer_id) l");
                s.refused("SELECT id FROM " + c + " x WHERE x = x");
                s.refused("UPDATE " + c + " SET tier = 'x' WHERE id = 1 RETURNING *");
                s.refused("DELETE FROM " + c + " WHERE id = 2 RETURNING " + c + ".*");
                s.refused("INSERT INTO " + c + " (id, name) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET ssn ="
                        + " excluded.name");
                s.refused("WITH d AS (SELECT * FROM " + c + ") SELECT count(*) FROM d GROUP BY ssn");
                s.refused("SELECT * FROM " + c + " FOR UPDATE");
                s.refusedAfter("SET search_path TO " + schema + ", public", "SELECT * FROM " + twin, "no-ssn-there");
                s.refusedAfter("SET search_path TO " + schema + ", public", "SELECT t FROM " + twin + " t",
                        "no-ssn-there");

                s.commonAllowed();
                s.allowedQuery("SELECT json_build_object('n', name) FROM " + c);
                s.allowedQuery("SELECT row_to_json(o) FROM " + s.o + " o");
                s.allowedQuery("SELECT * FROM " + twin); // public's twin: not the protected one
                s.allowedAfter("SET search_path TO public", "SELECT * FROM " + twin);
                s.allowedAfter("SET search_path TO " + schema + ", public", "SELECT id FROM " + twin);
                assertTrue(s.refusals() >= 10, "refusals: " + s.refusals());
                s.db.trailHoldsNone(ColumnScenarios.SSNS.toArray(String[]::new));
            } finally {
                s.db.raw("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "DROP TABLE IF EXISTS public." + twin);
            }
        }
    }

    @Test
    void mariaDbColumnsRuleSeesEveryColumnReadOrWritten() throws Exception {
        String database = RuleTarget.unique("coldb");
        String twin = RuleTarget.unique("col_twin");
        try (ColumnScenarios s = new ColumnScenarios(RuleTarget.mariaDb(), dir, database + "." + twin)) {
            String c = s.c;
            try {
                s.db.raw("CREATE DATABASE " + database,
                        "CREATE TABLE test." + twin + " (id INT PRIMARY KEY, ssn VARCHAR(20))",
                        "INSERT INTO test." + twin + " VALUES (1, 'test-twin-1')",
                        "CREATE TABLE " + database + "." + twin + " (id INT PRIMARY KEY, ssn VARCHAR(20))",
                        "INSERT INTO " + database + "." + twin + " VALUES (1, '" + ColumnScenarios.SSNS.get(1) + "')");
                s.commonRefusals();
                s.refused("SELECT JSON_OBJECT('s', ssn) FROM " + c);
                s.refused("SELECT JSON_ARRAYAGG(ssn) FROM " + c);
                s.refused("SELECT JSON_OBJECTAGG(id, ssn) FROM " + c);
                s.refused("SELECT GROUP_CONCAT(ssn SEPARATOR ',') FROM " + c);
                s.refused("SELECT `ssn` FROM test.`" + c + "`");
                s.refused("SELECT * FROM test." + c);
                s.refused("SELECT id FROM " + c + " ORDER BY ssn LIMIT 1");
                s.refused("SELECT * FROM " + c + " x NATURAL LEFT JOIN " + s.p + " y");
                s.refused("INSERT INTO " + c + " (id, name) VALUES (1, 'x') ON DUPLICATE KEY UPDATE ssn = VALUES(name)");
                s.refused("REPLACE INTO " + c + " VALUES (1, 'Ann', 'gold', 'x')");
                s.refused("SELECT CONCAT(name, ssn) AS v FROM " + c);
                s.refused("SELECT * FROM " + c + " FOR UPDATE");
                s.refusedAfter("USE " + database, "SELECT * FROM " + twin, "no-ssn-there");
                s.refusedAfter("USE " + database, "SELECT id FROM " + twin + " WHERE ssn > ''", "no-ssn-there");

                s.commonAllowed();
                s.allowedQuery("SELECT JSON_OBJECT('n', name) FROM " + c);
                s.allowedQuery("SELECT GROUP_CONCAT(name SEPARATOR ',') FROM " + c);
                s.allowedQuery("SELECT * FROM " + twin); // test's twin: not the protected one
                s.allowedAfter("USE " + database, "SELECT id FROM " + twin);
                assertTrue(s.refusals() >= 10, "refusals: " + s.refusals());
                s.db.trailHoldsNone(ColumnScenarios.SSNS.toArray(String[]::new));
            } finally {
                s.db.raw("DROP DATABASE IF EXISTS " + database, "DROP TABLE IF EXISTS test." + twin);
            }
        }
    }

    @Test
    void postgresPredicateGuardSeesEveryColumnFilteredOn() throws Exception {
        try (ColumnScenarios s = ColumnScenarios.predicateGuard(RuleTarget.postgres(), dir)) {
            s.guardRefusals();
            s.refused("SELECT id FROM " + s.c + " x ORDER BY x");
            s.refused("SELECT DISTINCT ON (ssn) id FROM " + s.c);
            s.refused("MERGE INTO " + s.c + " t USING (SELECT 1 AS id) x ON t.id = x.id"
                    + " WHEN MATCHED THEN UPDATE SET tier = 'x'");
            s.guardAllowed();
            assertTrue(s.refusals() >= 10, "refusals: " + s.refusals());
        }
    }

    @Test
    void mariaDbPredicateGuardSeesEveryColumnFilteredOn() throws Exception {
        try (ColumnScenarios s = ColumnScenarios.predicateGuard(RuleTarget.mariaDb(), dir)) {
            s.guardRefusals();
            s.refused("SELECT id FROM " + s.c + " ORDER BY ssn LIMIT 1");
            s.refused("SELECT * FROM " + s.c + " x NATURAL LEFT JOIN " + s.p + " y");
            s.guardAllowed();
            assertTrue(s.refusals() >= 10, "refusals: " + s.refusals());
        }
    }
}
