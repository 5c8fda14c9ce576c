package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attacks by an agent under the built-in baseline policy, on H2, each through every entry point. After each
 * refusal: the right SQLState, a rule id in the message, nothing changed in the database (observed through a
 * service connection) or on disk, and the agent's connection still works with its transaction intact.
 */
class BaselineAttackTest {

    record Attack(String label, String sql, String state, Set<String> rules, List<String> warmup) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final Set<String> DROP = Set.of("agent-no-drop");
    static final Set<String> MULTI = Set.of("agent-no-multi-statement", "multi-statement", "agent-no-unparseable");
    static final Set<String> UNBOUNDED = Set.of("agent-no-unbounded-change");
    static final Set<String> PRIV = Set.of("agent-no-privilege-change", "agent-no-user-management",
            "agent-no-user-management-command", "agent-no-drop");
    static final Set<String> USERS = Set.of("agent-no-user-management", "agent-no-user-management-command");
    static final Set<String> DANGER = Set.of("agent-no-dangerous-commands", "agent-no-dangerous-functions");
    static final Set<String> SECRET = Set.of("agent-no-secret-tables");
    static final Set<String> PK = Set.of("agent-no-primary-key-update");
    static final Set<String> UNPARSEABLE = Set.of("agent-no-unparseable", "unparseable");
    static final Set<String> ANY = Set.of();

    static final List<Attack> ATTACKS = new ArrayList<>();

    static void deny(Set<String> rules, String... sqls) {
        for (String sql : sqls) {
            ATTACKS.add(new Attack(label(sql), Guard.sql(sql), "42501", rules, List.of()));
        }
    }

    static void poison(Set<String> rules, String harmless, String dangerous) {
        ATTACKS.add(new Attack("after [" + harmless + "]: " + label(dangerous), dangerous, "42501", rules,
                List.of(harmless)));
    }

