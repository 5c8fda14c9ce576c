package dev.governance.jdbc.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A statement counts as every kind it may be: upserts, REPLACE, MERGE actions, writing CTEs; ordinary ones as one. */
class StatementKindsTest {
    private final SqlAnalyzer analyzer = new SqlAnalyzer();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1 | INSERT UPDATE",
        "POSTGRESQL | INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING | INSERT",
        "POSTGRESQL | WITH x AS (INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = 1 RETURNING *) SELECT * FROM x | INSERT UPDATE",
        "POSTGRESQL | MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE | MERGE DELETE",
        "POSTGRESQL | MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (1) | MERGE INSERT",
        "POSTGRESQL | MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = 1 WHEN NOT MATCHED THEN DO NOTHING | MERGE UPDATE",
        "POSTGRESQL | WITH d AS (DELETE FROM t WHERE id = 1 RETURNING *) INSERT INTO u SELECT * FROM d | INSERT DELETE",
        "POSTGRESQL | UPDATE t SET a = 1 WHERE id = 1 | UPDATE",
        "POSTGRESQL | SELECT 'ON DUPLICATE KEY UPDATE', replace(a, 'x', 'y') FROM t | SELECT",
        "MYSQL | INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1 | INSERT UPDATE",
        "MYSQL | INSERT INTO t VALUES (1) /*! ON DUPLICATE KEY UPDATE a = 1 */ | INSERT UPDATE",
        "MYSQL | REPLACE INTO t VALUES (1) | INSERT DELETE",
        "MYSQL | REPLACE t SET id = 1 | INSERT DELETE",
        "MYSQL | INSERT IGNORE INTO t VALUES (1) | INSERT",
        "MYSQL | INSERT INTO t SELECT * FROM u | INSERT",
        "H2 | MERGE INTO t KEY (id) VALUES (1, 2) | MERGE INSERT UPDATE",
        "H2 | MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN UPDATE SET a = 1 | MERGE UPDATE",
        "H2 | DELETE FROM t WHERE id = 1 | DELETE",
        "H2 | CREATE TABLE x AS SELECT * FROM t | CREATE",
        "H2 | SELECT NEXT VALUE FOR s | SELECT UPDATE",
        "MYSQL | SELECT NEXTVAL(s) | SELECT UPDATE",
        "MYSQL | SELECT SETVAL(s, 10) | SELECT UPDATE",
        "MYSQL | SELECT LASTVAL(s) | SELECT",
        "POSTGRESQL | SELECT nextval('s') | SELECT UPDATE",
        "POSTGRESQL | SELECT setval('s', 10, false) | SELECT UPDATE",
        "POSTGRESQL | SELECT currval('s') | SELECT",
        "POSTGRESQL | INSERT INTO t VALUES (nextval('s'), 1) | INSERT UPDATE",
        "MYSQL | SELECT 1 INTO @c | SELECT",
        "MYSQL | SET @x := 1 | SET",
    })
    void kinds(String dialect, String sql, String expected) {
        Set<StatementType> want = EnumSet.noneOf(StatementType.class);
        Arrays.stream(expected.trim().split(" ")).map(StatementType::valueOf).forEach(want::add);
        StatementFacts facts = analyzer.analyze(sql.trim(), Dialect.valueOf(dialect.trim())).statements().get(0);
        assertEquals(want, EnumSet.copyOf(facts.kinds()), sql);
    }
}
