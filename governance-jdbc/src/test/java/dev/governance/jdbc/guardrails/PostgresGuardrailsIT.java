package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** PostgreSQL-specific attacks by an agent under the baseline policy, against the real database. */
class PostgresGuardrailsIT {
    static final String SFX = TestDatabase.unique("");
    static final String T = "guard_t_" + SFX;
    static final String U = "guard_u_" + SFX;
    static final String KEYS = "guard_api_keys_" + SFX;
    static final String VAULT = "guard_vault_" + SFX;
    static final String FILE = "/tmp/guard_pg_" + SFX;
    static Connection service;
    static RealDatabase db;

    static final TestDatabase DB = TestDatabase.POSTGRES;

    static String url() {
        return DB.governedUrl();
    }

    static Properties on(Properties p) {
        return DB.withCredentials(p);
    }

    static Connection agent() throws SQLException {
        return TestConnections.open(url(), on(Guard.agent()));
    }

    @BeforeAll
    static void setUp() throws Exception {
        Databases.requirePostgres();
        service = TestConnections.open(url(), on(TestConnections.service()));
        try (Statement s = service.createStatement()) {
            s.execute("CREATE TABLE " + T + "(id INT PRIMARY KEY, a INT, note TEXT)");
            s.execute("INSERT INTO " + T + " VALUES (1,10,'x'),(2,20,'y'),(3,30,'drop table t'),(4,40,'z'),(5,50,'w')");
            s.execute("CREATE TABLE " + U + "(id INT PRIMARY KEY)");
            s.execute("INSERT INTO " + U + " VALUES (1),(2),(3)");
            s.execute("CREATE TABLE " + KEYS + "(id INT PRIMARY KEY, k TEXT)");
            s.execute("INSERT INTO " + KEYS + " VALUES (1,'k1')");
            s.execute("CREATE SCHEMA " + VAULT);
            s.execute("CREATE TABLE " + VAULT + "." + T + "(id INT PRIMARY KEY, a INT, note TEXT)");
            s.execute("INSERT INTO " + VAULT + "." + T + " VALUES (1, 1, 'vault-secret')");
        }
        db = new RealDatabase(service, List.of(
                "SELECT * FROM " + T + " ORDER BY id",
                "SELECT * FROM " + U + " ORDER BY id",
                "SELECT * FROM " + KEYS + " ORDER BY id",
                "SELECT * FROM " + VAULT + "." + T + " ORDER BY id",
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE 'guard_%" + SFX + "%' ORDER BY 1, 2",
                "SELECT rolname, rolsuper FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY 1",
                "SELECT count(*) FROM pg_largeobject_metadata",
                "SELECT sourcefile, name, setting FROM pg_file_settings WHERE sourcefile LIKE '%auto.conf' ORDER BY 1, 2",
                "SELECT extname FROM pg_extension ORDER BY 1",
                "SELECT proname FROM pg_proc WHERE proname LIKE 'guard%' ORDER BY 1",
                // passwords, and settings of roles and databases (ALTER ROLE ... SET, ALTER DATABASE ... SET)
                "SELECT rolname, rolpassword FROM pg_authid WHERE rolname NOT LIKE 'pg\\_%' ORDER BY 1",
                "SELECT setdatabase, setrole, setconfig::text FROM pg_db_role_setting ORDER BY 1, 2",
                // the session's own settings (a SET the refused statement made shows from the agent's side)
                "SELECT name, setting FROM pg_settings WHERE context IN ('user', 'superuser') ORDER BY 1"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (service != null) {
            try (Statement s = service.createStatement()) {
                for (String t : List.of(T, U, KEYS, KEYS + "_backup")) {
                    s.execute("DROP TABLE IF EXISTS " + t);
                }
                s.execute("DROP SCHEMA IF EXISTS " + VAULT + " CASCADE");
                s.execute("DROP ROLE IF EXISTS guard_evil_" + SFX);
            }
            service.close();
        }
    }

    static final String WHO = "SELECT current_user, session_user";

    static Stream<Arguments> attacks() throws SQLException {
        String pid = Guard.column(service, "SELECT pg_backend_pid()").get(0);
        Set<String> danger = Set.of("agent-no-dangerous-commands", "agent-no-dangerous-functions", "agent-no-unparseable");
        Set<String> ident = Set.of("agent-no-user-management-command", "agent-no-dangerous-commands",
                "agent-no-dangerous-functions");
        Set<String> unbounded = Set.of("agent-no-unbounded-change");
        Set<String> multi = Set.of("agent-no-multi-statement");
        Set<String> any = Set.of();
        return Stream.of(
                Arguments.of("COPY " + T + " TO '" + FILE + ".csv'", danger),
                Arguments.of("copy " + T + " from '/etc/hostname'", danger),
                Arguments.of("COPY " + T + " TO PROGRAM 'touch " + FILE + ".prog'", danger),
                Arguments.of("COPY (SELECT 1) TO PROGRAM 'id'", danger),
                Arguments.of("COPY " + U + " FROM PROGRAM 'echo 9'", danger),
                Arguments.of("SELECT pg_read_file('/etc/passwd')", danger),
                Arguments.of("SELECT pg_catalog.pg_read_file('/etc/passwd', 0, 10)", danger),
                Arguments.of("SELECT \"pg_read_file\"('/etc/passwd')", danger),
                Arguments.of("SELECT * FROM (SELECT PG_READ_FILE('/etc/passwd')) x", danger),
                Arguments.of("SELECT pg_read_binary_file('/etc/passwd')", danger),
                Arguments.of("SELECT * FROM pg_ls_dir('.')", danger),
                Arguments.of("SELECT pg_stat_file('/etc/passwd')", danger),
                Arguments.of("SELECT lo_import('/etc/passwd')", danger),
                Arguments.of("SELECT lo_export(1, '" + FILE + ".lo')", danger),
                Arguments.of("SELECT * FROM dblink('dbname=test', 'SELECT 1') AS x(a int)", danger),
                Arguments.of("SELECT dblink_exec('dbname=test', 'DROP TABLE " + T + "')", danger),
                Arguments.of("DO $$ BEGIN EXECUTE 'DROP TABLE " + T + "'; END $$", danger),
                Arguments.of("do $x$ begin delete from " + T + "; end $x$", danger),
                Arguments.of("DO LANGUAGE plpgsql $$ BEGIN DELETE FROM " + T + "; END $$", danger),
                Arguments.of("SELECT query_to_xml('DELETE FROM " + T + " RETURNING 1', true, true, '')", danger),
                Arguments.of("PREPARE guard_p AS DELETE FROM " + T, danger),
                Arguments.of("EXECUTE guard_p", danger),
                Arguments.of("CREATE EXTENSION IF NOT EXISTS dblink", danger),
                Arguments.of("LOAD 'auto_explain'", danger),
                Arguments.of("CREATE FUNCTION guard_f() RETURNS int LANGUAGE plpython3u AS $$ return 1 $$", danger),
                // switching to another role is refused (setting the role already in effect changes nothing:
                // sessionRestoresThatChangeNothingRun)
                Arguments.of("SET ROLE pg_read_server_files", ident),
                Arguments.of("SET SESSION ROLE pg_read_server_files", ident),
                Arguments.of("SET ROLE 'pg_read_server_files'", ident),
                Arguments.of("SET LOCAL ROLE postgres", ident),
                Arguments.of("SET SESSION AUTHORIZATION postgres", ident),
                Arguments.of("SELECT set_config('role', 'postgres', false)", ident),
                Arguments.of("SELECT SET_CONFIG('role', 'postgres', false)", ident),
                Arguments.of("ALTER SYSTEM SET log_statement = 'none'", danger),
                Arguments.of("SELECT pg_terminate_backend(" + pid + ")", danger),
                Arguments.of("SELECT pg_cancel_backend(" + pid + ")", danger),
                Arguments.of("SELECT pg_reload_conf()", danger),
                Arguments.of("WITH d AS (DELETE FROM " + T + " RETURNING *) SELECT * FROM d", unbounded),
                Arguments.of("WITH d AS (delete from " + T + " where 1 = 1 returning id) SELECT count(*) FROM d", unbounded),
                Arguments.of("WITH u AS (UPDATE " + T + " SET a = 0 RETURNING *) SELECT count(*) FROM u", unbounded),
                Arguments.of("UPDATE " + T + " SET a = 0 FROM " + U, unbounded),
                Arguments.of("UPDATE " + T + " SET a = 0 FROM " + U + " WHERE " + U + ".id = 1", unbounded),
                Arguments.of("DELETE FROM " + T + " USING " + U, unbounded),
                Arguments.of("DELETE FROM " + T + " USING " + U + " WHERE " + U + ".id = 1", unbounded),
                Arguments.of("MERGE INTO " + T + " USING " + U + " ON true WHEN MATCHED THEN DELETE", unbounded),
                Arguments.of("DELETE FROM " + T + " WHERE E'a' = E'a'", unbounded),
                Arguments.of("DELETE FROM " + T + " WHERE $$a$$ = 'a'", unbounded),
                Arguments.of("UPDATE " + T + " SET a = 0 WHERE true", unbounded),
                Arguments.of("SELECT 1; DROP TABLE " + T, multi),
                Arguments.of("SELECT E'\\\\'; DROP TABLE " + T + "; --'", multi),
                Arguments.of("SELECT 'a\\'; DELETE FROM " + T + "; --'", multi),
                Arguments.of("DROP TABLE " + T, Set.of("agent-no-drop")),
                Arguments.of("TRUNCATE " + T, Set.of("agent-no-drop")),
                Arguments.of("TRUNCATE ONLY " + U, Set.of("agent-no-drop")),
                Arguments.of("GRANT ALL ON " + T + " TO PUBLIC", Set.of("agent-no-privilege-change")),
                Arguments.of("CREATE ROLE guard_evil_" + SFX + " SUPERUSER", Set.of("agent-no-user-management", "agent-no-user-management-command", "agent-no-unparseable")),
                Arguments.of("ALTER ROLE postgres PASSWORD 'pwned'", Set.of("agent-no-user-management", "agent-no-user-management-command", "agent-no-unparseable")),
                Arguments.of("INSERT INTO " + KEYS + " VALUES (2, 'k2')", Set.of("agent-no-secret-tables")),
                Arguments.of("UPDATE " + KEYS + " SET k = 'x' WHERE id = 1", Set.of("agent-no-secret-tables")),
                Arguments.of("WITH i AS (INSERT INTO " + KEYS + " VALUES (3, 'k3') RETURNING id) SELECT * FROM i", Set.of("agent-no-secret-tables")),
                Arguments.of("UPDATE " + T + " SET id = 99 WHERE id = 1", Set.of("agent-no-primary-key-update")),
                Arguments.of("INSERT INTO " + T + " VALUES (1, 0, 'x') ON CONFLICT (id) DO UPDATE SET id = 98", Set.of("agent-no-primary-key-update")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refused(String sql, Set<String> rules) throws Exception {
        try (Connection agent = agent()) {
            db.refusedEverywhere(agent, sql, "42501", rules, WHO);
        }
        assertFalse(Files.exists(Path.of(FILE + ".csv")) || Files.exists(Path.of(FILE + ".prog"))
                || Files.exists(Path.of(FILE + ".lo")), "a server file was written");
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("SELECT $$drop table t$$", "drop table t"),
                Arguments.of("SELECT $tag$ '; DROP TABLE t; -- $tag$", " '; DROP TABLE t; -- "),
                Arguments.of("SELECT E'it\\'s; DROP TABLE t; --'", "it's; DROP TABLE t; --"),
                Arguments.of("SELECT 'a\\'", "a\\"),
                Arguments.of("SELECT note FROM " + T + " WHERE note = 'drop table t'", "drop table t"),
                Arguments.of("SELECT count(*) FROM " + KEYS, "1"),
                Arguments.of("SELECT t.id FROM " + T + " t JOIN " + U + " u ON u.id = t.id WHERE u.id = 2", "2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void dataThatLooksDangerousIsJustData(String sql, String expected) throws Exception {
        String before = db.snapshot();
        try (Connection agent = agent()) {
            assertEquals(List.of(expected), Guard.column(agent, sql));
        }
        assertEquals(before, db.snapshot());
    }

    @Test
    void boundedJoinedChangesAndCteWritesRun() throws Exception {
        try (Connection agent = agent()) {
            agent.setAutoCommit(false);
            try (Statement s = agent.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE " + T + " SET a = 11 FROM " + U + " WHERE " + T + ".id = " + U + ".id AND " + U + ".id = 1"));
                assertEquals(1, s.executeUpdate("DELETE FROM " + T + " USING " + U + " WHERE " + T + ".id = " + U + ".id AND " + U + ".id = 2"));
            }
            assertEquals(List.of("1"), Guard.column(agent, "WITH d AS (DELETE FROM " + T + " WHERE id = 5 RETURNING *) SELECT count(*) FROM d"));
            assertEquals(List.of("1", "3", "4"), Guard.column(agent, "SELECT id FROM " + T + " ORDER BY id"));
            agent.rollback();
            agent.setAutoCommit(true);
        }
        assertEquals(List.of("1", "2", "3", "4", "5"), Guard.column(service, "SELECT id FROM " + T + " ORDER BY id"));
    }

    // ------------------------------------------------------------------------------------------ known bypasses

    /** Flyway ends with SET ROLE '<the role it started as>': it changes nothing, so it runs (rule session-restore). */
    @Test
    void sessionRestoresThatChangeNothingRun() throws Exception {
        try (Connection agent = agent(); Statement st = agent.createStatement()) {
            st.execute("SET ROLE 'postgres'");
            st.execute("SET ROLE postgres");
            st.execute("RESET ROLE");
            try (PreparedStatement ps = agent.prepareStatement("SET ROLE 'postgres'")) {
                ps.execute();
            }
            try (ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertEquals("postgres", rs.getString(1));
            }
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> st.execute("SET ROLE pg_monitor"));
            org.junit.jupiter.api.Assertions.assertEquals("42501", refused.getSQLState());
            org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("statement: SET ROLE pg_monitor"),
                    refused.getMessage());
        }
    }

    @Test
    void selectIntoCreatesATable() throws Exception {
        try (Connection agent = agent()) {
            db.refusedEverywhere(agent, "SELECT * INTO " + KEYS + "_backup FROM " + T, "42501",
                    Set.of("agent-no-secret-tables"), WHO);
        }
    }

    @Test
    void replicationRoleIsRefused() throws Exception {
        try (Connection agent = agent()) {
            db.refused(agent, EntryPoint.EXECUTE, "SET session_replication_role = replica", "42501", Set.of(), WHO);
            assertEquals(List.of("origin"), Guard.column(agent, "SHOW session_replication_role"));
        }
    }

    /**
     * With standard_conforming_strings off, PostgreSQL reads backslash escapes in '...' strings; the analyzer
     * keeps reading them as standard strings, so text it sees as two string literals runs pg_read_file.
     */
    @Test
    void standardConformingStringsDesync() throws Exception {
        try (Connection agent = agent()) {
            String sql = "SELECT 'a\\' , ' , pg_read_file($$/etc/hostname$$) AS f -- '";
            try {
                RealDatabase.run(agent, "SET standard_conforming_strings = off");
            } catch (SQLException refusedSet) {
                Guard.assertRefusal(refusedSet, "42501", Set.of(), "SET standard_conforming_strings");
                return;
            }
            try {
                String got = Guard.query(agent, sql);
                fail("pg_read_file ran through a string-escape desync, returned " + got);
            } catch (SQLException e) {
                Guard.assertRefusal(e, "42501", Set.of(), sql);
            }
        }
    }

    static final String ACCESS = """
            version: 1
            identities:
              agents: { kind: agent }
            access:
              - identity: agents
                read: ["public.%s"]
            """;

    Connection restricted(Path dir) throws Exception {
        Path policy = dir.resolve("pg-access.yaml");
        Files.writeString(policy, ACCESS.formatted(T));
        Properties p = on(Guard.agent());
        p.setProperty("governance.policy", policy.toString());
        return TestConnections.open(url(), p);
    }

    @Test
    void accessListsHoldOnPostgres(@TempDir Path dir) throws Exception {
        try (Connection agent = restricted(dir)) {
            assertEquals(List.of("10"), Guard.column(agent, "SELECT a FROM " + T + " WHERE id = 1"));
            for (String sql : List.of("SELECT * FROM " + KEYS, "SELECT * FROM " + VAULT + "." + T,
                    "SELECT * FROM " + T + " WHERE id IN (SELECT id FROM " + KEYS + ")")) {
                db.refused(agent, EntryPoint.EXECUTE_QUERY, sql, "42501", Set.of("access"), WHO);
            }
        }
    }

    @Test
    void xmlExportFunctionsDoNotEscapeTheAccessList(@TempDir Path dir) throws Exception {
        try (Connection agent = restricted(dir)) {
            db.refused(agent, EntryPoint.EXECUTE_QUERY, "SELECT table_to_xml('" + KEYS + "', true, true, '')",
                    "42501", Set.of(), WHO);
        }
    }

    @Test
    void searchPathDoesNotEscapeTheAccessList(@TempDir Path dir) throws Exception {
        try (Connection agent = restricted(dir)) {
            List<String> seen;
            try {
                RealDatabase.run(agent, "SET search_path = " + VAULT);
                seen = Guard.column(agent, "SELECT note FROM " + T);
            } catch (SQLException e) {
                Guard.assertRefusal(e, "42501", Set.of(), "search_path");
                return;
            }
            assertFalse(seen.contains("vault-secret"), "read " + VAULT + "." + T + " outside the read list: " + seen);
        }
    }

    /** U&"\\0070g_read_file" is pg_read_file written as a unicode-escaped identifier. */
    @Test
    void unicodeEscapedFunctionName() throws Exception {
        try (Connection agent = agent()) {
            db.refusedEverywhere(agent, "SELECT U&\"\\0070g_read_file\"('/etc/hostname')", "42501",
                    Set.of("agent-no-dangerous-commands", "agent-no-dangerous-functions", "agent-no-unparseable"), WHO);
        }
    }
}
