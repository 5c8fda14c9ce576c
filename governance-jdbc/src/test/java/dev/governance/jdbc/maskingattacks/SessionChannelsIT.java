package dev.governance.jdbc.maskingattacks;

import dev.governance.jdbc.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** MariaDB user variables and warnings, PostgreSQL custom settings: session channels carry sensitivity. */
class SessionChannelsIT {
    @TempDir
    Path dir;

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        return p;
    }

    @Test
    void mariaDbUserVariablesAndWarnings() throws Exception {
        Databases.requireMariaDb();
        try (SessionChannels s = new SessionChannels(Databases.mariaDbUrl(),
                credentials(Databases.mariaDbUser(), Databases.mariaDbPassword()), dir)) {
            String set = "SET @x = (SELECT token FROM $T WHERE id = 1)";
            s.noLeak("SELECT @x", set);
            s.runsAndNoLeak("SELECT @x", "SET @x := (SELECT token FROM $T WHERE id = 1)");
            s.runsAndNoLeak("SELECT @i", "SELECT token INTO @i FROM $T WHERE id = 1");
            s.runsAndNoLeak("SELECT @b", "SELECT id, token INTO @a, @b FROM $T WHERE id = 2");
            s.runsAndNoLeak("SELECT @e", "SELECT token FROM $T WHERE id = 3 INTO @e");
            s.runsAndNoLeak("SELECT @f, @g", "SET @f := 1, @g := (SELECT token FROM $T WHERE id = 1)");
            s.runsAndNoLeak("SELECT @h", "SELECT UPPER(token) INTO @h FROM $T WHERE id = 2");
            s.noLeak("SELECT @v", "SELECT @v := token FROM $T WHERE id = 3");
            s.noLeak("SELECT @`q`", "SET @`q` = (SELECT token FROM $T WHERE id = 1)");
            s.noLeak("SELECT CONCAT(@x) AS c, @x IS NULL AS n", set);
            s.noLeak("SELECT @z", set, "SET @y = CONCAT('a', @x)", "SET @z = @y");
            s.noLeak("SELECT UPPER(@x) AS u, HEX(@x) AS h, REVERSE(@x) AS r", set);
            s.noLeak("SELECT * FROM (SELECT @x AS v) d", set);
            s.noLeak("SELECT (SELECT @x) AS v FROM $T WHERE id = 2", set);
            s.noLeak("SELECT @g", "SET @g = (SELECT GROUP_CONCAT(token) FROM $T)");
            s.noLeak("SELECT @j", "SET @j = (SELECT JSON_OBJECT('s', token) FROM $T WHERE id = 2)");
            s.noLeak("SELECT id, @x AS v FROM $T", set);
            // warnings quote the values that failed
            s.noLeak("SHOW WARNINGS", "SELECT CAST(token AS DECIMAL(10,2)) FROM $T");
            s.noLeak("SHOW WARNINGS", "SELECT token + 0 FROM $T WHERE id = 2");
            s.noLeak("SELECT @m", "SELECT token * 1 FROM $T WHERE id = 1",
                    "GET DIAGNOSTICS CONDITION 1 @m = MESSAGE_TEXT");
            try (Connection c = s.agent(); Statement st = c.createStatement()) {
                st.executeQuery("SELECT CAST(token AS DECIMAL(10,2)) FROM " + s.table).close();
                StringBuilder seen = new StringBuilder();
                for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                    seen.append(w.getMessage()).append('|');
                }
                for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
                    seen.append(w.getMessage()).append('|');
                }
                for (String secret : SessionChannels.SECRETS) {
                    assertTrue(!seen.toString().contains(secret), "getWarnings: " + seen);
                }
            }

            s.plain("3", "SELECT @n", "SET @n = (SELECT COUNT(*) FROM $T)");
            s.plain("Ann", "SELECT @who", "SET @who = (SELECT name FROM $T WHERE id = 1)");
            s.plain("2", "SELECT @c", "SET @c = 1 + 1");
            s.plain("1", "SELECT @one", "SELECT 1 INTO @one");
            s.plain("Bob", "SELECT @who2", "SELECT name INTO @who2 FROM $T WHERE id = 2");
            s.plain("5", "SELECT @five", "SET @five := 5");

            // statistics the server keeps of the data: engine-independent column statistics hold values
            s.raw("ANALYZE TABLE $T PERSISTENT FOR ALL");
            s.noLeak("SELECT min_value, max_value FROM mysql.column_stats WHERE table_name = '$T'"
                    + " AND column_name = 'token'");
            s.noLeak("SELECT * FROM mysql.column_stats WHERE table_name = '$T'");
            s.noLeak("SELECT CONCAT(column_name, '=', max_value) AS v FROM mysql.column_stats WHERE table_name = '$T'");
            s.noLeak("SELECT HEX(min_value) AS h FROM mysql.column_stats WHERE table_name = '$T'");
            s.raw("ALTER TABLE $T ALTER COLUMN token SET DEFAULT '" + SessionChannels.SECRETS.get(2) + "'");
            s.noLeak("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_NAME = '$T'"
                    + " AND COLUMN_NAME = 'token'");
            s.noLeak("SELECT * FROM information_schema.COLUMNS WHERE TABLE_NAME = '$T'");
            s.trailClean();
        }
    }

    @Test
    void postgresCustomSettingsCarryTheirSensitivity() throws Exception {
        Databases.requirePostgres();
        try (SessionChannels s = new SessionChannels(Databases.postgresUrl(),
                credentials(Databases.postgresUser(), Databases.postgresPassword()), dir)) {
            String set = "SELECT set_config('app.v', (SELECT token FROM $T WHERE id = 1), false)";
            s.noLeak("SELECT current_setting('app.v')", set);
            s.noLeak("SELECT current_setting('app.v', true) AS v", set);
            s.noLeak("SELECT upper(current_setting('app.v')) AS v", set);
            s.noLeak("SELECT * FROM (SELECT current_setting('app.v') AS v) d", set);
            s.noLeak("SHOW app.v", set);
            s.noLeak("SELECT set_config('app.copy', current_setting('app.v'), false) AS copied", set);
            s.noLeak("SELECT current_setting('app.w')", "SELECT set_config('app.w', token, false) FROM $T WHERE id = 2");
            s.noLeak("SELECT current_setting('app.c')", set,
                    "SELECT set_config('app.c', current_setting('app.v') || 'x', false)");
            s.noLeak("SELECT id, current_setting('app.v') AS v FROM $T", set);
            s.noLeak("SELECT encode(convert_to(current_setting('app.v'), 'UTF8'), 'hex') AS h", set);
            s.plain("3", "SELECT current_setting('app.n')",
                    "SELECT set_config('app.n', (SELECT count(*) FROM $T)::text, false)");

            // statistics the server keeps of the data: histograms and most common values hold values
            s.raw("ANALYZE $T");
            s.noLeak("SELECT histogram_bounds::text FROM pg_stats WHERE tablename = '$T' AND attname = 'token'");
            s.noLeak("SELECT * FROM pg_stats WHERE tablename = '$T'");
            s.noLeak("SELECT attname, histogram_bounds FROM pg_catalog.pg_stats WHERE tablename = '$T'");
            s.noLeak("SELECT upper(histogram_bounds::text) AS h FROM pg_stats WHERE tablename = '$T'");
            s.noLeak("SELECT s.* FROM pg_stats s WHERE s.tablename = '$T'");
            s.raw("ALTER TABLE $T ALTER COLUMN token SET DEFAULT '" + SessionChannels.SECRETS.get(2) + "'");
            s.noLeak("SELECT column_default FROM information_schema.columns WHERE table_name = '$T'"
                    + " AND column_name = 'token'");
            s.noLeak("SELECT * FROM information_schema.columns WHERE table_name = '$T'");
            s.noLeak("SELECT pg_get_expr(d.adbin, d.adrelid) AS e FROM pg_attrdef d WHERE d.adrelid = '$T'::regclass");
            s.trailClean();
        }
    }
}
