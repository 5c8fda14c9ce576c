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
 * On the real MariaDB, with the baseline policy: an agent's innocent columns are byte-equal to the raw driver's in
 * SELECT *, information_schema and EXPLAIN; sensitive values never appear; column defaults are masked.
 */
class MariaDbPrecisionIT {
    static final TestDatabase DB = TestDatabase.MARIADB;
    static final String T = TestDatabase.unique("prec_");
    static final List<String> SECRETS = List.of("alice.smith@example.com", "bob.jones@example.org");

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE " + T + " (id INT PRIMARY KEY, name VARCHAR(50),"
                    + " email VARCHAR(100) DEFAULT 'nobody@example.net', status VARCHAR(20), amount DECIMAL(10,2))");
            st.execute("INSERT INTO " + T + " VALUES (1, 'Alice', 'alice.smith@example.com', 'paid', 42.50),"
                    + " (2, 'Bob', 'bob.jones@example.org', 'new', 0.99)");
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
    void selectStarCatalogAndExplain() throws Exception {
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
            Precision.sameExcept(agent, raw, "SELECT * FROM " + T + " ORDER BY id", List.of(2), SECRETS);
            Precision.sameAsRaw(agent, raw, "SELECT count(*), sum(amount) FROM " + T);
            Precision.sameAsRaw(agent, raw, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, ORDINAL_POSITION"
                    + " FROM information_schema.COLUMNS WHERE TABLE_NAME = '" + T + "' ORDER BY ORDINAL_POSITION");
            Precision.sameAsRaw(agent, raw, "EXPLAIN SELECT * FROM " + T + " WHERE id = 1");
            Precision.sameExcept(agent, raw, "SELECT COLUMN_NAME, COLUMN_DEFAULT FROM information_schema.COLUMNS"
                    + " WHERE TABLE_NAME = '" + T + "' AND COLUMN_NAME = 'email'", List.of(1), List.of("nobody@example.net"));
        }
    }
}
