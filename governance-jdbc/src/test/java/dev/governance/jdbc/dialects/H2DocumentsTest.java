package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * On H2, with the baseline policy: JSON built from rows is masked element by element for an agent — each email a
 * placeholder, every other byte as the raw driver gives it, the document valid JSON — and no getter hands out an
 * email. H2's array and row texts don't delimit their elements: masked whole (elements masked through getArray).
 */
class H2DocumentsTest {

    @Test
    void jsonMaskedElementByElement() throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection raw = DriverManager.getConnection(url.replace("governed:", ""));
             Connection agent = DriverManager.getConnection(url, TestConnections.agent())) {
            try (Statement st = raw.createStatement()) {
                st.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100),"
                        + " status VARCHAR(20), amount DECIMAL(10,2))");
                st.execute("INSERT INTO customers VALUES (1, 'Alice', '" + Documents.ALICE + "', 'paid', 42.50),"
                        + " (2, 'Bob', '" + Documents.BOB + "', 'new', 0.99)");
            }
            Documents.maskedInPlace(agent, raw, "SELECT JSON_ARRAYAGG(JSON_OBJECT('id': id, 'email': email,"
                    + " 'amount': amount, 'status': status) ORDER BY id) FROM customers", 1, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT id, JSON_OBJECT('id': id, 'contact': email, 'n': name)"
                    + " FROM customers ORDER BY id", 2, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT id, JSON_OBJECT(KEY 'who' VALUE email, KEY 'id' VALUE id)"
                    + " FROM customers ORDER BY id", 2, true, 2);
            Documents.maskedInPlace(agent, raw, "SELECT JSON_ARRAYAGG(email ORDER BY id) FROM customers", 1, true, 2);
            Documents.sameAsRaw(agent, raw, "SELECT JSON_ARRAYAGG(JSON_OBJECT('id': id, 'status': status) ORDER BY id),"
                    + " count(*) FROM customers", 1);
            Documents.maskedWhole(agent, raw, "SELECT ARRAY_AGG(email ORDER BY id) FROM customers", 1);
            Documents.maskedWhole(agent, raw, "SELECT ROW(id, email) FROM customers ORDER BY id", 1);
        }
    }
}
