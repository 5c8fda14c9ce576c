package dev.governance.jdbc.maskingattacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.masking.LeakAssertions;
import dev.governance.jdbc.testing.TestConnections;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract 4.4 {@code masking.predicates: deny}: a masked identity's statement that filters, joins, groups or orders
 * on a sensitive column other than by plain equality is refused (42501) before it reaches the database; plain
 * equality runs; unmasked identities are not affected; with the baseline ({@code allow}) the same statements run.
 */
class MaskingPredicatesTest {

    static H2Fixture db;
    static Connection agent;
    static Connection human;
    static Connection piiReader;
    static Connection service;
    static Connection baselineAgent;

    static String policy() {
        try {
            return Path.of(MaskingPredicatesTest.class.getResource("/maskingattacks/predicates-deny.yaml").toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties with(Properties p) {
        p.setProperty("governance.policy", policy());
        return p;
    }

    @BeforeAll
    static void setUp() throws SQLException {
        db = new H2Fixture();
        agent = db.open(with(TestConnections.agent()));
        human = db.open(with(TestConnections.as("alice", "human", "support")));
        piiReader = db.open(with(TestConnections.as("reviewer", "human", "pii-reader")));
        service = db.open(with(TestConnections.service()));
        baselineAgent = db.open(TestConnections.agent());
    }

    @AfterAll
    static void tearDown() throws SQLException {
        for (Connection c : List.of(agent, human, piiReader, service, baselineAgent)) {
            c.close();
        }
        db.service.close();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "SELECT id FROM customers WHERE email LIKE 'a%'",
        "SELECT id FROM customers WHERE email NOT LIKE 'a%'",
        "SELECT id FROM customers ORDER BY email",
        "SELECT id FROM customers ORDER BY email DESC LIMIT 1",
        "SELECT COUNT(*) FROM customers GROUP BY ssn",
        "SELECT a.id FROM customers a JOIN orders b ON LOWER(a.email) = b.note",
        "SELECT id FROM customers WHERE email > 'b'",
        "SELECT id FROM customers WHERE email < 'b' AND id > 0",
        "SELECT id FROM customers WHERE card_number BETWEEN '4' AND '5'",
        "SELECT id FROM customers WHERE SUBSTRING(ssn, 1, 3) = '078'",
        "SELECT id FROM customers WHERE POSITION('@' IN email) > 5",
        "SELECT id FROM customers WHERE UPPER(email) LIKE 'A%'",
        "SELECT id FROM customers WHERE REGEXP_LIKE(email, '^a')",
        "SELECT id FROM customers WHERE id IN (SELECT id FROM customers WHERE email LIKE 'a%')",
        "SELECT id FROM customers c WHERE EXISTS (SELECT 1 FROM customers d WHERE d.id = c.id AND d.ssn LIKE '0%')",
        "SELECT id FROM customers WHERE CASE WHEN email LIKE 'a%' THEN 1 ELSE 0 END = 1",
        "SELECT MAX(id) FROM customers GROUP BY SUBSTRING(email, 1, 1)",
        "SELECT COUNT(*) FROM customers HAVING MAX(email) LIKE 'a%'",
        "SELECT id FROM (SELECT id, email AS e FROM customers) t WHERE t.e LIKE 'a%'",
        "WITH t AS (SELECT id, phone AS p FROM customers) SELECT id FROM t WHERE p LIKE '+1%'",
        "SELECT id FROM customers WHERE email <> 'alice.smith@example.com' ORDER BY card_number",
        "SELECT o.id FROM orders o JOIN customers c ON c.card_number > o.note",
    })
    void inferenceThroughPredicatesOnSensitiveColumnsIsRefused(String sql) throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> run(agent, sql), sql);
        assertEquals("42501", e.getSQLState(), e.toString());
        SQLException h = assertThrows(SQLException.class, () -> run(human, sql), sql);
        assertEquals("42501", h.getSQLState(), h.toString());
        // the refusal doesn't quote values, and the connection stays usable
        LeakAssertions.assertNoLeak(String.valueOf(e.getMessage()), "alice.smith@example.com");
        assertEquals(3, count(agent, "SELECT id FROM customers"));
        // unmasked identities and the baseline (predicates: allow) run it
        run(service, sql);
        run(piiReader, sql);
        run(baselineAgent, sql);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "SELECT id FROM customers WHERE email = 'alice.smith@example.com'",
        "SELECT id, email FROM customers WHERE ssn = '078-05-1120'",
        "SELECT id FROM customers WHERE 'bob.jones@example.org' = email",
        "SELECT id, email, ssn FROM customers",
        "SELECT id FROM customers WHERE name LIKE 'A%' ORDER BY name",
        "SELECT COUNT(*), status FROM orders GROUP BY status ORDER BY status",
        "SELECT id FROM customers ORDER BY id",
    })
    void plainEqualityAndInnocentPredicatesRun(String sql) throws SQLException {
        run(agent, sql);
    }

    @Test
    void parameterisedEqualityRunsAndAnswersTheRightRow() throws SQLException {
        try (PreparedStatement ps = agent.prepareStatement("SELECT id, email FROM customers WHERE email = ?")) {
            ps.setString(1, "bob.jones@example.org");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                LeakAssertions.assertNoLeak(rs.getString(2), "bob.jones@example.org");
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void parameterisedLikeIsRefused() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (PreparedStatement ps = agent.prepareStatement("SELECT id FROM customers WHERE email LIKE ?")) {
                ps.setString(1, "a%");
                ps.executeQuery().close();
            }
        });
        assertEquals("42501", e.getSQLState());
    }

    @org.junit.jupiter.api.DisplayName("LEAK: SELECT id, ROW_NUMBER() OVER (ORDER BY email) FROM customers runs under predicates: deny and"
            + " reveals the emails' sort order (window ORDER BY / PARTITION BY not collected as predicates by LineageWalker)")
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "SELECT id, ROW_NUMBER() OVER (ORDER BY email) FROM customers",
        "SELECT id, RANK() OVER (ORDER BY ssn DESC) FROM customers",
        "SELECT id, COUNT(*) OVER (PARTITION BY SUBSTRING(email, 1, 1)) FROM customers",
    })
    void windowOrderingOnSensitiveColumnsIsRefused(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> run(agent, sql), sql);
        assertEquals("42501", e.getSQLState());
    }

    @Test
    void plainEqualityJoinOnASensitiveColumnRuns() throws SQLException {
        assertEquals(3, count(agent, "SELECT c.id FROM customers c JOIN customers d ON c.email = d.email"));
    }

    /** Length of a sensitive value through equality on a function of it: the same inference as LIKE. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "SELECT id FROM customers WHERE LENGTH(email) = 23",
        "SELECT id FROM customers WHERE SUBSTRING(email, 1, 1) = 'a'",
    })
    void equalityOnAFunctionOfASensitiveColumnIsRefused(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> run(agent, sql), sql);
        assertEquals("42501", e.getSQLState());
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        int n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }
}
