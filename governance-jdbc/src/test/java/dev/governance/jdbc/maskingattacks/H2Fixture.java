package dev.governance.jdbc.maskingattacks;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** A named in-memory H2 database with customers and orders, set up by a service connection. */
final class H2Fixture {

    /** Values in sensitive columns (each also hex, base64 and reversed in {@link #SECRETS}). */
    static final List<String> SENSITIVE = List.of(
            "alice.smith@example.com", "bob.jones@example.org", "carol.white@example.net",
            "078-05-1120", "078051120", "219-09-9999", "219099999", "457-55-5462", "457555462",
            "+14155550123", "14155550123", "+442079460958", "442079460958", "+33142685300", "33142685300",
            "4111111111111111", "378282246310005", "6011111111111117",
            // copied into innocent columns (orders.note, customers.notes)
            "dave.secret@example.com", "4012888888881881", "5555555555554444");

    static final List<LeakProbe.Secret> SECRETS = LeakProbe.withEncodings(SENSITIVE);

    static final String[] SETUP = {
        "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), ssn VARCHAR(20),"
                + " phone VARCHAR(30), card_number VARCHAR(30), notes VARCHAR(500))",
        "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2), note VARCHAR(500),"
                + " status VARCHAR(20), placed DATE, shipped_at TIMESTAMP, paid BOOLEAN, ref UUID)",
        "INSERT INTO customers VALUES (1, 'Alice Smith', 'alice.smith@example.com', '078-05-1120', '+14155550123',"
                + " '4111111111111111', 'VIP, paid with card 5555555555554444 last time')",
        "INSERT INTO customers VALUES (2, 'Bob Jones', 'bob.jones@example.org', '219-09-9999', '+442079460958',"
                + " '378282246310005', 'call before delivery')",
        "INSERT INTO customers VALUES (3, 'Carol White', 'carol.white@example.net', '457-55-5462', '+33142685300',"
                + " '6011111111111117', NULL)",
        "INSERT INTO orders VALUES (10, 1, 42.50, 'shipped', 'shipped', DATE '2026-11-25',"
                + " TIMESTAMP '2026-11-25 10:15:30.123456', TRUE, '123e4567-e89b-42d3-a456-426614174000')",
        "INSERT INTO orders VALUES (11, 1, 99.99, 'reach me at dave.secret@example.com', 'pending',"
                + " DATE '2026-11-24', TIMESTAMP '2026-11-24 08:00:00', FALSE, '00000000-0000-4000-8000-000000000001')",
        "INSERT INTO orders VALUES (12, 2, 5.00, 'refund to 4012888888881881', 'paid', DATE '2026-01-02',"
                + " NULL, TRUE, NULL)",
        "INSERT INTO orders VALUES (13, 3, 17.25, 'order 42', 'shipped', NULL, TIMESTAMP '2026-11-25 00:00:00',"
                + " NULL, '9f1c2b3a-4d5e-4f60-8a7b-6c5d4e3f2a1b')",
        "CREATE VIEW v_emails AS SELECT email FROM customers",
        "CREATE VIEW v_renamed AS SELECT id, email AS contact, ssn AS ref_code FROM customers",
        "CREATE VIEW v_upper AS SELECT id, UPPER(email) AS u FROM customers",
        "CREATE VIEW v_hex AS SELECT id, RAWTOHEX(email) AS h FROM customers",
        "CREATE VIEW v_digits AS SELECT id, REPLACE(ssn, '-', '') AS d FROM customers",
        "CREATE VIEW v_join AS SELECT o.id AS order_id, c.card_number AS reference FROM orders o"
                + " JOIN customers c ON c.id = o.customer_id",
    };

    final String url;
    final Connection service;

    H2Fixture() throws SQLException {
        url = TestConnections.newH2Url();
        service = TestConnections.open(url, TestConnections.service());
        try (Statement st = service.createStatement()) {
            for (String sql : SETUP) {
                st.execute(sql);
            }
        }
    }

    Connection open(Properties p) throws SQLException {
        return TestConnections.open(url, p);
    }
}
