package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestDatabase;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every getter of results built from JSON, arrays, nested rows and binary values on the real PostgreSQL, for an
 * agent (masked), a human and a service: nothing but SQLException leaves a JDBC call.
 */
class PostgresGetterSweepIT {

    static final List<String> SETUP = List.of(
            "CREATE TABLE {t} (id INT PRIMARY KEY, name TEXT, email TEXT, card_number TEXT, doc JSONB, raw JSON,"
                    + " tags TEXT[], grid INT[][], pic BYTEA, at TIMESTAMPTZ, amount NUMERIC(12,2), uid UUID)",
            "INSERT INTO {t} VALUES (1, 'Alice', '" + GetterFixtures.EMAIL + "', '" + GetterFixtures.CARD + "',"
                    + " '{\"mail\": \"" + GetterFixtures.EMAIL + "\", \"n\": [1, 2, {\"deep\": true}]}',"
                    + " '[1, \"two\", null]', ARRAY['a', 'b,c', NULL], ARRAY[[1,2],[3,4]], '\\x00ff10'::bytea,"
                    + " '2026-01-02 03:04:05+00', 12.5, '8c2d3f5e-6a7b-4c8d-9e0f-1a2b3c4d5e6f'),"
                    + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");

    static final List<String> QUERIES = List.of(
            "SELECT * FROM {t}",
            "SELECT jsonb_agg(c) FROM {t} c",
            "SELECT json_agg(c ORDER BY id) FROM {t} c",
            "SELECT array_agg(c) FROM {t} c",
            "SELECT c FROM {t} c",
            "SELECT ROW(id, email, tags) FROM {t}",
            "SELECT row_to_json(c) FROM {t} c",
            "SELECT doc, doc -> 'n', doc ->> 'mail', doc #> '{n,2}' FROM {t}",
            "SELECT jsonb_build_object('id', id, 'e', email, 'tags', tags) FROM {t}",
            "SELECT tags, grid, grid[1:1], array_length(tags, 1) FROM {t}",
            "SELECT array_agg(email), array_agg(id), array_agg(pic) FROM {t}",
            "SELECT pic, email::bytea, convert_to(name, 'UTF8') FROM {t}",
            "SELECT json_object_agg(id, email) FROM {t}",
            "SELECT jsonb_path_query_array(doc, '$.n[*]') FROM {t}",
            "SELECT (s.c).email, (s.c).id, s.c FROM (SELECT c FROM {t} c) s",
            "SELECT at, amount, uid, raw FROM {t}",
            "SELECT ARRAY[ROW(1, 'x'), ROW(2, 'y')]",
            "SELECT '{\"a\":1}'::jsonb, '{}'::int[], ''::bytea, ROW()");

    @Test
    void nothingButSqlExceptionLeavesAGetter() throws Exception {
        String table = TestDatabase.unique("gs_");
        try (Connection raw = TestDatabase.POSTGRES.openRaw()) {
            GetterFixtures.exec(raw, SETUP, table);
            try {
                GetterFixtures.sweep(TestDatabase.POSTGRES, QUERIES, table, 5);
            } finally {
                GetterFixtures.exec(raw, List.of("DROP TABLE IF EXISTS {t}"), table);
            }
        }
    }
}
