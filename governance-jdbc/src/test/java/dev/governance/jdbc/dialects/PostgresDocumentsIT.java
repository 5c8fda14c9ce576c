package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the real PostgreSQL, with the baseline policy: JSON documents, arrays and row values built from rows are masked
 * element by element for an agent — each email a placeholder, every other byte (ids, counts, amounts, keys, spacing)
 * as the raw driver gives it, JSON still valid JSON and arrays and rows still valid literals — and no getter hands
 * out an email in any form.
 */
class PostgresDocumentsIT {
    static final String T = TestDatabase.unique("docs_");
    static final TestDatabase DB = TestDatabase.POSTGRES;

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE " + T + " (id INT PRIMARY KEY, name TEXT, email TEXT, status TEXT,"
                    + " amount NUMERIC(10,2), tags TEXT[])");
            st.execute("INSERT INTO " + T + " VALUES (1, 'Alice', '" + Documents.ALICE + "', 'paid', 42.50,"
                    + " ARRAY['vip', 'eu, west']), (2, 'Bob', '" + Documents.BOB + "', 'new', 0.99, ARRAY[]::text[])");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + T);
        }
    }

    private static Connection agent() throws Exception {
        return DB.openGoverned(TestConnections.agent());
    }

    @Test
    void jsonBuiltFromWholeRows() throws Exception {
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
            Documents.maskedInPlace(agent, raw, "SELECT json_agg(c ORDER BY id) FROM " + T + " c", 1, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT jsonb_agg(c ORDER BY id), count(*) FROM " + T + " c", 1, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT id, row_to_json(c) FROM " + T + " c ORDER BY id", 2, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT id, to_jsonb(c.*)::text FROM " + T + " c ORDER BY id", 2, true, 2);
        }
    }

    @Test
    void jsonWithKeysWrittenInTheStatement() throws Exception {
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
            Documents.maskedInPlace(agent, raw, "SELECT json_agg(json_build_object('id', id, 'contact', email,"
                    + " 'amount', amount, 'tags', tags) ORDER BY id) FROM " + T, 1, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT id, jsonb_build_object('who', email, 'id', id, 'n', name)"
                    + " FROM " + T + " ORDER BY id", 2, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT json_agg(email ORDER BY id) FROM " + T, 1, true, 2);
            Documents.sameAsRaw(agent, raw, "SELECT json_agg(json_build_object('id', id, 'status', status) ORDER BY id)"
                    + " FROM " + T, 1);
        }
    }

    @Test
    void arraysAndRowValues() throws Exception {
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
            Documents.maskedInPlace(agent, raw, "SELECT array_agg(email ORDER BY id), count(*) FROM " + T, 1, false, 2);
            Documents.maskedInPlace(agent, raw, "SELECT id, ROW(id, email, status, amount) FROM " + T + " ORDER BY id",
                    2, false, 2);
            Documents.maskedInPlace(agent, raw, "SELECT c FROM " + T + " c ORDER BY id", 1, false, 2);
            Documents.maskedInPlace(agent, raw, "SELECT array_agg(c ORDER BY id) FROM " + T + " c", 1, false, 2);
            Documents.sameAsRaw(agent, raw, "SELECT array_agg(status ORDER BY id), ROW(id, amount) FROM " + T
                    + " GROUP BY id, amount ORDER BY id", 2);
        }
    }
}
