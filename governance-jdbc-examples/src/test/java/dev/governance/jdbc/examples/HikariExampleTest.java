package dev.governance.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.examples.pool.HikariExample;
import dev.governance.jdbc.examples.support.ExampleDatabase;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.pool.RequestScopedDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HikariCP configured both ways, on each database; identity never leaks from one borrower to the next. */
class HikariExampleTest {
    @TempDir
    Path dir;

    private static final String[] DATA = {
        "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))",
        "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')",
        "INSERT INTO customers VALUES (2, 'Linus', 'linus@example.org')",
    };

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void dataSourceClassNameWithBeanProperties(String kind) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (ExampleDatabase db = TestDatabases.create(kind)) {
            db.execute(DATA);
            Map<String, String> agent = Map.of("identitySubject", "report-agent", "identityKind", "agent",
                    "identityAllowUnverified", "true", "auditSinks", "jsonl:" + audit, "environment", "production");
            try (HikariDataSource pool = HikariExample.withDataSourceClass(db, agent, 2)) {
                assertAgentGoverned(pool, db);
            }
        }
        assertTrue(Files.readString(audit).contains("\"subject\":\"report-agent\""));
    }

    @Test
    void jdbcUrlWithGovernanceKeysAsDataSourceProperties() throws Exception {
        try (ExampleDatabase db = TestDatabases.create("h2")) {
            db.execute(DATA);
            Map<String, String> agent = Map.of("governance.identity.subject", "report-agent",
                    "governance.identity.kind", "agent", "governance.identity.allow-unverified", "true",
                    "governance.audit.sinks", "otel");
            try (HikariDataSource pool = HikariExample.withJdbcUrl(db, agent, 2)) {
                assertAgentGoverned(pool, db);
            }
        }
    }

    @Test
    void aBadBeanPropertyFailsWithTheKeyNamed() throws Exception {
        try (ExampleDatabase db = TestDatabases.create("h2")) {
            Map<String, String> bad = Map.of("identitySubject", "a", "identityAllowUnverified", "true",
                    "approvalTimeout", "soon");
            RuntimeException e = assertThrows(RuntimeException.class, () -> HikariExample.withDataSourceClass(db, bad, 1));
            assertTrue(String.valueOf(rootCause(e).getMessage()).contains("governance.approval.timeout"), rootCause(e).toString());
        }
    }

    private static void assertAgentGoverned(DataSource pool, ExampleDatabase db) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, name, email FROM customers ORDER BY id")) {
            assertEquals("report-agent", HikariExample.subjectOf(c));
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "ids are never masked");
            assertEquals("Ada", rs.getString(2));
            assertTrue(rs.getString(3).startsWith("<email:"), rs.getString(3));
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            PolicyViolationException e = assertThrows(PolicyViolationException.class,
                    () -> st.executeUpdate("DELETE FROM customers"));
            assertEquals("42501", e.getSQLState());
            assertEquals(List.of("agent-no-unbounded-change"), e.ruleIds());
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM customers")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1), "the connection stays usable, counts are never masked");
            }
        }
        try (Connection raw = db.raw(); Statement st = raw.createStatement();
             ResultSet rs = st.executeQuery("SELECT email FROM customers WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("ada@example.com", rs.getString(1));
        }
    }

    // ---- per-request identity ----------------------------------------------------------------------------------

    private HikariDataSource servicePool(ExampleDatabase db, DevTokens tokens) {
        Map<String, String> settings = new HashMap<>(tokens.settings(tokens.token("svc-pool", IdentityKind.SERVICE)));
        settings.put("governance.audit.sinks", "otel");
        return HikariExample.withJdbcUrl(db, settings, 1); // one physical connection: borrower 2 gets borrower 1's
    }

    /** Borrower 1 scopes an agent identity and a reason and forgets both; borrower 2 runs as the pool itself. */
    private static void borrowerOneForgets(DataSource pool, String agentToken) throws SQLException {
        Connection c = pool.getConnection();
        GovernedConnection governed = c.unwrap(GovernedConnection.class);
        governed.runAs(agentToken); // never closed
        c.setClientInfo("governance.reason", "ticket 42");
        assertEquals("agent-1", governed.identity().subject());
        c.close();
    }

    @Test
    void requestScopedDataSourceEndsAForgottenScope() throws Exception {
        DevTokens tokens = DevTokens.in(dir);
        try (ExampleDatabase db = TestDatabases.create("h2"); HikariDataSource hikari = servicePool(db, tokens)) {
            DataSource pool = RequestScopedDataSource.over(hikari);
            borrowerOneForgets(pool, tokens.token("agent-1", IdentityKind.AGENT));
            try (Connection c = pool.getConnection()) {
                GovernedConnection governed = c.unwrap(GovernedConnection.class);
                assertEquals("svc-pool", governed.identity().subject());
                assertNull(c.getClientInfo("governance.reason"));
                assertSame(governed, c.unwrap(GovernedConnection.class));
            }
        }
    }

    /**
     * A borrower returns the connection through a statement's {@code getConnection().close()} (the pool's own
     * connection): the next borrower still starts clean, and the first borrow's late {@code close()} leaves the
     * second borrower's identity scope alone.
     */
    @Test
    void aBorrowReturnedThroughItsStatementNeitherLeaksNorEndsTheNextBorrow() throws Exception {
        DevTokens tokens = DevTokens.in(dir);
        try (ExampleDatabase db = TestDatabases.create("h2"); HikariDataSource hikari = servicePool(db, tokens)) {
            db.execute(DATA);
            DataSource pool = RequestScopedDataSource.over(hikari);
            Connection first = pool.getConnection();
            first.unwrap(GovernedConnection.class).runAs(tokens.token("agent-1", IdentityKind.AGENT));
            Statement firstStatement = first.createStatement();
            firstStatement.getConnection().close(); // back to the pool, bypassing the borrow
            try (Connection second = pool.getConnection()) {
                GovernedConnection governed = second.unwrap(GovernedConnection.class);
                assertEquals("svc-pool", governed.identity().subject(), "the next borrow starts clean");
                try (GovernedConnection.IdentityScope ignored = governed.runAs(
                        tokens.token("agent-2", IdentityKind.AGENT))) {
                    first.close(); // the first borrower's late close
                    assertTrue(first.isClosed());
                    assertEquals("agent-2", governed.identity().subject(),
                            "the first borrow's close must not end the second borrow's scope");
                    try (Statement st = second.createStatement();
                         ResultSet rs = st.executeQuery("SELECT email FROM customers WHERE id = 1")) {
                        assertTrue(rs.next());
                        assertTrue(rs.getString(1).startsWith("<email:"), "still masked as agent-2: " + rs.getString(1));
                    }
                }
            }
        }
    }

    @Test
    void perBorrowerTokensScopeEachBorrow() throws Exception {
        DevTokens tokens = DevTokens.in(dir);
        AtomicReference<String> current = new AtomicReference<>();
        try (ExampleDatabase db = TestDatabases.create("h2"); HikariDataSource hikari = servicePool(db, tokens)) {
            db.execute(DATA);
            DataSource pool = RequestScopedDataSource.perBorrower(hikari, current::get);
            current.set(tokens.token("agent-1", IdentityKind.AGENT));
            try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT email FROM customers WHERE id = 1")) {
                assertEquals("agent-1", HikariExample.subjectOf(c));
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("<email:"), "the agent's borrow is masked");
            }
            current.set(null);
            try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT email FROM customers WHERE id = 1")) {
                assertEquals("svc-pool", HikariExample.subjectOf(c));
                assertTrue(rs.next());
                assertEquals("ada@example.com", rs.getString(1), "the service sees real values");
            }
        }
    }

    @Test
    void hikariWithRequestBoundariesEndsAForgottenScope() throws Exception {
        DevTokens tokens = DevTokens.in(dir);
        String key = "com.zaxxer.hikari.enableRequestBoundaries";
        System.setProperty(key, "true"); // read when the pool is built
        HikariDataSource hikari;
        ExampleDatabase db = TestDatabases.create("h2");
        try {
            hikari = servicePool(db, tokens);
        } finally {
            System.clearProperty(key);
        }
        try (db; hikari) {
            borrowerOneForgets(hikari, tokens.token("agent-1", IdentityKind.AGENT));
            try (Connection c = hikari.getConnection()) {
                assertEquals("svc-pool", HikariExample.subjectOf(c));
                assertNull(c.getClientInfo("governance.reason"));
            }
        }
    }

    /** Control: a pool that neither wraps borrows nor calls endRequest hands the forgotten scope on. */
    @Test
    void plainHikariWithoutRequestBoundariesLeaks() throws Exception {
        DevTokens tokens = DevTokens.in(dir);
        try (ExampleDatabase db = TestDatabases.create("h2"); HikariDataSource hikari = servicePool(db, tokens)) {
            borrowerOneForgets(hikari, tokens.token("agent-1", IdentityKind.AGENT));
            try (Connection c = hikari.getConnection()) {
                assertEquals("agent-1", HikariExample.subjectOf(c), "why the docs ask for one of the two ways");
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }
}
