package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** H2: MERGE INTO … KEY is an INSERT and an UPDATE; MERGE … USING is each action it names. */
class UpsertRulesTest {
    @TempDir
    Path dir;

    @Test
    void h2UpsertsAndMergesAreEveryKindTheyMayBe() throws Exception {
        try (UpsertScenarios s = new UpsertScenarios(RuleTarget.h2(), dir)) {
            String c = s.c;
            String src = s.src;
            // an UPDATE in disguise, refused by a rule that names UPDATE
            s.updateRefused("MERGE INTO " + c + " KEY (id) VALUES (1, 'gold')");
            s.updateRefused("MERGE INTO " + c + " VALUES (2, 'gold')");
            s.updateRefused("merge/**/into " + c.toUpperCase() + " key(ID) values (3, 'gold')");
            s.updateRefused("MERGE INTO " + c + " KEY (id) SELECT id, tier FROM " + src);
            s.updateRefused("MERGE INTO " + c + " (id, tier) KEY (id) VALUES (?, ?)", 1, "gold");
            s.updateRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET tier = s.tier");
            s.updateRefused("MERGE INTO " + c + " t USING (SELECT 1 AS id) s ON t.id = s.id"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (9, 'new') WHEN MATCHED THEN UPDATE SET tier = 'x'");
            s.updateRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id"
                    + " WHEN MATCHED AND t.id = 1 THEN UPDATE SET t.tier = 'x'");
            s.updateRefused("MERGE INTO \"" + c.toUpperCase() + "\" t USING " + src + " s ON t.id = s.id"
                    + " WHEN MATCHED THEN UPDATE SET tier = 'x'");
            s.updateRefused("EXPLAIN ANALYZE MERGE INTO " + c + " KEY (id) VALUES (1, 'gold')");
            s.updateRefused("MERGE INTO PUBLIC." + c + " KEY (id) VALUES (1, 'gold')");
            // a DELETE in disguise
            s.deleteRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id WHEN MATCHED THEN DELETE");
            s.deleteRefused("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id"
                    + " WHEN MATCHED AND s.id = 2 THEN DELETE WHEN MATCHED THEN UPDATE SET tier = 'x'");
            // an INSERT, also when the MERGE's only action inserts
            s.insertRefused("MERGE INTO " + c + " t USING (SELECT 7 AS id) s ON t.id = s.id"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (7, 'new')");
            s.insertRefused("MERGE INTO " + c + " KEY (id) VALUES (8, 'new')");
            // access lists, primary keys and max-rows see every kind
            s.writeRefused("MERGE INTO " + c + " KEY (id) VALUES (1, 'gold')");
            s.keyChangeRefused("MERGE INTO " + c + " t USING " + src + " s ON t.tier = s.tier"
                    + " WHEN MATCHED THEN UPDATE SET id = 10");
            s.tooManyRows("MERGE INTO " + c + " KEY (id) SELECT id, 'platinum' FROM " + src);
            s.tooManyRows("MERGE INTO " + c + " t USING " + src + " s ON t.id = s.id WHEN MATCHED THEN DELETE");

            // an upsert fed by its own table reaches every row its query reaches: no WHERE there is no WHERE at all
            s.unboundedRefused("MERGE INTO " + c + " KEY (id) SELECT id, 'x' FROM " + c);
            s.unboundedRefused("MERGE INTO " + c + " KEY (id) SELECT id, 'x' FROM " + c + " WHERE 1 = 1");
            s.unboundedRefused("MERGE INTO " + c + " KEY (id) SELECT t.id, 'x' FROM PUBLIC." + c + " t WHERE t.id = t.id");
            // advancing a sequence is an UPDATE of it: rules and access lists see it
            String q = s.seq;
            s.updateRefused("SELECT NEXT VALUE FOR " + q);
            s.updateRefused("SELECT NEXT VALUE FOR PUBLIC." + q.toUpperCase() + " AS n");
            s.updateRefused("SELECT id, NEXT VALUE FOR " + q + " FROM " + src);
            s.updateRefused("INSERT INTO " + src + " VALUES (NEXT VALUE FOR " + q + ", 'new')");
            s.writeRefused("SELECT NEXT VALUE FOR " + q);
            s.writeRefused("VALUES NEXT VALUE FOR " + q);

            // ordinary statements of the same shapes
            s.allowed(UpsertScenarios.BOUNDED, "MERGE INTO " + c + " KEY (id) SELECT id, 'bounded' FROM " + c
                    + " WHERE id = 3");
            s.allowed(UpsertScenarios.NO_DELETE, "SELECT NEXT VALUE FOR " + q);
            s.allowed(UpsertScenarios.NO_UPDATE, "INSERT INTO " + c + " VALUES (4, 'basic')");
            s.allowed(UpsertScenarios.NO_UPDATE, "MERGE INTO " + c + " t USING (SELECT 5 AS id) s ON t.id = s.id"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (5, 'new')");
            s.allowed(UpsertScenarios.NO_DELETE, "MERGE INTO " + c + " KEY (id) VALUES (1, 'gold')");
            s.allowed(UpsertScenarios.KEYS, "MERGE INTO " + c + " KEY (id) VALUES (2, 'gold')");
            s.allowed(UpsertScenarios.ONE_ROW, "MERGE INTO " + c + " KEY (id) VALUES (3, 'gold')");
        }
    }
}
