package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On H2, with the baseline policy: an agent's innocent columns are byte-equal to the raw driver's in SELECT *,
 * INFORMATION_SCHEMA and EXPLAIN; sensitive values never appear; column defaults are masked.
 */
class H2PrecisionTest {
    static final List<String> SECRETS = List.of("alice.smith@example.com", "bob.jones@example.org");

    @Test
    void selectStarCatalogAndExplain() throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection raw = DriverManager.getConnection(url.replace("governed:", ""));
             Connection agent = DriverManager.getConnection(url, TestConnections.agent())) {
            try (Statement st = raw.createStatement()) {
                st.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50),"
                        + " email VARCHAR(100) DEFAULT 'nobody@example.net', status VARCHAR(20), amount DECIMAL(10,2))");
                st.execute("INSERT INTO customers VALUES (1, 'Alice', 'alice.smith@example.com', 'paid', 42.50),"
                        + " (2, 'Bob', 'bob.jones@example.org', 'new', 0.99)");
            }
            Precision.sameExcept(agent, raw, "SELECT * FROM customers ORDER BY id", List.of(2), SECRETS);
            Precision.sameAsRaw(agent, raw, "SELECT count(*), sum(amount) FROM customers");
            Precision.sameAsRaw(agent, raw, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, ORDINAL_POSITION"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'CUSTOMERS' ORDER BY ORDINAL_POSITION");
            Precision.sameAsRaw(agent, raw, "EXPLAIN SELECT * FROM customers WHERE id = 1");
            Precision.sameExcept(agent, raw, "SELECT COLUMN_NAME, COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'CUSTOMERS' AND COLUMN_NAME = 'EMAIL'", List.of(1), List.of("nobody@example.net"));
        }
    }
}
