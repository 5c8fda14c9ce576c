package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * On the real PostgreSQL, with the baseline policy: an agent's innocent columns are byte-equal to the raw driver's
 * in SELECT *, catalog queries and EXPLAIN; sensitive values never appear; column
 * statistics and defaults, which carry data values, are masked.
 */
class PostgresPrecisionIT {
    static final TestDatabase DB = TestDatabase.POSTGRES;
    static final String T = TestDatabase.unique("prec_");
    static final List<String> SECRETS = List.of("alice.smith@example.com", "bob.jones@example.org");

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
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
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + T);
        }
    }

    private static Connection agent() throws Exception {
        return DB.openGoverned(TestConnections.agent());
    }

    @Test
    void selectStarMasksExactlyTheSensitiveColumn() throws Exception {
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
            Precision.sameExcept(agent, raw, "SELECT * FROM " + T + " ORDER BY id", List.of(2), SECRETS);
            Precision.sameAsRaw(agent, raw, "SELECT count(*), sum(amount), max(id) FROM " + T);
        }
    }

    @Test
    void catalogAndExplainAsTheDatabaseGivesThem() throws Exception {
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
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
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
            // the statistics' most common values and the column default are values; the names around them are not
            Precision.sameExcept(agent, raw, "SELECT attname, most_common_vals::text FROM pg_stats WHERE tablename = '"
                    + T + "' AND attname = 'email'", List.of(0, 1), SECRETS);
            Precision.sameExcept(agent, raw, "SELECT column_name, column_default FROM information_schema.columns"
                    + " WHERE table_name = '" + T + "' AND column_name = 'email'", List.of(1), List.of("nobody@example.net"));
        }
    }
}