    static String label(String sql) {
        String oneLine = sql.replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() > 110 ? oneLine.substring(0, 110) + "…" : oneLine;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    static {
        // ------------------------------------------------------------------ DROP / TRUNCATE, case and quoting
        deny(DROP,
                "DROP TABLE orders",
                "drop table orders",
                "DrOp TaBlE oRdErS",
                "DROP TABLE \"PUBLIC\".\"ORDERS\"",
                "DROP TABLE public.orders",
                "DROP TABLE IF EXISTS orders",
                "DROP TABLE orders CASCADE",
                "DROP TABLE customers, orders",
                "DROP TABLE \"orders\"",
                "DROP VIEW v_orders",
                "DROP INDEX idx_orders_status",
                "DROP SEQUENCE seq1",
                "DROP SCHEMA other CASCADE",
                "TRUNCATE TABLE orders",
                "truncate table \"ORDERS\"",
                "TRUNCATE TABLE orders RESTART IDENTITY",
                "TRUNCATE TABLE other.stuff");
        deny(union(DROP, UNPARSEABLE),
                "DROP TABLE U&\"\\004fRDERS\"",
                "DROP ALL OBJECTS",
                "DROP ALL OBJECTS DELETE FILES");
        // ------------------------------------------------------------------ comments in every position
        deny(DROP,
                "DROP/**/TABLE/**/orders",
                "/* x */ DROP TABLE orders",
                "DROP TABLE orders /* trailing */",
                "DROP -- x\nTABLE orders",
                "-- leading\nDROP TABLE orders",
                "DROP /* a /* nested */ b */ TABLE orders",
                "DROP TABLE orders;",
                "DROP TABLE orders; -- bye",
                "DROP TABLE orders; /* bye */",
                "\n\t DROP\tTABLE\norders",
                "DROP TABLE/* ; */orders",
                "DROP TABLE orders -- ; SELECT 1",
                "/*+ hint */ TRUNCATE /**/ TABLE orders");
        // ------------------------------------------------------------------ multi-statements
        deny(MULTI,
                "SELECT 1; DROP TABLE orders",
                "SELECT 1;DROP TABLE orders",
                "SELECT 1; -- c\nDROP TABLE orders",
                "SELECT 1; /* c */ DROP TABLE orders",
                "SELECT ';'; DROP TABLE orders",
                "SELECT 1 /* ; */; DELETE FROM orders",
                "UPDATE orders SET status = 'x' WHERE id = 1; DELETE FROM orders",
                "SELECT 1; SELECT 2",
                "INSERT INTO notes VALUES (9, 'a'); INSERT INTO notes VALUES (10, 'b')",
                "SELECT 'x'';DROP TABLE orders;--'; DROP TABLE orders",
                "SELECT 1;\n\nTRUNCATE TABLE orders",
                "SELECT 1; -- trailing\n; DROP TABLE orders",
                "DELETE FROM orders WHERE id = 1; DELETE FROM orders WHERE id = 2",
                "SELECT 1; GRANT ALL ON orders TO PUBLIC",
                "SELECT * FROM orders WHERE id = 1; SHUTDOWN");
        // ------------------------------------------------------------------ unbounded UPDATE / DELETE / MERGE
        deny(UNBOUNDED,
                "DELETE FROM orders",
                "delete from ORDERS",
                "DELETE FROM \"PUBLIC\".\"ORDERS\"",
                "UPDATE orders SET status = 'x'",
                "UPDATE \"PUBLIC\".\"ORDERS\" SET \"STATUS\" = 'x'",
                "DELETE FROM orders WHERE 1=1",
                "DELETE FROM orders WHERE 1 = 1",
                "DELETE FROM orders WHERE TRUE",
                "DELETE FROM orders WHERE true",
                "DELETE FROM orders WHERE 'a'='a'",
                "DELETE FROM orders WHERE 2>1",
                "DELETE FROM orders WHERE NOT FALSE",
                "DELETE FROM orders WHERE NOT (1 = 0)",
                "DELETE FROM orders WHERE id=id",
                "DELETE FROM orders WHERE status = 'zzz' OR 1=1",
                "DELETE FROM orders WHERE 1 IN (1)",
                "DELETE FROM orders WHERE 1 BETWEEN 0 AND 2",
                "DELETE FROM orders WHERE NULL IS NULL",
                "DELETE FROM orders WHERE 'a' LIKE '%'",
                "DELETE FROM orders WHERE 1=1 AND 2=2",
                "DELETE FROM orders WHERE ((1=1))",
                "DELETE FROM orders WHERE 1 <> 2",
                "DELETE FROM orders WHERE 1 != 2",
                "DELETE FROM orders WHERE 0 < 1",
                "DELETE FROM orders WHERE 1 >= 1",
                "DELETE FROM orders WHERE 1 + 1 = 2",
                "DELETE FROM orders WHERE id > 0 OR TRUE",
                "DELETE FROM orders WHERE/**/1=1",
                "DELETE FROM orders WHERE 1=1 -- and id = 1",
                "DELETE FROM orders WHERE 1 IS NOT NULL",
                "DELETE FROM orders WHERE TRUE IS TRUE",
                "DELETE FROM orders WHERE 1 = 1.0",
                "DELETE FROM orders WHERE 'ab' || 'c' = 'abc'",
                "DELETE FROM orders WHERE NOT NOT TRUE",
                "DELETE FROM orders WHERE 1 IN (1, 2) AND 3 > 2",
                "DELETE FROM orders WHERE (status = 'a' AND 1 = 0) OR 1 = 1",
                "DELETE FROM orders FETCH FIRST 3 ROWS ONLY",
                "UPDATE orders SET status = 'x' WHERE 1=1",
                "UPDATE orders SET status = 'x' WHERE TRUE",
                "UPDATE orders SET status = 'x' WHERE status = 'a' OR 1 = 1",
                "UPDATE orders o SET status = 'x' WHERE 1 = 1",
                "UPDATE orders SET status = 'x' WHERE 'x' = 'x'",
                "update orders set status = 'x' where id = id",
                "MERGE INTO orders o USING customers c ON (TRUE) WHEN MATCHED THEN UPDATE SET o.status = 'x'",
                "MERGE INTO orders o USING customers c ON 1 = 1 WHEN MATCHED THEN DELETE",
                "MERGE INTO orders USING (SELECT 1 AS x) s ON TRUE WHEN MATCHED THEN UPDATE SET status = 'x'");
        // ------------------------------------------------------------------ writes hidden in CTEs / data-change tables
        deny(union(UNBOUNDED, UNPARSEABLE),
                "WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d",
                "WITH d AS (UPDATE orders SET status = 'x' RETURNING id) SELECT count(*) FROM d",
                "WITH x AS (SELECT 1 AS one) DELETE FROM orders",
                "WITH x AS (SELECT 1 AS one) UPDATE orders SET status = 'x'",
                "SELECT * FROM OLD TABLE (DELETE FROM orders)",
                "SELECT * FROM FINAL TABLE (UPDATE orders SET status = 'x')",
                "SELECT id FROM OLD TABLE (DELETE FROM orders WHERE 1 = 1)",
                "SELECT * FROM (SELECT * FROM OLD TABLE (DELETE FROM orders)) x",
                "SELECT COUNT(*) FROM NEW TABLE (UPDATE orders SET status = 'x' WHERE TRUE)",
                "EXPLAIN ANALYZE DELETE FROM orders",
                "EXPLAIN ANALYZE UPDATE orders SET status = 'x'");
        // ------------------------------------------------------------------ privileges, users, roles
        deny(PRIV,
                "GRANT SELECT ON orders TO PUBLIC",
                "GRANT ALL ON orders TO PUBLIC",
                "grant select on \"PUBLIC\".\"ORDERS\" to public",
                "GRANT SELECT, INSERT ON api_keys TO bob",
                "GRANT reader TO bob",
                "GRANT ALL ON SCHEMA other TO bob",
                "REVOKE SELECT ON orders FROM reader",
                "revoke reader from bob",
                "CREATE USER evil PASSWORD 'x'",
                "CREATE USER IF NOT EXISTS evil PASSWORD 'x' ADMIN",
                "create user \"evil\" password 'x'",
                "CREATE ROLE evil_role",
                "DROP USER bob",
                "DROP ROLE reader",
                "ALTER USER bob ADMIN TRUE",
                "ALTER USER bob SET PASSWORD 'pwned'",
                "ALTER USER bob RENAME TO bob2",
                "alter user \"BOB\" admin true");
        // ------------------------------------------------------------------ H2 dangerous functions and commands
        Set<String> danger = union(DANGER, UNPARSEABLE);
        deny(danger,
                "SELECT FILE_READ('${DIR}/secret.txt')",
                "select file_read('${DIR}/secret.txt')",
                "SELECT FiLe_ReAd('${DIR}/secret.txt', NULL)",
                "SELECT \"FILE_READ\"('${DIR}/secret.txt')",
                "SELECT FILE_READ /* c */ ('${DIR}/secret.txt')",
                "SELECT FILE_READ\n('${DIR}/secret.txt')",
                "SELECT * FROM (SELECT FILE_READ('${DIR}/secret.txt'))",
                "SELECT * FROM (SELECT FILE_READ('${DIR}/secret.txt') AS c) AS x",
                "WITH f AS (SELECT FILE_READ('${DIR}/secret.txt', NULL) AS c) SELECT c FROM f",
                "SELECT id FROM orders WHERE id = LENGTH(FILE_READ('${DIR}/secret.txt'))",
                "SELECT id FROM orders UNION ALL SELECT LENGTH(FILE_READ('${DIR}/secret.txt'))",
                "VALUES (FILE_READ('${DIR}/secret.txt', NULL))",
                "SELECT status FROM orders WHERE status IN (SELECT CAST(FILE_READ('${DIR}/secret.txt', NULL) AS VARCHAR))",
                "UPDATE notes SET body = FILE_READ('${DIR}/secret.txt', NULL) WHERE id = 1",
                "INSERT INTO notes SELECT 99, FILE_READ('${DIR}/secret.txt', NULL)",
                "SELECT FILE_WRITE('pwned', '${DIR}/out.txt')",
                "CALL FILE_WRITE('pwned', '${DIR}/out.txt')",
                "SELECT * FROM CSVREAD('${DIR}/secret.txt')",
                "select * from csvread('${DIR}/secret.txt')",
                "SELECT * FROM orders o JOIN CSVREAD('${DIR}/secret.txt') c ON 1 = 1",
                "CALL CSVWRITE('${DIR}/out.csv', 'SELECT * FROM api_keys')",
                "SELECT CSVWRITE('${DIR}/out.csv', 'SELECT * FROM api_keys')",
                "CALL \"CSVWRITE\"('${DIR}/out.csv', 'SELECT 1')",
                "CREATE TABLE stolen AS SELECT * FROM CSVREAD('${DIR}/secret.txt')",
                "INSERT INTO notes SELECT id, k FROM CSVREAD('${DIR}/secret.txt')",
                "CREATE ALIAS MYABS FOR \"java.lang.Math.abs(int)\"",
                "create alias if not exists getprop for \"java.lang.System.getProperty\"",
                "CREATE ALIAS R AS $$ String r() { return \"x\"; } $$",
                "CREATE ALIAS EXEC AS 'String e(String c) throws Exception { Runtime.getRuntime().exec(c); return c; }'",
                "CREATE TRIGGER trg BEFORE INSERT ON orders FOR EACH ROW CALL \"org.h2.tools.TriggerAdapter\"",
                "CREATE TRIGGER trg2 BEFORE INSERT ON orders FOR EACH ROW AS $$ org.h2.api.Trigger create() { return null; } $$",
                "RUNSCRIPT FROM '${DIR}/script.sql'",
                "runscript from '${DIR}/script.sql'",
                "SCRIPT TO '${DIR}/dump.sql'",
                "SCRIPT NODATA TO '${DIR}/dump.sql'",
                "SCRIPT",
                "BACKUP TO '${DIR}/backup.zip'",
                "SELECT LINK_SCHEMA('LNK', '', 'jdbc:h2:mem:guardlink', 'sa', '', 'PUBLIC')",
                "CALL LINK_SCHEMA('LNK', '', 'jdbc:h2:mem:guardlink', 'sa', '', 'PUBLIC')",
                "CREATE LINKED TABLE lt('org.h2.Driver', 'jdbc:h2:mem:guardlink', 'sa', '', 'T')",
                "CREATE FORCE LINKED TABLE lt('', 'jdbc:h2:mem:guardlink', 'sa', '', 'T')",
                "CREATE LOCAL TEMPORARY LINKED TABLE lt('', 'jdbc:h2:mem:guardlink', 'sa', '', 'T')",
                "SHUTDOWN",
                "shutdown immediately",
                "SHUTDOWN COMPACT");
        // ------------------------------------------------------------------ tables named like secrets
        deny(SECRET,
                "INSERT INTO api_keys VALUES (9, 'k')",
                "insert into API_KEYS(id, k) values (9, 'k')",
                "INSERT INTO \"PUBLIC\".\"API_KEYS\" VALUES (9, 'k')",
                "UPDATE user_tokens SET t = 'x' WHERE id = 1",
                "UPDATE \"USER_TOKENS\" SET \"T\" = 'x' WHERE \"ID\" = 1",
                "UPDATE public.user_tokens ut SET t = 'x' WHERE ut.id = 1",
                "DELETE FROM \"Credentials\" WHERE id = 1",
                "UPDATE app_secrets SET v = 'x' WHERE id = 1",
                "MERGE INTO api_keys a USING (SELECT 1 AS id) s ON a.id = s.id WHEN MATCHED THEN UPDATE SET a.k = 'x'",
                "INSERT INTO api_keys SELECT id + 100, status FROM orders",
                "DELETE FROM user_tokens WHERE id IN (SELECT id FROM orders WHERE id = 1)",
                "UPDATE tokenizer_runs SET model = 'x' WHERE id = 1");
        deny(union(SECRET, union(UNPARSEABLE, UNBOUNDED)),
                "MERGE INTO api_keys KEY(id) VALUES (1, 'x')",
                "SELECT * FROM FINAL TABLE (UPDATE app_secrets SET v = 'x' WHERE id = 1)");
        deny(union(SECRET, DROP),
                "TRUNCATE TABLE api_keys",
                "DROP TABLE \"Credentials\"");
        deny(union(SECRET, Set.of("agent-prod-ddl-reviewed")),
                "CREATE TABLE api_keys_copy AS SELECT * FROM api_keys",
                "ALTER TABLE user_tokens ADD COLUMN z INT");
        // ------------------------------------------------------------------ primary-key updates
        deny(PK,
                "UPDATE orders SET id = 50 WHERE id = 1",
                "UPDATE orders SET \"ID\" = 50 WHERE id = 1",
                "update ORDERS set ID = 50 where ID = 1",
                "UPDATE orders SET status = 'x', id = 50 WHERE id = 1",
                "UPDATE orders o SET o.id = 50 WHERE o.id = 1",
                "UPDATE \"PUBLIC\".\"ORDERS\" SET \"ID\" = 50 WHERE \"ID\" = 1",
                "UPDATE orders SET id = id + 100 WHERE id = 1",
                "UPDATE orders SET (id, status) = (50, 'x') WHERE id = 1",
                "MERGE INTO orders o USING (SELECT 1 AS k) s ON o.id = s.k WHEN MATCHED THEN UPDATE SET o.id = 50",
                "UPDATE line_items SET line_no = 9 WHERE order_id = 1 AND line_no = 1",
                "UPDATE customers SET id = 99 WHERE id = 1");
        // ------------------------------------------------------------------ unparseable
        deny(UNPARSEABLE,
                "DROPP TABLE orders",
                "SELEC * FROM orders",
                "')); DROP TABLE orders; --",
                "' OR '1'='1",
                "DELETE FROM orders WHERE",
                "UPDATE orders SET WHERE id = 1",
                "\u01c5\u2202\u0192\u00a9 DROP",
                "SELECT * FROM orders WHERE (id = 1");
        // ------------------------------------------------------------------ lexer edges: H2 comment and quoting rules
        deny(MULTI,
                "SELECT 1 // c\n; DROP TABLE orders",
                "SELECT 1 /* /* nested */ still comment */; DELETE FROM orders WHERE id = 1");
        deny(union(MULTI, DROP), ";DROP TABLE orders; SELECT 1");
        deny(UNBOUNDED,
                "DELETE FROM orders WHERE id = 1 --\rOR 1=1",
                "DELETE FROM orders WHERE id = 1 // x\n OR 1=1",
                "DELETE FROM orders WHERE id = 1 /* /* */ OR 1=1 --*/",
                "DELETE FROM orders WHERE status = U&'\\0027' OR 1=1 --'",
                "DELETE FROM orders WHERE id = 1 OR 'a' REGEXP 'a'",
                "DELETE FROM orders WHERE id = 1 OR (NULL IS NULL) = TRUE",
                "DELETE FROM orders WHERE id = 1 OR IFNULL(NULL, TRUE)",
                "DELETE FROM orders WHERE id = 1 OR 'abc' NOT LIKE 'x%'",
                "DELETE FROM orders WHERE id = 1 OR 5 NOT BETWEEN 6 AND 7",
                "DELETE FROM orders WHERE 1 = (SELECT 1)",
                "DELETE FROM orders WHERE EXISTS (SELECT 1 FROM customers)",
                "DELETE FROM orders WHERE LENGTH('ab') = 2",
                "UPDATE orders SET status = 'x' WHERE id = 1 --\n OR 1=1",
                "WITH orders AS (SELECT 1 AS id) DELETE FROM orders",
                "MERGE INTO orders o USING customers c ON o.id = c.id OR 1 = 1 WHEN MATCHED THEN UPDATE SET o.status = 'x'",
                "MERGE INTO orders o USING customers c ON c.id = c.id WHEN MATCHED THEN UPDATE SET o.status = 'x'");
        deny(danger,
                "SELECT 1 /* /* */ , LENGTH(FILE_READ('${DIR}/secret.txt')) --*/",
                "SELECT $$ ' $$, LENGTH(FILE_READ('${DIR}/secret.txt')) -- '",
                "SELECT * FROM TABLE(CSVREAD('${DIR}/secret.txt'))",
                "CREATE VIEW stolen_v AS SELECT FILE_READ('${DIR}/secret.txt') AS f",
                "CREATE TABLE tt(a INT DEFAULT LENGTH(FILE_READ('${DIR}/secret.txt')))",
                "ALTER TABLE notes ADD COLUMN c INT DEFAULT LENGTH(CSVWRITE('${DIR}/default.csv', 'SELECT 1'))",
                "EXPLAIN ANALYZE SELECT FILE_READ('${DIR}/secret.txt')",
                "EXECUTE IMMEDIATE 'DROP TABLE orders'");
        // ------------------------------------------------------------------ cache poisoning: harmless first
        poison(UNBOUNDED, "DELETE FROM orders WHERE 1 = 2", "DELETE FROM orders WHERE 1 = 1");
        poison(UNBOUNDED, "DELETE FROM orders WHERE id = 1", "DELETE FROM orders WHERE 1 = 1");
        poison(UNBOUNDED, "UPDATE orders SET status = 'a' WHERE 'a' = 'b'", "UPDATE orders SET status = 'a' WHERE 'a' = 'a'");
        poison(UNBOUNDED, "DELETE FROM orders WHERE 2 > 3", "DELETE FROM orders WHERE 3 > 2");
        poison(UNBOUNDED, "DELETE FROM orders WHERE 1 IN (2)", "DELETE FROM orders WHERE 1 IN (1)");
        poison(UNBOUNDED, "DELETE FROM orders WHERE 5 BETWEEN 0 AND 2", "DELETE FROM orders WHERE 1 BETWEEN 0 AND 2");
        poison(UNBOUNDED, "DELETE FROM orders WHERE 'b' LIKE 'a%'", "DELETE FROM orders WHERE 'a' LIKE 'a%'");
        poison(UNBOUNDED, "DELETE FROM orders WHERE status = 'x' OR 1 = 2", "DELETE FROM orders WHERE status = 'x' OR 1 = 1");
        poison(UNBOUNDED, "DELETE FROM orders WHERE NOT TRUE", "DELETE FROM orders WHERE NOT FALSE");
        poison(UNBOUNDED, "DELETE FROM orders WHERE id = 3", "DELETE FROM orders WHERE id = id");
        poison(UNBOUNDED, "UPDATE orders SET status = 'b' WHERE 1 <> 1", "UPDATE orders SET status = 'b' WHERE 1 <> 2");
        poison(UNBOUNDED, "DELETE FROM orders WHERE 1 = 2.5", "DELETE FROM orders WHERE 1 = 1.0");
        poison(UNBOUNDED, "DELETE FROM orders WHERE 'a' IS NULL", "DELETE FROM orders WHERE NULL IS NULL");
        poison(DANGER, "SELECT LENGTH('${DIR}/secret.txt')".replace("${DIR}", Guard.DIR.toString()),
                Guard.sql("SELECT FILE_READ('${DIR}/secret.txt')"));
        poison(PK, "UPDATE orders SET status = 'b' WHERE id = 2", "UPDATE orders SET id = 60 WHERE id = 2");
        poison(SECRET, "INSERT INTO notes VALUES (40, 'x')", "INSERT INTO api_keys VALUES (40, 'x')");
    }

    static Stream<Arguments> attacks() {
        return ATTACKS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusedEverywhereAndNothingRuns(Attack attack) throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection service = TestConnections.open(url, TestConnections.service());
                Connection agent = TestConnections.open(url, Guard.agent())) {
            Guard.createSchema(service);
            List<Executable> checks = new ArrayList<>();
            int marker = 1000;
            for (EntryPoint entry : EntryPoint.values()) {
                int row = marker++;
                checks.add(() -> attackThrough(service, agent, entry, attack, row));
            }
            assertAll(attack.label(), checks);
        }
    }

