package dev.governance.jdbc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the lexer, the analyzer and the driver with generated and mutated SQL ({@link SqlMutations}). Fixed seeds
 * and the default number of tries (junit-platform.properties) in the default build; the long run raises the tries
 * (docs/testing.md).
 */
class SqlFuzzProperties {

    static final String[] SCHEMA = {
        "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), ssn VARCHAR(20))",
        "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2), status VARCHAR(20), note VARCHAR(200))",
        "CREATE SEQUENCE seq_orders",
        "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', '078-05-1120'), (2, 'Bob', 'bob@example.org', '219-09-9999')",
        "INSERT INTO orders VALUES (1, 1, 10, 'a', 'x'), (2, 1, 20, 'b', 'drop table t'), (3, 2, 30, 'a', 'y'),"
                + " (4, 2, 40, 'c', 'z')"};

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(Duration.ofMillis(500));
    private static String governedUrl;
    private static Connection service;
    private static Connection agent;

    @BeforeContainer
    static void setUp() throws SQLException {
        governedUrl = TestConnections.newH2Url();
        service = TestConnections.open(governedUrl, TestConnections.service());
        try (Statement s = service.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
        }
        agent = TestConnections.open(governedUrl, TestConnections.agent());
    }

    @AfterContainer
    static void tearDown() throws SQLException {
        agent.close();
        service.close();
    }

    @Provide
    Arbitrary<String> sql() {
        return SqlMutations.mutated();
    }

    /** Whatever the text, the analyzer answers, within its bound, for every dialect; problems read as unparseable. */
    @Property(seed = "20261207")
    void theAnalyzerAnswersEveryText(@ForAll("sql") String sql) {
        for (Dialect d : Dialect.values()) {
            // the parser has a 500 ms bound; a hang (an analysis past its bound) fails here
            Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ANALYZER.analyze(sql, d), sql);
            assertNotNull(a.normalizedSql(), sql);
            assertNotNull(a.fingerprint(), sql);
            if (a.unparseable()) {
                assertNotNull(a.parseProblem(), sql);
            }
            a.statements().forEach(s -> assertNotNull(s.type(), sql));
        }
    }

    /** No exception but SQLException leaves a JDBC call: executing and reading any text as an agent. */
    @Property(seed = "20261208")
    void onlySqlExceptionsLeaveTheDriver(@ForAll("sql") String sql) {
        try (Statement s = agent.createStatement()) {
            if (s.execute(sql)) {
                readAll(s.getResultSet());
            }
        } catch (SQLException expected) {
            assertNotNull(expected.getSQLState(), () -> sql + ": " + expected);
        }
        try (java.sql.PreparedStatement p = agent.prepareStatement(sql)) {
            if (p.execute()) {
                readAll(p.getResultSet());
            }
        } catch (SQLException expected) {
            // refused, or the database's own error: either way with a SQLState a client can act on
            assertNotNull(expected.getSQLState(), () -> sql + ": " + expected);
        }
        try {
            agent.nativeSQL(sql);
        } catch (SQLException expected) {
            assertNotNull(expected.getSQLState(), () -> sql + ": " + expected);
        }
    }

    private static void readAll(ResultSet rs) throws SQLException {
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                    rs.getString(i);
                    rs.getBytes(i);
                }
            }
        }
    }

    /**
     * Differential check on H2: a text the analyzer reads as harmless (one statement, a SELECT that writes no table
     * and has no hazard) never changes anything the raw driver would show changed when it runs.
     */
    @Property(seed = "20261209")
    void aStatementReadAsHarmlessChangesNothing(@ForAll("sql") String sql) throws SQLException {
        Analysis a = ANALYZER.analyze(sql, Dialect.H2);
        if (a.unparseable() || a.multiStatement() || a.statements().isEmpty()) {
            return;
        }
        StatementFacts f = a.statements().get(0);
        if (f.type() != StatementType.SELECT || !f.tablesWritten().isEmpty() || !f.hazards().isEmpty()) {
            return;
        }
        String url = "jdbc:h2:mem:fuzz" + UUID.randomUUID().toString().replace("-", "");
        try (Connection raw = DriverManager.getConnection(url + ";DB_CLOSE_DELAY=-1");
             Connection observer = DriverManager.getConnection(url)) {
            try (Statement s = raw.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            String before = snapshot(observer);
            try (Statement s = raw.createStatement()) {
                if (s.execute(sql)) {
                    readAll(s.getResultSet());
                }
            } catch (SQLException databaseError) {
                // the database refused it: fine, as long as nothing changed
            }
            assertEquals(before, snapshot(observer), () -> "read as a harmless SELECT, but it changed the database: " + sql);
            try (Statement s = raw.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private static String snapshot(Connection c) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (String q : new String[] {
            "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES ORDER BY 1, 2",
            "SELECT * FROM customers ORDER BY 1", "SELECT * FROM orders ORDER BY 1",
            "SELECT SEQUENCE_NAME, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES ORDER BY 1",
            "SELECT USER_NAME, IS_ADMIN FROM INFORMATION_SCHEMA.USERS ORDER BY 1",
            "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1",
            "SELECT GRANTEE, RIGHTS, TABLE_NAME FROM INFORMATION_SCHEMA.RIGHTS ORDER BY 1, 2, 3"}) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        b.append(rs.getString(i)).append('|');
                    }
                    b.append('\n');
                }
            } catch (SQLException e) {
                b.append(q).append(" failed: ").append(e.getSQLState()).append('\n'); // a table dropped or renamed
            }
        }
        return b.toString();
    }
}
