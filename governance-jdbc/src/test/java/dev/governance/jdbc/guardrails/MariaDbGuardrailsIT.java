package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** MariaDB-specific attacks by an agent under the baseline policy, against the real database. */
class MariaDbGuardrailsIT {
    static final String SFX = TestDatabase.unique("");
    static final String T = "guard_t_" + SFX;
    static final String U = "guard_u_" + SFX;
    static final String KEYS = "guard_api_keys_" + SFX;
    static final String FILE = "/tmp/guard_my_" + SFX;
    static Connection service;
    static RealDatabase db;

    static final TestDatabase DB = TestDatabase.MARIADB;

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
        Databases.requireMariaDb();
        service = TestConnections.open(url(), on(TestConnections.service()));
        try (Statement s = service.createStatement()) {
            s.execute("CREATE TABLE " + T + "(id INT PRIMARY KEY, a INT, note VARCHAR(100))");
            s.execute("INSERT INTO " + T + " VALUES (1,10,'x'),(2,20,'y'),(3,30,'drop table t'),(4,40,'z'),(5,50,'w')");
            s.execute("CREATE TABLE " + U + "(id INT PRIMARY KEY)");
            s.execute("INSERT INTO " + U + " VALUES (1),(2),(3)");
            s.execute("CREATE TABLE " + KEYS + "(id INT PRIMARY KEY, k VARCHAR(40))");
            s.execute("INSERT INTO " + KEYS + " VALUES (1,'k1')");
        }
        db = new RealDatabase(service, List.of(
                "SELECT * FROM " + T + " ORDER BY id",
                "SELECT * FROM " + U + " ORDER BY id",
                "SELECT * FROM " + KEYS + " ORDER BY id",
                "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'guard_%" + SFX + "%' ORDER BY 1",
                "SELECT User, Host, authentication_string FROM mysql.user ORDER BY 1, 2",
                "SELECT PLUGIN_NAME FROM information_schema.PLUGINS WHERE PLUGIN_STATUS = 'ACTIVE' ORDER BY 1",
                "SELECT @@global.max_connections, @@global.general_log, @@global.read_only",
                "SELECT name FROM mysql.func ORDER BY 1",
                // the session's own settings (a SET the refused statement made shows from the agent's side)
                "SELECT @@session.sql_mode, @@session.autocommit, @@session.time_zone, @@session.character_set_client,"
                        + " @@session.sql_safe_updates, @@session.foreign_key_checks, @@session.unique_checks,"
                        + " @@session.sql_log_bin, @@session.tx_read_only, @@session.max_statement_time"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (service != null) {
            try (Statement s = service.createStatement()) {
                for (String t : List.of(T, U, KEYS)) {
                    s.execute("DROP TABLE IF EXISTS " + t);
                }
                s.execute("DROP USER IF EXISTS 'guard_evil'@'%'");
                s.execute("SET GLOBAL general_log = 0");
            }
            service.close();
        }
    }

    static final String WHO = "SELECT CURRENT_USER()";

    static Stream<Arguments> attacks() throws SQLException {
        Set<String> danger = Set.of("agent-no-dangerous-commands", "agent-no-dangerous-functions", "agent-no-unparseable");
        Set<String> drop = Set.of("agent-no-drop");
        Set<String> unbounded = Set.of("agent-no-unbounded-change");
        Set<String> users = Set.of("agent-no-user-management", "agent-no-user-management-command",
                "agent-no-privilege-change", "agent-no-unparseable");
        return Stream.of(
                Arguments.of("SELECT LOAD_FILE('/etc/passwd')", danger),
                Arguments.of("select load_file(0x2f6574632f706173737764)", danger),
                Arguments.of("SELECT `LOAD_FILE`('/etc/passwd')", danger),
                Arguments.of("SELECT LOAD_FILE /**/ ('/etc/passwd')", danger),
                Arguments.of("SELECT * FROM (SELECT LOAD_FILE('/etc/passwd') AS f) x", danger),
                Arguments.of("SELECT * FROM " + T + " INTO OUTFILE '" + FILE + ".out'", danger),
                Arguments.of("SELECT note FROM " + T + " WHERE id = 1 INTO DUMPFILE '" + FILE + ".dump'", danger),
                Arguments.of("SELECT * INTO OUTFILE '" + FILE + ".out2' FROM " + T, danger),
                Arguments.of("LOAD DATA INFILE '/etc/hostname' INTO TABLE " + U, danger),
                Arguments.of("LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE " + U, danger),
                Arguments.of("load xml infile '/etc/hostname' into table " + U, danger),
                Arguments.of("PREPARE guard_s FROM 'DROP TABLE " + T + "'", danger),
                Arguments.of("EXECUTE guard_s", danger),
                Arguments.of("EXECUTE IMMEDIATE 'DROP TABLE " + T + "'", danger),
                Arguments.of("INSTALL PLUGIN guard_x SONAME 'ha_guard_x.so'", danger),
                Arguments.of("INSTALL SONAME 'ha_connect'", danger),
                Arguments.of("UNINSTALL PLUGIN guard_x", danger),
                Arguments.of("CREATE FUNCTION guard_f RETURNS STRING SONAME 'guard_f.so'", danger),
                Arguments.of("KILL " + Guard.column(service, "SELECT CONNECTION_ID()").get(0), danger),
                Arguments.of("KILL QUERY " + Guard.column(service, "SELECT CONNECTION_ID()").get(0), danger),
                Arguments.of("KILL CONNECTION " + Guard.column(service, "SELECT CONNECTION_ID()").get(0), danger),
                Arguments.of("SET GLOBAL max_connections = 1", danger),
                Arguments.of("SET @@global.general_log = 1", danger),
                Arguments.of("set global read_only = 1", danger),
                Arguments.of("/*! DROP TABLE " + T + " */", drop),
                Arguments.of("/*!50000 DROP TABLE " + T + " */", drop),
                Arguments.of("/*M! DROP TABLE " + T + " */", drop),
                Arguments.of("/*M!100000 DROP TABLE " + T + " */", drop),
                Arguments.of("/*!50000 TRUNCATE */ " + T, drop),
                Arguments.of("SELECT 1 /*! , LOAD_FILE('/etc/passwd') */", danger),
                Arguments.of("DELETE FROM " + T + " WHERE id = 1 /*! OR 1 = 1 */", unbounded),
                Arguments.of("DELETE FROM " + T + " WHERE id = 1 /*M! OR 1 = 1 */", unbounded),
                Arguments.of("UPDATE " + T + " SET a = 0 /*!50000 WHERE 1 = 1 */", unbounded),
                Arguments.of("DROP TABLE `" + T + "`", drop),
                Arguments.of("TRUNCATE `" + T + "`", drop),
                Arguments.of("DELETE FROM `" + T + "`", unbounded),
                Arguments.of("UPDATE " + T + " SET a = 0", unbounded),
                Arguments.of("DELETE FROM " + T + " WHERE 1 = 1", unbounded),
                Arguments.of("DELETE FROM " + T + " WHERE 'a' = 'a'", unbounded),
                Arguments.of("DELETE FROM " + T + " WHERE 1", unbounded),
                Arguments.of("DELETE FROM " + T + " WHERE 2", unbounded),
                Arguments.of("DELETE " + T + " FROM " + T + " JOIN " + U + " ON 1 = 1", unbounded),
                Arguments.of("UPDATE " + T + ", " + U + " SET " + T + ".a = 0", unbounded),
                Arguments.of("SELECT 1; DROP TABLE " + T, Set.of("agent-no-multi-statement", "agent-no-unparseable")),
                Arguments.of("GRANT ALL ON *.* TO 'guard_evil'@'%'", users),
                Arguments.of("CREATE USER 'guard_evil'@'%' IDENTIFIED BY 'x'", users),
                Arguments.of("ALTER USER 'root'@'localhost' IDENTIFIED BY 'pwned'", users),
                Arguments.of("SET PASSWORD FOR 'root'@'localhost' = PASSWORD('pwned')", users),
                Arguments.of("INSERT INTO " + KEYS + " VALUES (2, 'k2')", Set.of("agent-no-secret-tables")),
                Arguments.of("UPDATE `" + KEYS + "` SET k = 'x' WHERE id = 1", Set.of("agent-no-secret-tables")),
                Arguments.of("UPDATE " + T + " SET id = 99 WHERE id = 1", Set.of("agent-no-primary-key-update")),
                Arguments.of("INSERT INTO " + T + " VALUES (1, 0, 'x') ON DUPLICATE KEY UPDATE id = 98", Set.of("agent-no-primary-key-update")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refused(String sql, Set<String> rules) throws Exception {
        try (Connection agent = agent()) {
            db.refusedEverywhere(agent, sql, "42501", rules, WHO);
        }
        for (String ext : List.of(".out", ".out2", ".dump")) {
            assertFalse(Files.exists(Path.of(FILE + ext)), "a server file was written: " + FILE + ext);
        }
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("SELECT 'it\\'s; DROP TABLE x'", "it's; DROP TABLE x"),
                Arguments.of("SELECT \"a\\\"; DROP TABLE x; --\"", "a\"; DROP TABLE x; --"),
                Arguments.of("SELECT 'a\\\\'", "a\\"),
                Arguments.of("SELECT `note` FROM `" + T + "` WHERE `id` = 3", "drop table t"),
                Arguments.of("SELECT note /* DROP TABLE t */ FROM " + T + " WHERE id = 1", "x"),
                Arguments.of("SELECT note FROM " + T + " WHERE id = 2 # ; DROP TABLE t", "y"),
                Arguments.of("SELECT count(*) FROM " + KEYS, "1"));
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

    /**
     * Flyway ends with SET foreign_key_checks = ?, sql_safe_updates = ? and the values it read: setting what is in
     * effect changes nothing, so it runs; turning foreign-key checks off is still refused.
     */
    @Test
    void sessionRestoresThatChangeNothingRun() throws Exception {
        try (Connection agent = agent(); Statement st = agent.createStatement()) {
            String fk;
            String safe;
            try (java.sql.ResultSet rs = st.executeQuery("SELECT @@foreign_key_checks, @@sql_safe_updates")) {
                rs.next();
                fk = rs.getString(1);
                safe = rs.getString(2);
            }
            try (java.sql.PreparedStatement ps = agent.prepareStatement("SET foreign_key_checks=?, sql_safe_updates=?")) {
                ps.setInt(1, Integer.parseInt(fk));
                ps.setInt(2, Integer.parseInt(safe));
                ps.execute();
                ps.setInt(1, 1 - Integer.parseInt(fk));
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, ps::execute);
                assertEquals("42501", refused.getSQLState());
            }
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> st.execute("SET foreign_key_checks = " + (1 - Integer.parseInt(fk))));
            assertEquals("42501", refused.getSQLState());
            try (java.sql.ResultSet rs = st.executeQuery("SELECT @@foreign_key_checks")) {
                rs.next();
                assertEquals(fk, rs.getString(1), "nothing changed");
            }
        }
    }

    @Test
    void boundedChangesWithBackticksRun() throws Exception {
        try (Connection agent = agent()) {
            agent.setAutoCommit(false);
            try (Statement s = agent.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE `" + T + "` SET `a` = 11 WHERE `id` = 1"));
                assertEquals(1, s.executeUpdate("DELETE FROM " + T + " WHERE id = 2 AND note = 'it\\'s'") + 1);
                assertEquals(1, s.executeUpdate("UPDATE " + T + " SET note = 'x\\'; DROP TABLE t; --' WHERE id = 4"));
            }
            assertEquals(List.of("x'; DROP TABLE t; --"), Guard.column(agent, "SELECT note FROM " + T + " WHERE id = 4"));
            agent.rollback();
            agent.setAutoCommit(true);
        }
        assertEquals(List.of("10", "20", "30", "40", "50"), Guard.column(service, "SELECT a FROM " + T + " ORDER BY id"));
    }

    // ------------------------------------------------------------------------------------------ known bypasses

    @Test
    void replaceIntoSecretTableIsRefused() throws Exception {
        try (Connection agent = agent()) {
            db.refusedEverywhere(agent, "REPLACE INTO " + KEYS + " VALUES (1, 'replaced')", "42501",
                    Set.of("agent-no-secret-tables"), WHO);
        }
    }

    /**
     * After SET sql_mode = 'NO_BACKSLASH_ESCAPES' MariaDB no longer reads \' as an escaped quote; the analyzer
     * still does, so a WHERE that MariaDB sees as "note = 'x\' OR 1 = 1" looks to the analyzer like one literal.
     */
    @Test
    void sqlModeDesyncIsNotABypass() throws Exception {
        try (Connection agent = agent()) {
            try {
                RealDatabase.run(agent, "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
            } catch (SQLException refusedSet) {
                Guard.assertRefusal(refusedSet, "42501", Set.of(), "SET sql_mode");
                return;
            }
            String before = db.snapshot();
            String sql = "DELETE FROM " + U + " WHERE id = 9 AND 'x\\' OR 1 = 1 -- ' = 'y'";
            SQLException refused = null;
            try {
                RealDatabase.run(agent, sql);
            } catch (SQLException e) {
                refused = e;
            }
            if (!before.equals(db.snapshot())) {
                try (Statement s = service.createStatement()) {
                    s.execute("INSERT IGNORE INTO " + U + " VALUES (1),(2),(3)");
                }
                fail("every row of " + U + " was deleted through " + sql);
            }
            Guard.assertRefusal(refused, "42501", Set.of(), sql);
        }
    }
}
