package dev.governance.jdbc.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What a statement writes and how far it reaches, for the statements rules are most often walked around with:
 * MySQL's variable assignments read as the queries they are, an upsert fed by its own table bounded only by its
 * query's WHERE, a sequence advanced as a write of that sequence (but of no row).
 */
class StatementWritesTest {
    private final SqlAnalyzer analyzer = new SqlAnalyzer();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // dialect | sql | tables read | tables written
        "MYSQL | SELECT 1 INTO @c | - | -",
        "MYSQL | SELECT token INTO @i FROM t WHERE id = 1 | t | -",
        "MYSQL | SELECT id, token INTO @a, @`b` FROM t WHERE id = 2 | t | -",
        "MYSQL | SELECT token FROM t WHERE id = 1 INTO @z | t | -",
        "MYSQL | SELECT token FROM t INTO @z FOR UPDATE | t | -",
        "MYSQL | SET @x := (SELECT token FROM t WHERE id = 1) | t | -",
        "MYSQL | SET @a := 1, @b := (SELECT token FROM u) | u | -",
        "MYSQL | SELECT 'INTO @x' FROM t | t | -",
        "H2 | SELECT NEXT VALUE FOR s | - | public.s",
        "H2 | SELECT NEXT VALUE FOR other.s, id FROM t | public.t | other.s",
        "MYSQL | SELECT NEXT VALUE FOR s | - | s",
        "MYSQL | SELECT NEXTVAL(s), SETVAL(test.r, 10) | - | s test.r",
        "POSTGRESQL | SELECT nextval('s') | - | public.s",
        "POSTGRESQL | SELECT nextval('app.s'::regclass) | - | app.s",
        "POSTGRESQL | SELECT setval('s', 10, false) | - | public.s",
        "POSTGRESQL | SELECT nextval(?) | - | *.*",
        "POSTGRESQL | SELECT nextval(name) FROM t | public.t | *.*",
        "MYSQL | SELECT NEXTVAL(name) FROM t | t | name",
        "POSTGRESQL | INSERT INTO t VALUES (nextval('s'), 1) | - | public.s public.t",
    })
    void readsAndWrites(String dialect, String sql, String read, String written) {
        StatementFacts f = analyzer.analyze(sql.trim(), Dialect.valueOf(dialect.trim())).statements().get(0);
        assertFalse(f.unparseable(), sql);
        assertEquals(read.trim(), names(f.tablesRead()), sql + ": read");
        assertEquals(written.trim(), names(f.tablesWritten()), sql + ": written");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // dialect | sql | changes rows
        "POSTGRESQL | SELECT nextval('s') | false",
        "H2 | SELECT NEXT VALUE FOR s | false",
        "MYSQL | SELECT SETVAL(s, 1) | false",
        "POSTGRESQL | INSERT INTO t VALUES (nextval('s'), 1) | true",
        "POSTGRESQL | WITH u AS (UPDATE t SET a = 1 WHERE id = 1 RETURNING id) SELECT nextval('s') FROM u | true",
        "POSTGRESQL | SELECT 1 | false",
    })
    void aSequenceIsNoRow(String dialect, String sql, boolean changesRows) {
        StatementFacts f = analyzer.analyze(sql.trim(), Dialect.valueOf(dialect.trim())).statements().get(0);
        assertEquals(changesRows, f.changesRows(), sql);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // dialect | sql | unbounded
        "POSTGRESQL | INSERT INTO c SELECT id, tier FROM c ON CONFLICT (id) DO UPDATE SET tier = excluded.tier | true",
        "POSTGRESQL | INSERT INTO c AS t SELECT x.id, 'g' FROM public.c x ON CONFLICT (id) DO UPDATE SET tier = 'g' | true",
        "POSTGRESQL | INSERT INTO c SELECT id, tier FROM c WHERE 1 = 1 ON CONFLICT (id) DO UPDATE SET tier = 'g' | true",
        "POSTGRESQL | INSERT INTO c SELECT id, tier FROM c WHERE id = 1 ON CONFLICT (id) DO UPDATE SET tier = 'g' | false",
        "POSTGRESQL | INSERT INTO c SELECT id, tier FROM c ON CONFLICT (id) DO UPDATE SET tier = 'g' WHERE c.id = 2 | false",
        "POSTGRESQL | INSERT INTO c SELECT id, tier FROM c ON CONFLICT (id) DO NOTHING | false",
        "POSTGRESQL | INSERT INTO c SELECT id, tier FROM src ON CONFLICT (id) DO UPDATE SET tier = excluded.tier | false",
        "POSTGRESQL | INSERT INTO c SELECT id, tier FROM c | false",
        "MYSQL | INSERT INTO c SELECT id, tier FROM c ON DUPLICATE KEY UPDATE tier = 'x' | true",
        "MYSQL | INSERT INTO c SELECT id, tier FROM c WHERE id = 3 ON DUPLICATE KEY UPDATE tier = 'x' | false",
        "MYSQL | REPLACE INTO c SELECT id, tier FROM c | true",
        "MYSQL | REPLACE INTO c SELECT id, tier FROM c WHERE tier = 'basic' | false",
        "H2 | MERGE INTO c KEY (id) SELECT id, 'x' FROM c | true",
        "H2 | MERGE INTO c KEY (id) SELECT id, 'x' FROM c WHERE id = 3 | false",
        "H2 | MERGE INTO c KEY (id) VALUES (1, 'x') | false",
    })
    void anUpsertFedByItsOwnTable(String dialect, String sql, boolean unbounded) {
        StatementFacts f = analyzer.analyze(sql.trim(), Dialect.valueOf(dialect.trim())).statements().get(0);
        assertFalse(f.unparseable(), sql);
        assertEquals(unbounded, f.unboundedChange(), sql);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // names resolved per use (as the driver analyses): a qualified and an unqualified name may be one table
        "POSTGRESQL | INSERT INTO c AS t SELECT x.id, 'g' FROM public.c x ON CONFLICT (id) DO UPDATE SET tier = 'g' | true",
        "MYSQL | INSERT INTO test.c SELECT id, 'x' FROM c WHERE TRUE ON DUPLICATE KEY UPDATE tier = 'x' | true",
        "MYSQL | INSERT INTO test.c SELECT id, 'x' FROM other.c ON DUPLICATE KEY UPDATE tier = 'x' | false",
    })
    void anUpsertFedByItsOwnTableUnderTheServersNames(String dialect, String sql, boolean unbounded) {
        StatementFacts f = analyzer.analyze(sql.trim(), Dialect.valueOf(dialect.trim()), table -> "test")
                .statements().get(0);
        assertEquals(unbounded, f.unboundedChange(), sql);
    }

    @org.junit.jupiter.api.Test
    void aSequenceNamedByAParameterIsKnownOnceBound() {
        Analysis prepared = analyzer.analyze("SELECT nextval(?)", Dialect.POSTGRESQL);
        assertEquals("*.*", names(prepared.statements().get(0).tablesWritten()), "unknown before binding");
        Analysis bound = prepared.bind(java.util.List.of("app.s"));
        assertEquals("app.s", names(bound.statements().get(0).tablesWritten()));
    }

    private static String names(java.util.Set<TableName> tables) {
        TreeSet<String> keys = new TreeSet<>();
        tables.forEach(t -> keys.add(t.key()));
        return keys.isEmpty() ? "-" : String.join(" ", keys);
    }
}
