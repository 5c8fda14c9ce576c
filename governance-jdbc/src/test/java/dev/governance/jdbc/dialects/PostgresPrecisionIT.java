package dev.governance.jdbc.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real PostgreSQL, with the baseline policy: an agent's innocent columns are byte-equal to the raw driver's
 * in SELECT *, catalog queries, EXPLAIN and inside whole-row JSON aggregates; sensitive values never appear; column
 * statistics and defaults, which carry data values, are masked.
 */
class PostgresPrecisionIT {
    static final String T = "prec_" + Long.toHexString(System.nanoTime());
    static final String URL = "jdbc:governed:" + Databases.POSTGRES_URL.substring("jdbc:".length());
    static final List<String> SECRETS = List.of("alice.smith@example.com", "bob.jones@example.org");

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = Databases.openPostgres(); Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE " + T + " (id INT PRIMARY KEY, name TEXT, email TEXT DEFAULT 'nobody@example.net',"
                    + " status TEXT, amount NUMERIC(10,2), tags TEXT[], doc JSONB)");
            st.execute("INSERT INTO " + T + " VALUES (1, 'Alice', 'alice.smith@example.com', 'paid', 42.50,"
                    + " ARRAY['vip', 'eu'], '{\"plan\": \"gold\", \"seats\": 3}'),"
                    + " (2, 'Bob', 'bob.jones@example.org', 'new', 0.99, ARRAY[]::text[], NULL)");
            st.execute("ANALYZE " + T);
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Connection raw = Databases.openPostgres(); Statement st = raw.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + T);
        }
    }

    private static Connection agent() throws Exception {
        Properties p = TestConnections.agent();
        p.setProperty("user", Databases.postgresUser());
        p.setProperty("password", "");
        return DriverManager.getConnection(URL, p);
    }

    @Test
    void selectStarMasksExactlyTheSensitiveColumn() throws Exception {
        try (Connection raw = Databases.openPostgres(); Connection agent = agent()) {
            Precision.sameExcept(agent, raw, "SELECT * FROM " + T + " ORDER BY id", List.of(2), SECRETS);
            Precision.sameAsRaw(agent, raw, "SELECT count(*), sum(amount), max(id) FROM " + T);
        }
    }

    @Test
    void catalogAndExplainAsTheDatabaseGivesThem() throws Exception {
        try (Connection raw = Databases.openPostgres(); Connection agent = agent()) {
            Precision.sameAsRaw(agent, raw, "SELECT table_schema, table_name, column_name, data_type, ordinal_position,"
                    + " is_nullable FROM information_schema.columns WHERE table_name = '" + T + "' ORDER BY ordinal_position");
            Precision.sameAsRaw(agent, raw, "SELECT c.relname, a.attname, a.attnum FROM pg_class c JOIN pg_attribute a"
                    + " ON a.attrelid = c.oid WHERE c.relname = '" + T + "' AND a.attnum > 0 ORDER BY a.attnum");
            Precision.sameAsRaw(agent, raw, "SELECT tablename, indexname FROM pg_indexes WHERE tablename = '" + T + "'");
            Precision.sameAsRaw(agent, raw, "EXPLAIN SELECT * FROM " + T + " WHERE id = 1");
            Precision.sameAsRaw(agent, raw, "EXPLAIN (COSTS OFF) SELECT id, email FROM " + T);
        }
    }

    @Test
    void catalogViewsCarryingDataValuesAreMasked() throws Exception {
        try (Connection raw = Databases.openPostgres(); Connection agent = agent()) {
            // the statistics' most common values and the column default are values; the names around them are not
            Precision.sameExcept(agent, raw, "SELECT attname, most_common_vals::text FROM pg_stats WHERE tablename = '"
                    + T + "' AND attname = 'email'", List.of(0, 1), SECRETS);
            Precision.sameExcept(agent, raw, "SELECT column_name, column_default FROM information_schema.columns"
                    + " WHERE table_name = '" + T + "' AND column_name = 'email'", List.of(1), List.of("nobody@example.net"));
        }
    }

    @Test
    void wholeRowJsonIsMaskedFieldByField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Connection raw = Databases.openPostgres(); Connection agent = agent()) {
            for (String sql : List.of("SELECT json_agg(c ORDER BY id) FROM " + T + " c",
                    "SELECT jsonb_agg(c) FROM " + T + " c", "SELECT row_to_json(c) FROM " + T + " c ORDER BY id",
                    "SELECT id, to_jsonb(c.*) AS r FROM " + T + " c ORDER BY id")) {
                List<List<String>> expected = SchemaFixture.rows(raw, sql);
                List<List<String>> actual = SchemaFixture.rows(agent, sql);
                assertEquals(expected.size(), actual.size());
                for (int r = 0; r < expected.size(); r++) {
                    int last = expected.get(r).size() - 1;
                    JsonNode want = json.readTree(expected.get(r).get(last));
                    JsonNode got = json.readTree(actual.get(r).get(last)); // still valid JSON
                    compare(want, got, sql);
                    for (String secret : SECRETS) {
                        assertFalse(actual.get(r).get(last).contains(secret), sql + " leaked " + secret);
                    }
                }
            }
        }
    }

    /** Rows equal field by field, except email, which holds a placeholder. */
    private static void compare(JsonNode want, JsonNode got, String sql) {
        if (want.isArray()) {
            assertEquals(want.size(), got.size(), sql);
            for (int i = 0; i < want.size(); i++) {
                compare(want.get(i), got.get(i), sql);
            }
            return;
        }
        assertTrue(want.isObject() && got.isObject(), sql);
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("email")) {
                assertTrue(got.get("email").asText().startsWith("<email:"), sql + ": " + got);
            } else {
                assertEquals(field.getValue(), got.get(field.getKey()), sql + " field " + field.getKey());
            }
        }
    }
}
