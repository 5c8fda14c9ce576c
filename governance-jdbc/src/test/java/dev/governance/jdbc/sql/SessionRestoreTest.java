package dev.governance.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the statements tools use to put a session back; anything else reads as null (refused as before). */
class SessionRestoreTest {

    @Test
    void roleSwitches() {
        assertEquals("flyway", SessionRestore.roleSwitch("SET ROLE 'flyway'", Dialect.POSTGRESQL, null).role());
        assertEquals("app", SessionRestore.roleSwitch("SET ROLE App", Dialect.POSTGRESQL, null).role());
        assertEquals("App", SessionRestore.roleSwitch("SET SESSION ROLE \"App\";", Dialect.POSTGRESQL, null).role());
        assertEquals("p", SessionRestore.roleSwitch("SET ROLE ?", Dialect.POSTGRESQL, List.of("p")).role());
        assertNull(SessionRestore.roleSwitch("RESET ROLE", Dialect.POSTGRESQL, null).role());
        assertNull(SessionRestore.roleSwitch("SET ROLE NONE", Dialect.POSTGRESQL, null).role());
        assertNull(SessionRestore.roleSwitch("SET ROLE a; DROP TABLE t", Dialect.POSTGRESQL, null));
        assertNull(SessionRestore.roleSwitch("SET SESSION AUTHORIZATION a", Dialect.POSTGRESQL, null));
        assertNull(SessionRestore.roleSwitch("SET ROLE a, b", Dialect.POSTGRESQL, null));
    }

    @Test
    void sessionSettings() {
        assertEquals(List.of(new SessionRestore.Setting("foreign_key_checks", 1), new SessionRestore.Setting("sql_safe_updates", 0)),
                SessionRestore.sessionSettings("SET foreign_key_checks=?, sql_safe_updates=?", Dialect.MYSQL, List.of(1, 0)));
        assertEquals(List.of(new SessionRestore.Setting("foreign_key_checks", "1")),
                SessionRestore.sessionSettings("SET SESSION foreign_key_checks = 1", Dialect.MYSQL, null));
        assertNull(SessionRestore.sessionSettings("SET GLOBAL foreign_key_checks = 1", Dialect.MYSQL, null));
        assertNull(SessionRestore.sessionSettings("SET @@foreign_key_checks = 1", Dialect.MYSQL, null));
        assertNull(SessionRestore.sessionSettings("SET foreign_key_checks = (SELECT 1)", Dialect.MYSQL, null));
        assertNull(SessionRestore.sessionSettings("SET foreign_key_checks = 1; DROP TABLE t", Dialect.MYSQL, null));
        assertNull(SessionRestore.sessionSettings("SET foreign_key_checks = ?", Dialect.MYSQL, null));
    }
}