    /** Odd entry points run with autocommit off and uncommitted work of the agent that must survive. */
    static void attackThrough(Connection service, Connection agent, EntryPoint entry, Attack attack, int row)
            throws SQLException {
        String context = entry + " " + attack.label();
        boolean autoCommit = entry.ordinal() % 2 == 0;
        agent.setAutoCommit(autoCommit);
        try {
            if (!autoCommit) {
                EntryPoint.EXECUTE.run(agent, "INSERT INTO notes VALUES (" + row + ", 'pending')");
            }
            for (String harmless : attack.warmup()) {
                try {
                    entry.run(agent, harmless);
                } catch (SQLException e) {
                    if (Guard.refusal(e) != null) {
                        throw new AssertionError(context + ": the harmless warm-up [" + harmless + "] was refused: " + e, e);
                    }
                    // H2 itself may reject the method (e.g. executeQuery of a DELETE): the gate still analysed it.
                }
            }
            String before = Guard.snapshot(service);
            Throwable thrown = null;
            try {
                entry.run(agent, attack.sql());
            } catch (Throwable t) {
                thrown = t;
            }
            String after = Guard.snapshot(service);
            assertEquals(before, after, context + ": the database or the files changed (the statement ran)");
            Guard.assertRefusal(thrown, attack.state(), attack.rules(), context);
            Guard.assertUsable(agent, autoCommit, context);
            if (!autoCommit) {
                assertEquals(List.of("pending"), Guard.column(agent, "SELECT body FROM notes WHERE id = " + row),
                        context + ": the agent's uncommitted work was lost");
                assertEquals(List.of(), Guard.column(service, "SELECT body FROM notes WHERE id = " + row),
                        context + ": the agent's uncommitted work was committed by the refusal");
            }
        } finally {
            if (!autoCommit) {
                agent.rollback();
                agent.setAutoCommit(true);
            }
        }
    }

    static int count() {
        return ATTACKS.size();
    }
}
