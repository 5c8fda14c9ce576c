package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real PostgreSQL, with the baseline policy: an agent's {@code set_config} is decided by the setting it names.
 * {@code set_config('search_path', …)} (as ORMs and connection pools write it) runs, and the names that follow resolve
 * in the new path; settings that switch identity or weaken governance (role, session_authorization, custom settings
 * that row-level security reads, session_replication_role, a name computed at run time) are refused with 42501,
 * nothing changes on the server, and the connection stays usable.
 */
class PostgresSetConfigIT {
    static final String SUFFIX = Long.toHexString(System.nanoTime());
    static final String SX = "setcfg_" + SUFFIX;
    static final String T = "orders_" + SUFFIX;
    static final String URL = "jdbc:governed:" + Databases.POSTGRES_URL.substring("jdbc:".length());

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = Databases.openPostgres(); Statement st = raw.createStatement()) {
            st.execute("CREATE SCHEMA " + SX);
            st.execute("CREATE TABLE public." + T + " (id INT PRIMARY KEY, status TEXT)");
            st.execute("INSERT INTO public." + T + " VALUES (1, 'public-row')");
            st.execute("CREATE TABLE " + SX + "." + T + " (id INT PRIMARY KEY, status TEXT)");
            st.execute("INSERT INTO " + SX + "." + T + " VALUES (1, 'moved'), (2, 'moved')");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Connection raw = Databases.openPostgres(); Statement st = raw.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SX + " CASCADE");
            st.execute("DROP TABLE IF EXISTS public." + T);
        }
    }

    private static Connection agent() throws SQLException {
        Properties p = TestConnections.agent();
        p.setProperty("user", Databases.postgresUser());
        p.setProperty("password", "");
        return DriverManager.getConnection(URL, p);
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void searchPathThroughSetConfigRunsAndNamesFollowIt() throws Exception {
        try (Connection c = agent()) {
            assertEquals("1", one(c, "SELECT count(*) FROM " + T));
            assertEquals(SX, one(c, "SELECT set_config('search_path', '" + SX + ", public', false)").split(",")[0]);
            assertEquals("2", one(c, "SELECT count(*) FROM " + T), "the name now resolves in " + SX);
            assertEquals("moved", one(c, "SELECT status FROM " + T + " WHERE id = 2"));
            // as a pool or ORM binds it
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
                ps.setString(1, "search_path");
                ps.setString(2, "public");
                ps.executeQuery().close();
            }
            assertEquals("1", one(c, "SELECT count(*) FROM " + T), "back in public");
            assertEquals("5s", one(c, "SELECT set_config('statement_timeout', '5s', false)"));
        }
    }

    @Test
    void settingsThatSwitchIdentityOrWeakenGovernanceAreRefused() throws Exception {
        try (Connection c = agent()) {
            String user = one(c, "SELECT current_user");
            for (String sql : List.of("SELECT set_config('role', 'pg_read_all_data', false)",
                    "SELECT set_config('session_authorization', 'postgres', false)",
                    "SELECT set_config('app.tenant_id', '7', false)",
                    "SELECT set_config('session_replication_role', 'replica', false)",
                    "SELECT set_config(lower('ROLE'), 'pg_read_all_data', false)")) {
                SQLException e = assertThrows(SQLException.class, () -> one(c, sql), sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
                ps.setString(1, "role");
                ps.setString(2, "pg_read_all_data");
                SQLException e = assertThrows(SQLException.class, ps::executeQuery);
                assertEquals("42501", e.getSQLState(), e.getMessage());
            }
            // nothing changed on the server, and the connection is usable
            assertEquals(user, one(c, "SELECT current_user"));
            assertEquals("origin", one(c, "SELECT current_setting('session_replication_role')"));
            assertEquals("", one(c, "SELECT coalesce(current_setting('app.tenant_id', true), '')"));
            assertEquals("1", one(c, "SELECT count(*) FROM " + T));
        }
    }
}
