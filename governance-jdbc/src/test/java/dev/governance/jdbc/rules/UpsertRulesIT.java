package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** PostgreSQL and MariaDB: upserts, REPLACE and MERGE under rules, access lists, key checks and max-rows. */
class UpsertRulesIT {
    @TempDir
    Path dir;

    @Test
    void postgresUpsertsAndMergesAreEveryKindTheyMayBe() throws Exception {
        try (UpsertScenarios s = new UpsertScenarios(RuleTarget.postgres(), dir)) {
            String c = s.c;
            String src = s.src;
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT (id) DO UPDATE SET tier = 'gold'");
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT (id)"
                    + " DO UPDATE SET tier = excluded.tier WHERE " + c + ".tier <> excluded.tier");
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT ON CONSTRAINT " + c + "_pkey"
                    + " DO UPDATE SET tier = 'gold'");
            s.updateRefused("insert/**/into " + c + " values(2,'gold') on conflict(id) do/* x */update set tier='g'");
            s.updateRefused("INSERT INTO public.\"" + c + "\" AS t VALUES (1, 'gold') ON CONFLICT (id)"
                    + " DO UPDATE SET tier = 'gold'");
            s.updateRefused("INSERT INTO " + c + " SELECT id, tier FROM " + src + " ON CONFLICT (id)"
                    + " DO UPDATE SET tier = excluded.tier");
            s.updateRefused("WITH u AS (INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT (id)"
                    + " DO UPDATE SET tier = 'gold' RETURNING id) SELECT * FROM u");
            s.updateRefused("INSERT INTO " + c + " VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET tier = ?",
                    1, "gold", "gold");
            s.updateRefused("EXPLAIN ANALYZE INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT (id)"
                    + " DO UPDATE SET tier = 'gold'");
            s.updateRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET tier = s.tier");
            s.updateRefused("MERGE INTO " + c + " t USING (VALUES (1)) v(id) ON t.id = v.id"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (9, 'x') WHEN MATCHED THEN UPDATE SET tier = 'x'");
            s.deleteRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id WHEN MATCHED THEN DELETE");
            s.deleteRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id"
                    + " WHEN MATCHED AND s.id = 2 THEN DELETE WHEN MATCHED THEN DO NOTHING");
            s.insertRefused("MERGE INTO " + c + " t USING (VALUES (7)) v(id) ON t.id = v.id"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (7, 'new')");
            s.writeRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT (id) DO UPDATE SET tier = 'gold'");
            s.keyChangeRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT (id) DO UPDATE SET id = 10");
            s.keyChangeRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET id = t.id + 10");
            s.tooManyRows("INSERT INTO " + c + " SELECT id, 'platinum' FROM " + src + " ON CONFLICT (id)"
                    + " DO UPDATE SET tier = excluded.tier");
            s.tooManyRows("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id WHEN MATCHED THEN DELETE");

            s.unboundedRefused("INSERT INTO " + c + " SELECT id, 'x' FROM " + c + " ON CONFLICT (id)"
                    + " DO UPDATE SET tier = excluded.tier");
            s.unboundedRefused("INSERT INTO " + c + " SELECT id, 'x' FROM " + c + " WHERE 1 = 1 ON CONFLICT (id)"
                    + " DO UPDATE SET tier = excluded.tier");
            s.unboundedRefused("INSERT INTO " + c + " AS t SELECT x.id, 'g' FROM public." + c + " x ON CONFLICT (id)"
                    + " DO UPDATE SET tier = 'g'");
            String q = s.seq;
            s.updateRefused("SELECT nextval('" + q + "')");
            s.updateRefused("SELECT setval('public." + q + "', 500)");
            s.updateRefused("SELECT nextval('" + q + "'::regclass) AS n");
            s.updateRefused("SELECT nextval(?)", q);
            s.updateRefused("SELECT id, nextval('" + q + "') FROM " + src);
            s.updateRefused("INSERT INTO " + src + " VALUES (nextval('" + q + "'), 'new')");
            s.writeRefused("SELECT nextval('" + q + "')");
            s.writeRefused("SELECT nextval('\"" + q + "\"')");

            s.allowed(UpsertScenarios.BOUNDED, "INSERT INTO " + c + " SELECT id, 'bounded' FROM " + c + " WHERE id = 3"
                    + " ON CONFLICT (id) DO UPDATE SET tier = excluded.tier");
            s.allowed(UpsertScenarios.NO_DELETE, "SELECT nextval('" + q + "')");
            s.allowed(UpsertScenarios.NO_UPDATE, "INSERT INTO " + c + " VALUES (1, 'x'), (4, 'basic')"
                    + " ON CONFLICT (id) DO NOTHING");
            s.allowed(UpsertScenarios.NO_UPDATE, "INSERT INTO " + c + " VALUES (5, 'basic')");
            s.allowed(UpsertScenarios.NO_DELETE, "INSERT INTO " + c + " VALUES (1, 'gold') ON CONFLICT (id)"
                    + " DO UPDATE SET tier = 'gold'");
            s.allowed(UpsertScenarios.KEYS, "INSERT INTO " + c + " VALUES (2, 'gold') ON CONFLICT (id)"
                    + " DO UPDATE SET tier = excluded.tier");
            s.allowed(UpsertScenarios.ONE_ROW, "INSERT INTO " + c + " VALUES (3, 'gold') ON CONFLICT (id)"
                    + " DO UPDATE SET tier = excluded.tier");
        }
    }

    @Test
    void mariaDbUpsertsAndReplaceAreEveryKindTheyMayBe() throws Exception {
        try (UpsertScenarios s = new UpsertScenarios(RuleTarget.mariaDb(), dir)) {
            String c = s.c;
            String src = s.src;
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON DUPLICATE KEY UPDATE tier = 'gold'");
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') /*! ON DUPLICATE KEY UPDATE tier = 'gold' */");
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') /*!50000 ON DUPLICATE KEY UPDATE tier = 'g' */");
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') /*M! ON DUPLICATE KEY UPDATE tier = 'g' */");
            s.updateRefused("INSERT INTO `" + c + "` SET id = 2, tier = 'gold' ON DUPLICATE KEY UPDATE tier = 'g'");
            s.updateRefused("insert into " + c + " values (2, 'gold') on duplicate key update tier = values(tier)");
            s.updateRefused("INSERT INTO test." + c + " SELECT id, tier FROM " + src
                    + " ON DUPLICATE KEY UPDATE tier = VALUES(tier)");
            s.updateRefused("INSERT IGNORE INTO " + c + " VALUES (1, 'gold') ON DUPLICATE KEY UPDATE tier = 'g'");
            s.updateRefused("INSERT INTO " + c + " VALUES (?, ?) ON DUPLICATE KEY UPDATE tier = ?", 1, "gold", "g");
            s.updateRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON DUPLICATE/**/KEY UPDATE tier = 'g'");
            s.deleteRefused("REPLACE INTO " + c + " VALUES (1, 'gold')");
            s.deleteRefused("REPLACE " + c + " VALUES (1, 'gold')");
            s.deleteRefused("REPLACE INTO " + c + " SET id = 2, tier = 'gold'");
            s.deleteRefused("REPLACE INTO " + c + " SELECT id, tier FROM " + src);
            s.deleteRefused("replace low_priority into `" + c + "` (id, tier) values (3, 'gold')");
            s.deleteRefused("/*!REPLACE*/ INTO " + c + " VALUES (1, 'gold')");
            s.insertRefused("REPLACE INTO " + c + " VALUES (7, 'new')");
            s.writeRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON DUPLICATE KEY UPDATE tier = 'gold'");
            s.writeRefused("REPLACE INTO " + c + " VALUES (1, 'gold')");
            s.keyChangeRefused("INSERT INTO " + c + " VALUES (1, 'gold') ON DUPLICATE KEY UPDATE id = 10");
            s.tooManyRows("INSERT INTO " + c + " SELECT id, 'platinum' FROM " + src
                    + " ON DUPLICATE KEY UPDATE tier = VALUES(tier)");
            s.tooManyRows("REPLACE INTO " + c + " SELECT id, 'platinum' FROM " + src);

            s.unboundedRefused("INSERT INTO " + c + " SELECT id, 'x' FROM " + c + " ON DUPLICATE KEY UPDATE tier = 'x'");
            s.unboundedRefused("REPLACE INTO " + c + " SELECT id, 'x' FROM " + c);
            s.unboundedRefused("INSERT INTO test." + c + " SELECT id, 'x' FROM " + c + " WHERE TRUE"
                    + " ON DUPLICATE KEY UPDATE tier = VALUES(tier)");
            String q = s.seq;
            s.updateRefused("SELECT NEXTVAL(" + q + ")");
            s.updateRefused("SELECT NEXT VALUE FOR " + q);
            s.updateRefused("SELECT SETVAL(test." + q + ", 500)");
            s.updateRefused("SELECT id, NEXT VALUE FOR `" + q + "` FROM " + src);
            s.updateRefused("INSERT INTO " + src + " VALUES (NEXTVAL(" + q + "), 'new')");
            s.writeRefused("SELECT NEXTVAL(" + q + ")");

            s.allowed(UpsertScenarios.BOUNDED, "INSERT INTO " + c + " SELECT id, 'bounded' FROM " + c + " WHERE id = 3"
                    + " ON DUPLICATE KEY UPDATE tier = VALUES(tier)");
            s.allowed(UpsertScenarios.NO_DELETE, "SELECT NEXTVAL(" + q + ")");
            s.allowed(UpsertScenarios.NO_UPDATE, "INSERT IGNORE INTO " + c + " VALUES (1, 'x'), (4, 'basic')");
            s.allowed(UpsertScenarios.NO_UPDATE, "INSERT INTO " + c + " VALUES (5, 'basic')");
            s.allowed(UpsertScenarios.NO_DELETE, "INSERT INTO " + c + " VALUES (1, 'gold')"
                    + " ON DUPLICATE KEY UPDATE tier = 'gold'");
            s.allowed(UpsertScenarios.KEYS, "INSERT INTO " + c + " VALUES (2, 'gold')"
                    + " ON DUPLICATE KEY UPDATE tier = VALUES(tier)");
            s.allowed(UpsertScenarios.ONE_ROW, "REPLACE INTO " + c + " VALUES (6, 'new')");
        }
    }
}
