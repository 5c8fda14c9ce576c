package dev.governance.jdbc.maskingattacks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/** H2: user variables set from a sensitive column carry its sensitivity when read back. */
class SessionChannelsTest {
    @TempDir
    Path dir;

    @Test
    void h2UserVariablesCarryTheirSensitivity() throws Exception {
        String url = "jdbc:h2:mem:sc" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (SessionChannels s = new SessionChannels(url, new Properties(), dir)) {
            String set = "SET @x = (SELECT token FROM $T WHERE id = 1)";
            s.noLeak("SELECT @x", set);
            s.noLeak("SELECT @X AS innocent", set);
            s.noLeak("SELECT LOWER(@x) || '-' AS v", "SET @x = (SELECT UPPER(token) FROM $T WHERE id = 1)");
            s.noLeak("SELECT @y", set, "SET @y = @x");
            s.noLeak("SELECT @z", set, "SET @y = CONCAT('a', @x)", "SET @z = @y");
            s.noLeak("SELECT * FROM (SELECT @x AS v) d", set);
            s.noLeak("SELECT (SELECT @x) AS v FROM $T WHERE id = 2", set);
            s.noLeak("SELECT @m", "SET @m = (SELECT MAX(token) FROM $T)");
            s.noLeak("SELECT CAST(@x AS VARBINARY) AS b", set);
            s.noLeak("SELECT ARRAY[@x, 'a'] AS a", set);
            s.noLeak("SELECT @w", "SELECT SET(@w, token) FROM $T WHERE id = 3");
            s.noLeak("SELECT @j", "SET @j = (SELECT name || ':' || token FROM $T WHERE id = 2)");
            s.noLeak("SELECT @q", "SET @q = (SELECT id FROM $T WHERE token LIKE 'tkn_Q%')",
                    "SET @q = (SELECT token FROM $T WHERE id = @q)");
            s.noLeak("SELECT id, @x AS v FROM $T", set);

            // a column default is a value someone wrote, maybe copied from the data: the catalog carries it
            s.raw("ALTER TABLE $T ALTER COLUMN token SET DEFAULT '" + SessionChannels.SECRETS.get(2) + "'");
            s.noLeak("SELECT COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = UPPER('$T')"
                    + " AND COLUMN_NAME = 'TOKEN'");
            s.noLeak("SELECT * FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = UPPER('$T')");
            s.noLeak("SELECT LOWER(c.COLUMN_DEFAULT) AS d FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_NAME = UPPER('$T')");

            // ordinary session variables stay as they are
            s.plain("3", "SELECT @n", "SET @n = (SELECT COUNT(*) FROM $T)");
            s.plain("Ann", "SELECT @who", "SET @who = (SELECT name FROM $T WHERE id = 1)");
            s.plain("42", "SELECT @k", "SET @k = 42");
            s.trailClean();
        }
    }
}
