package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Ordinary agent SQL under the baseline policy: it must run, and give the right answer. */
class FalsePositiveTest {
    static String url;
    static Connection service;

    @BeforeAll
    static void open() throws SQLException {
        url = TestConnections.newH2Url();
        service = TestConnections.open(url, TestConnections.service());
        Guard.createSchema(service);
        try (Statement s = service.createStatement()) {
            s.execute("CREATE TABLE flags(id INT PRIMARY KEY, \"drop\" VARCHAR(10), \"select\" INT, delete_flag BOOLEAN,"
                    + " updated_at TIMESTAMP, token_count INT, \"table\" VARCHAR(10))");
            s.execute("INSERT INTO flags VALUES (1, 'x', 7, FALSE, TIMESTAMP '2026-01-01 00:00:00', 12, 't1'),"
                    + " (2, 'y', 8, TRUE, TIMESTAMP '2026-01-02 00:00:00', 30, 't2')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        service.close();
    }

    /** Queries: SQL and the expected rows, each row's columns joined with '|', rows joined with ';'. */
    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("SELECT id FROM orders ORDER BY id", "1;2;3;4;5"),
                Arguments.of("select status from ORDERS where id = 2", "b"),
                Arguments.of("SELECT \"STATUS\" FROM \"PUBLIC\".\"ORDERS\" WHERE \"ID\" = 3", "a"),
                Arguments.of("SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id <= 2 ORDER BY o.id", "1|Ann;2|Ann"),
                Arguments.of("SELECT c.region, COUNT(*), SUM(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.region ORDER BY c.region", "north|3|80;south|2|70"),
                Arguments.of("SELECT status, COUNT(*) FROM orders GROUP BY status HAVING COUNT(*) > 1 ORDER BY status", "a|2;b|2"),
                Arguments.of("SELECT MAX(amount) FROM orders WHERE 1 = 1", "50"),
                Arguments.of("SELECT COUNT(*) FROM orders WHERE TRUE", "5"),
                Arguments.of("SELECT id FROM orders WHERE status = 'drop table orders'", ""),
                Arguments.of("SELECT 'drop table orders' AS s", "drop table orders"),
                Arguments.of("SELECT '; DELETE FROM orders' AS s", "; DELETE FROM orders"),
                Arguments.of("SELECT 'FILE_READ(''/etc/passwd'')' AS s", "FILE_READ('/etc/passwd')"),
                Arguments.of("SELECT 'it''s; DROP TABLE orders; --' AS s", "it's; DROP TABLE orders; --"),
                Arguments.of("SELECT id /* DROP TABLE orders */ FROM orders WHERE id = 1", "1"),
                Arguments.of("-- DELETE FROM orders\nSELECT id FROM orders WHERE id = 1", "1"),
                Arguments.of("SELECT id FROM orders WHERE id = 1 -- ; DROP TABLE orders", "1"),
                Arguments.of("SELECT id FROM orders WHERE id = 1;", "1"),
                Arguments.of("SELECT \"drop\", \"select\", delete_flag, token_count, \"table\" FROM flags WHERE id = 1", "x|7|FALSE|12|t1"),
                Arguments.of("SELECT id FROM flags WHERE delete_flag AND updated_at > TIMESTAMP '2026-01-01 12:00:00'", "2"),
                Arguments.of("SELECT id, model, token_count FROM tokenizer_runs ORDER BY id", "1|m1|100;2|m2|250"),
                Arguments.of("SELECT COUNT(*) FROM api_keys", "2"),
                Arguments.of("SELECT id FROM orders WHERE id IN (SELECT customer_id FROM orders WHERE amount > 30)", "2;3"),
                Arguments.of("WITH big AS (SELECT id FROM orders WHERE amount >= 40) SELECT COUNT(*) FROM big", "2"),
                Arguments.of("WITH answer AS (SELECT 42 AS id) SELECT id FROM answer", "42"),
                Arguments.of("SELECT id FROM orders UNION SELECT id FROM customers ORDER BY 1", "1;2;3;4;5"),
                Arguments.of("SELECT id, CASE WHEN amount > 25 THEN 'big' ELSE 'small' END FROM orders WHERE id < 4 ORDER BY id", "1|small;2|small;3|big"),
                Arguments.of("SELECT id FROM orders ORDER BY amount DESC FETCH FIRST 2 ROWS ONLY", "5;4"),
                Arguments.of("SELECT id FROM orders WHERE status LIKE 'a%' ORDER BY id", "1;3"),
                Arguments.of("SELECT id FROM orders WHERE amount BETWEEN 15 AND 35 ORDER BY id", "2;3"),
                Arguments.of("SELECT UPPER(name), LENGTH(name) FROM customers WHERE id = 2", "BOB|3"),
                Arguments.of("SELECT COALESCE(NULL, 'x'), CAST(12 AS VARCHAR)", "x|12"),
                Arguments.of("SELECT id FROM v_orders WHERE status = 'c'", "4"),
                Arguments.of("VALUES (1), (2)", "1;2"),
                Arguments.of("SELECT $$drop table orders$$", "drop table orders"),
                Arguments.of("SELECT id FROM other.stuff", "1"),
                Arguments.of("SELECT ROW_NUMBER() OVER (ORDER BY amount DESC) AS rn, id FROM orders WHERE id IN (1, 5) ORDER BY rn", "1|5;2|1"),
                Arguments.of("SELECT EXISTS (SELECT 1 FROM orders WHERE status = 'c')", "TRUE"),
                Arguments.of("SELECT id FROM orders WHERE status = 'a' OR status = 'b' ORDER BY id", "1;2;3;5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void queriesRun(String sql, String expected) throws SQLException {
        try (Connection agent = TestConnections.open(url, Guard.agent())) {
            try (Statement s = agent.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                assertEquals(expected, rows(rs), "Statement.executeQuery " + sql);
            }
            try (Statement s = agent.createStatement()) {
                s.execute(sql);
                try (ResultSet rs = s.getResultSet()) {
                    assertEquals(expected, rows(rs), "Statement.execute " + sql);
                }
            }
            try (PreparedStatement p = agent.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
                assertEquals(expected, rows(rs), "prepareStatement " + sql);
            }
            try (Connection raw = java.sql.DriverManager.getConnection(url.replace("jdbc:governed:", "jdbc:"))) {
                assertEquals(raw.nativeSQL(sql), agent.nativeSQL(sql), "nativeSQL " + sql + ": as the real driver gives it");
            }
        }
    }

    /** Changes: setup SQL run by the service, the agent's statement, its update count, and a check query. */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("UPDATE orders SET status = 'z' WHERE id = 3", 1, "SELECT status FROM orders WHERE id = 3", "z"),
                Arguments.of("DELETE FROM orders WHERE id = 3", 1, "SELECT COUNT(*) FROM orders", "4"),
                Arguments.of("UPDATE orders SET amount = amount + 1 WHERE status = 'a' OR status = 'b'", 4, "SELECT SUM(amount) FROM orders", "154"),
                Arguments.of("DELETE FROM orders WHERE status = 'a' OR status = 'b'", 4, "SELECT id FROM orders", "4"),
                Arguments.of("UPDATE orders SET status = 'drop table orders' WHERE id = 1", 1, "SELECT status FROM orders WHERE id = 1", "drop table orders"),
                Arguments.of("UPDATE orders SET status = '; DELETE FROM orders' WHERE id = 1", 1, "SELECT COUNT(*) FROM orders WHERE status = '; DELETE FROM orders'", "1"),
                Arguments.of("INSERT INTO notes VALUES (3, 'DROP TABLE orders; FILE_READ(''/etc/passwd'')')", 1, "SELECT body FROM notes WHERE id = 3", "DROP TABLE orders; FILE_READ('/etc/passwd')"),
                Arguments.of("INSERT INTO notes(id, body) SELECT id + 10, status FROM orders WHERE id <= 2", 2, "SELECT COUNT(*) FROM notes", "4"),
                Arguments.of("UPDATE flags SET delete_flag = TRUE, updated_at = TIMESTAMP '2026-02-02 00:00:00' WHERE id = 1", 1, "SELECT COUNT(*) FROM flags WHERE delete_flag", "2"),
                Arguments.of("UPDATE flags SET \"drop\" = 'z', token_count = 5 WHERE id = 2", 1, "SELECT \"drop\" || token_count FROM flags WHERE id = 2", "z5"),
                Arguments.of("UPDATE orders SET status = 'q' WHERE id = 1 /* WHERE 1 = 1 */", 1, "SELECT status FROM orders WHERE id = 1", "q"),
                Arguments.of("UPDATE orders o SET status = 'w' WHERE o.id = 2", 1, "SELECT status FROM orders WHERE id = 2", "w"),
                Arguments.of("DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE amount > 35)", 2, "SELECT COUNT(*) FROM orders", "3"),
                Arguments.of("UPDATE orders SET status = 'e' WHERE id = 1 AND 1 = 1", 1, "SELECT status FROM orders WHERE id = 1", "e"),
                Arguments.of("DELETE FROM orders WHERE 1 = 2", 0, "SELECT COUNT(*) FROM orders", "5"),
                Arguments.of("UPDATE line_items SET qty = 9 WHERE order_id = 1 AND line_no = 2", 1, "SELECT qty FROM line_items WHERE order_id = 1 AND line_no = 2", "9"),
                Arguments.of("MERGE INTO orders o USING (SELECT 2 AS k) s ON o.id = s.k WHEN MATCHED THEN UPDATE SET o.status = 'm'", 1, "SELECT status FROM orders WHERE id = 2", "m"),
                Arguments.of("INSERT INTO orders VALUES (6, 'n', 60, 1)", 1, "SELECT COUNT(*) FROM orders", "6"),
                Arguments.of("UPDATE orders SET status = $$it's$$ WHERE id = 4", 1, "SELECT status FROM orders WHERE id = 4", "it's"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void boundedChangesRun(String sql, int count, String check, String expected) throws SQLException {
        String own = TestConnections.newH2Url();
        try (Connection svc = TestConnections.open(own, TestConnections.service());
                Connection agent = TestConnections.open(own, Guard.agent())) {
            Guard.createSchema(svc);
            try (Statement s = svc.createStatement()) {
                s.execute("CREATE TABLE flags(id INT PRIMARY KEY, \"drop\" VARCHAR(10), \"select\" INT, delete_flag BOOLEAN,"
                        + " updated_at TIMESTAMP, token_count INT, \"table\" VARCHAR(10))");
                s.execute("INSERT INTO flags VALUES (1, 'x', 7, FALSE, NULL, 12, 't1'), (2, 'y', 8, TRUE, NULL, 30, 't2')");
            }
            try (Statement s = agent.createStatement()) {
                assertEquals(count, s.executeUpdate(sql), sql);
            }
            assertEquals(expected, String.join(";", Guard.column(svc, check)), sql);
        }
    }

    @Test
    void preparedStatementsWithParametersAndBatches() throws SQLException {
        String own = TestConnections.newH2Url();
        try (Connection svc = TestConnections.open(own, TestConnections.service());
                Connection agent = TestConnections.open(own, Guard.agent())) {
            Guard.createSchema(svc);
            try (PreparedStatement p = agent.prepareStatement("SELECT status FROM orders WHERE id = ?")) {
                p.setInt(1, 4);
                try (ResultSet rs = p.executeQuery()) {
                    assertEquals("c", rows(rs));
                }
            }
            try (PreparedStatement p = agent.prepareStatement("UPDATE orders SET status = ? WHERE id = ?")) {
                for (int id = 1; id <= 3; id++) {
                    p.setString(1, "p" + id);
                    p.setInt(2, id);
                    p.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, p.executeBatch());
            }
            assertEquals(List.of("p1", "p2", "p3", "c", "b"), Guard.column(svc, "SELECT status FROM orders ORDER BY id"));
            try (PreparedStatement p = agent.prepareStatement("DELETE FROM orders WHERE ? = ?")) {
                p.setInt(1, 1);
                p.setInt(2, 2);
                assertEquals(0, p.executeUpdate(), "a bound always-false condition is bounded");
            }
            try (PreparedStatement p = agent.prepareStatement("DELETE FROM orders WHERE id = ? OR id = ?")) {
                p.setInt(1, 4);
                p.setInt(2, 5);
                assertEquals(2, p.executeUpdate());
            }
            try (Statement s = agent.createStatement()) {
                s.addBatch("UPDATE orders SET amount = 1 WHERE id = 1");
                s.addBatch("INSERT INTO notes VALUES (7, 'batch')");
                s.addBatch("DELETE FROM notes WHERE id = 1");
                assertArrayEquals(new int[] {1, 1, 1}, s.executeBatch());
            }
            assertEquals(List.of("2", "7"), Guard.column(svc, "SELECT id FROM notes ORDER BY id"));
            assertEquals(3L, Guard.count(svc, "orders"));
        }
    }

    @Test
    void readingSecretNamedTablesIsAllowedButWritingIsNot() throws SQLException {
        try (Connection agent = TestConnections.open(url, Guard.agent()); Statement s = agent.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, token_count FROM tokenizer_runs WHERE id = 2")) {
                assertEquals("2|250", rows(rs));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM user_tokens")) {
                assertEquals("2", rows(rs));
            }
            try {
                s.executeUpdate("UPDATE tokenizer_runs SET token_count = 1 WHERE id = 1");
                fail("writing tokenizer_runs (named like *token*) must be refused");
            } catch (SQLException e) {
                Guard.assertRefusal(e, "42501", java.util.Set.of("agent-no-secret-tables"), "tokenizer_runs");
            }
            assertEquals(List.of("100"), Guard.column(service, "SELECT token_count FROM tokenizer_runs WHERE id = 1"));
        }
    }

    static String rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            String[] cols = new String[md.getColumnCount()];
            for (int i = 1; i <= cols.length; i++) {
                cols[i - 1] = rs.getString(i);
            }
            rows.add(String.join("|", Arrays.asList(cols)));
        }
        return String.join(";", rows);
    }

    /**
     * Former false positives (H2's keyed upsert, EXPLAIN of a change), now read through an equivalent spelling: the
     * agent runs them; the EXPLAIN plans the DELETE and removes nothing.
     */
    @org.junit.jupiter.api.Test
    void keyedUpsertAndExplainOfAChangeRunForAgents() throws SQLException {
        try (Connection agent = TestConnections.open(url, Guard.agent()); Statement s = agent.createStatement()) {
            s.execute("MERGE INTO notes KEY(id) VALUES (1, 'upserted')");
            s.executeQuery("EXPLAIN DELETE FROM orders WHERE id = 1").close();
        }
        assertEquals(List.of("upserted"), Guard.column(service, "SELECT body FROM notes WHERE id = 1"));
        assertEquals(5L, Guard.count(service, "orders"));
    }
}
