package dev.governance.jdbc.sql;

import static dev.governance.jdbc.sql.Case.h2;
import static dev.governance.jdbc.sql.Case.my;
import static dev.governance.jdbc.sql.Case.pg;
import static dev.governance.jdbc.sql.StatementType.CREATE;
import static dev.governance.jdbc.sql.StatementType.DELETE;
import static dev.governance.jdbc.sql.StatementType.INSERT;
import static dev.governance.jdbc.sql.StatementType.SELECT;
import static dev.governance.jdbc.sql.StatementType.SET;
import static dev.governance.jdbc.sql.StatementType.TRANSACTION;
import static dev.governance.jdbc.sql.StatementType.UPDATE;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordinary SQL that must come out harmless: no hazard, bounded, readable, one statement. Dangerous words
 * inside literals, comments and identifiers are not dangerous.
 */
class SqlAnalyzerHarmlessTest {

    static final SqlAnalyzer ANALYZER = new SqlAnalyzer();

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("harmless")
    void harmless(Case c) {
        c.check(ANALYZER);
    }

    static Stream<Case> harmless() {
        return Stream.of(
                pg("SELECT * FROM orders WHERE id = 1").type(SELECT).read("public.orders"),
                // Flyway's schema-history table on MariaDB: an unnamed CONSTRAINT
                my("CREATE TABLE `app`.`flyway_schema_history` (\n `installed_rank` INT NOT NULL,\n `success` BOOL NOT NULL,"
                        + "\n CONSTRAINT  PRIMARY KEY (`installed_rank`)\n)").type(CREATE).written("app.flyway_schema_history"),
                my("CREATE TABLE t (a INT, CONSTRAINT UNIQUE (a), CONSTRAINT CHECK (a > 0))").type(CREATE),
                pg("SELECT * FROM t WHERE status = 'a' OR status = 'b'").type(SELECT),
                pg("SELECT 'drop table users' AS note").type(SELECT),
                pg("SELECT * FROM notes WHERE body LIKE '%drop table%'").type(SELECT).read("public.notes"),
                pg("SELECT 1 -- drop table users").type(SELECT),
                pg("SELECT /* DELETE FROM users */ 1").type(SELECT),
                pg("SELECT $$drop table users$$").type(SELECT),
                pg("SELECT $tag$ ; DELETE FROM users; $tag$").type(SELECT),
                pg("SELECT $$ ; DROP TABLE t; $$").type(SELECT),
                pg("SELECT \"drop\" FROM t").type(SELECT).read("public.t"),
                pg("SELECT delete_flag, updated_at FROM t WHERE delete_flag = false").type(SELECT),
                pg("UPDATE t SET updated_at = now() WHERE id = 5").type(UPDATE).updated("public.t.updated_at"),
                pg("DELETE FROM sessions WHERE expires_at < now()").type(DELETE).written("public.sessions"),
                pg("DELETE FROM t WHERE 1 = 2").type(DELETE),
                pg("DELETE FROM t WHERE NOT TRUE").type(DELETE),
                pg("DELETE FROM t WHERE id = 5 OR EXISTS (SELECT 1 FROM s WHERE s.x = t.id)").type(DELETE),
                pg("DELETE FROM t WHERE id = 5 AND NOT EXISTS (SELECT 1)").type(DELETE),
                pg("DELETE FROM t WHERE id = 5 OR id <> 6").type(DELETE),
                pg("DELETE FROM t WHERE a IS NULL OR b IS NOT NULL").type(DELETE),
                pg("DELETE FROM t WHERE amount < 100 OR amount > 100").type(DELETE),
                my("DELETE FROM t WHERE id = 1 AND name REGEXP '^a'").type(DELETE),
                my("DELETE FROM t WHERE 'abc' REGEXP 'z'").type(DELETE),
                h2("DELETE FROM t WHERE id = 1 OR 'abc' REGEXP 'z'").type(DELETE),
                h2("DELETE FROM t WHERE id = 1 OR REGEXP_LIKE('abc', 'Z')").type(DELETE),
                pg("DELETE FROM t WHERE id = 1 OR 'abc' ~ 'z'").type(DELETE),
                pg("DELETE FROM t WHERE CASE WHEN id = 1 THEN TRUE ELSE FALSE END").type(DELETE),
                pg("DELETE FROM t WHERE CASE WHEN id = 1 THEN TRUE END").type(DELETE),
                pg("DELETE FROM t WHERE COALESCE(id, 1) = COALESCE(id, 2)").type(DELETE),
                pg("DELETE FROM t WHERE COALESCE(a, 1) = COALESCE(b, 1)").type(DELETE),
                pg("DELETE FROM t WHERE id = id + 1").type(DELETE),
                pg("DELETE FROM t WHERE id IN (SELECT id FROM t WHERE x = 1)").type(DELETE),
                pg("DELETE FROM t WHERE id IN (SELECT id FROM t LIMIT 5)").type(DELETE),
                pg("DELETE FROM t WHERE id IN (SELECT other_id FROM t)").type(DELETE),
                pg("DELETE FROM t WHERE id IN (SELECT id FROM s)").type(DELETE),
                pg("DELETE FROM t WHERE id IN (SELECT id FROM other.t)").type(DELETE),
                pg("DELETE FROM t WHERE id IN (SELECT t.id FROM t JOIN s ON s.id = t.id)").type(DELETE),
                pg("DELETE FROM t WHERE id NOT IN (SELECT id FROM t)").type(DELETE),
                pg("DELETE FROM t WHERE id = other_id + 0").type(DELETE),
                pg("DELETE FROM t WHERE id = 1 OR NOT id = 2").type(DELETE),
                pg("UPDATE t SET a = 1 WHERE COALESCE(id, ?) = COALESCE(id, ?)").bind(1, 2).type(UPDATE),
                pg("DELETE FROM t WHERE \"Id\" = id + 0").type(DELETE),
                pg("UPDATE t SET a = 1 WHERE id = 1 AND 1 = 1").type(UPDATE),
                pg("DELETE FROM t WHERE id = 5 AND 'a' = 'a'").type(DELETE),
                pg("INSERT INTO orders (id, note) VALUES (1, 'DROP TABLE x; --')").type(INSERT)
                        .written("public.orders"),
                pg("SELECT E'it\\'s; drop table t'").type(SELECT),
                my("SELECT 'O\\'Brien; DROP TABLE t'").type(SELECT),
                my("SELECT \"drop table t\"").type(SELECT),
                my("SELECT `drop`, `delete` FROM `table`").type(SELECT).read("table"),
                h2("SELECT * FROM \"Orders\" WHERE \"Id\" = 1").type(SELECT).read("public.orders"),
                pg("SELECT count(*) FROM orders GROUP BY status HAVING count(*) > 1").type(SELECT),
                pg("SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.id = 5")
                        .type(SELECT).read("public.orders", "public.customers"),
                pg("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') "
                        + "SELECT * FROM recent").type(SELECT).read("public.orders"),
                pg("SELECT * FROM t WHERE id IN (1, 2, 3)").type(SELECT),
                pg("SELECT * FROM t WHERE name = 'set role admin'").type(SELECT),
                pg("SELECT current_setting('search_path')").type(SELECT),
                pg("SELECT set_config('search_path', 'public', false)").type(SELECT),
                pg("INSERT INTO t (a) VALUES ($1)").type(INSERT),
                pg("UPDATE t SET a = ? WHERE id = ?").type(UPDATE),
                pg("DELETE FROM t WHERE ? = ?").bind(1, 2).type(DELETE),
                pg("DELETE FROM t WHERE ? = ?").type(DELETE),
                pg("SELECT * FROM copy_jobs").type(SELECT).read("public.copy_jobs"),
                pg("SELECT * FROM t WHERE kill = 1").type(SELECT),
                my("SELECT * FROM t WHERE note = 'INTO OUTFILE'").type(SELECT),
                my("SELECT 5 --1").type(SELECT),
                my("SELECT * FROM t WHERE a = 'x' -- '; DROP TABLE t").type(SELECT),
                h2("SELECT * FROM t WHERE a = 'CSVREAD(''x'')'").type(SELECT),
                pg("SELECT 'pg_read_file(''/etc/passwd'')'").type(SELECT),
                h2("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(255) DEFAULT 'x')").type(CREATE)
                        .written("public.t"),
                pg("BEGIN").type(TRANSACTION),
                pg("COMMIT").type(TRANSACTION),
                my("START TRANSACTION").type(TRANSACTION),
                pg("ROLLBACK").type(TRANSACTION),
                pg("SELECT * FROM t ORDER BY 1 LIMIT 10 OFFSET 5").type(SELECT),
                pg("SELECT a::text FROM t").type(SELECT),
                pg("UPDATE t SET a = 1 FROM s WHERE t.id = s.id AND s.x = 2").type(UPDATE),
                pg("DELETE FROM t USING s WHERE t.id = s.id").type(DELETE),
                pg("SELECT * FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id)").type(SELECT)
                        .read("public.users", "public.orders"),
                pg("SET search_path = public").type(SET),
                pg("SET statement_timeout = 5000").type(SET),
                pg("SET lock_timeout = '5s'").type(SET),
                pg("SET TIME ZONE 'UTC'").type(SET),
                pg("SET application_name = 'report'").type(SET),
                pg("SET client_encoding = 'UTF8'").type(SET),
                my("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci").type(SET),
                my("SET time_zone = '+00:00', autocommit = 1, @x := 5").type(SET),
                my("SET @@session.time_zone = 'UTC'").type(SET),
                h2("SET SCHEMA other").type(SET),
                h2("SET LOCK_TIMEOUT 1000").type(SET),
                h2("SET @x = 1").type(SET),
                h2("SELECT * FROM information_schema.tables").type(SELECT).read("information_schema.tables"),
                pg("select 1 as \"delete\"").type(SELECT),
                pg("DELETE FROM t WHERE id IN (SELECT id FROM s WHERE x = 1)").type(DELETE),
                pg("WITH d AS (SELECT id FROM t WHERE x = 1) DELETE FROM t WHERE id IN (SELECT id FROM d)")
                        .type(DELETE).written("public.t"),
                my("DELETE t1 FROM t1 JOIN t2 ON t1.id = t2.id WHERE t2.x = 1").type(DELETE).written("t1"),
                my("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')").type(INSERT).written("t"),
                pg("SELECT * FROM t WHERE a = 'x' AND b = 'it''s'").type(SELECT),
                pg("SELECT 'a' /* ; DROP TABLE t */ || 'b'").type(SELECT),
                my("SELECT _binary'DROP TABLE t', _utf8mb4\"x\"").type(SELECT),
                pg("SELECT U&'d\\0061t\\+000061'").type(SELECT),
                pg("DELETE FROM ONLY t WHERE id = 1").type(DELETE).written("public.t"),
                pg("EXPLAIN SELECT * FROM t").type(SELECT),
                pg("SELECT name FROM t ORDER BY name COLLATE \"C\"").type(SELECT).read("public.t"),
                pg("SELECT * FROM t WHERE ts > now() - INTERVAL '5 minutes' AND a->>'b' = 'c'").type(SELECT),
                pg("SELECT count(*) FILTER (WHERE x > 1) FROM t").type(SELECT),
                pg("INSERT INTO t (a) SELECT b FROM s ON CONFLICT DO NOTHING").type(INSERT).written("public.t")
                        .read("public.s"),
                pg("SAVEPOINT s").type(TRANSACTION),
                pg("CREATE TABLE t (id serial PRIMARY KEY, v numeric(10,2) NOT NULL DEFAULT 0)").type(CREATE),
                pg("CREATE TABLE connection_log (connection int)").type(CREATE).written("public.connection_log"));
    }
}
