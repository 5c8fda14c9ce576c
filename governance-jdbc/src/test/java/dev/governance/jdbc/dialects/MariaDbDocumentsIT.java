package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the real MariaDB, with the baseline policy: JSON built from rows ({@code JSON_ARRAYAGG(JSON_OBJECT(…))},
 * {@code JSON_OBJECT}, {@code JSON_ARRAYAGG(email)}) is masked element by element for an agent — each email a
 * placeholder, every other byte as the raw driver gives it, the document valid JSON — and no getter hands out an
 * email in any form.
 */
class MariaDbDocumentsIT {
    static final String T = TestDatabase.unique("docs_");
    static final TestDatabase DB = TestDatabase.MARIADB;

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE " + T + " (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100),"
                    + " status VARCHAR(20), amount DECIMAL(10,2))");
            st.execute("INSERT INTO " + T + " VALUES (1, 'Alice', '" + Documents.ALICE + "', 'paid', 42.50),"
                    + " (2, 'Bob', '" + Documents.BOB + "', 'new', 0.99)");
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
    void jsonMaskedElementByElement() throws Exception {
        try (Connection raw = DB.openRaw(); Connection agent = agent()) {
            Documents.maskedInPlace(agent, raw, "SELECT JSON_ARRAYAGG(JSON_OBJECT('id', id, 'email', email, 'amount',"
                    + " amount, 'status', status) ORDER BY id), COUNT(*) FROM " + T, 1, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT id, JSON_OBJECT('who', email, 'id', id, 'n', name) FROM " + T
                    + " ORDER BY id", 2, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT JSON_ARRAYAGG(email ORDER BY id) FROM " + T, 1, true, 2);
            Documents.sameAsRaw(agent, raw, "SELECT JSON_ARRAYAGG(JSON_OBJECT('id', id, 'status', status) ORDER BY id)"
                    + " FROM " + T, 1);
        }
    }
}
