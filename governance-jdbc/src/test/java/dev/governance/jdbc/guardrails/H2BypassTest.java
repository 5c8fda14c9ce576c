package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks found while writing the suite that once got through (agent, baseline policy, H2). Each test was the
 * acceptance test for its fix; all of them run in the build and hold.
 */
class H2BypassTest {

    static void everyEntryPoint(String sql, Set<String> rules) throws Exception {
        BaselineAttackTest.Attack attack = new BaselineAttackTest.Attack(sql, sql, "42501", rules, List.of());
        String url = TestConnections.newH2Url();
        try (Connection service = TestConnections.open(url, TestConnections.service());
                Connection agent = TestConnections.open(url, Guard.agent())) {
            Guard.createSchema(service);
            List<Executable> checks = new ArrayList<>();
            int row = 2000;
            for (EntryPoint entry : EntryPoint.values()) {
                int marker = row++;
                checks.add(() -> BaselineAttackTest.attackThrough(service, agent, entry, attack, marker));
            }
            assertAll(sql, checks);
        }
    }

    /** WHERE clauses that are true for every row of orders (id is a NOT NULL primary key) but are let through. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "DELETE FROM orders WHERE 'abc' REGEXP 'a'",
        "DELETE FROM orders WHERE CASE WHEN id = 1 THEN TRUE ELSE TRUE END",
        "DELETE FROM orders WHERE COALESCE(id, 1) = COALESCE(id, 1)",
        "DELETE FROM orders WHERE id = 1 OR NOT id = 1",
        "DELETE FROM orders WHERE id = 1 OR id <> 1",
        "UPDATE orders SET status = 'x' WHERE id = id + 0",
    })
    void alwaysTrueConditionsTheEvaluatorMisses(String sql) throws Exception {
        everyEntryPoint(sql, Set.of("agent-no-unbounded-change"));
    }

    /** Conditions that hold for every row because of the schema (NOT NULL primary key). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "DELETE FROM orders WHERE id IS NOT NULL",
        "DELETE FROM orders WHERE 1 = 1 AND id IS NOT NULL",
    })
    void schemaTautologies(String sql) throws Exception {
        everyEntryPoint(sql, Set.of("agent-no-unbounded-change"));
    }

    /** IS NOT NULL on a column that may be NULL restricts rows: purging soft-deleted rows stays allowed. */
    @Test
    void notNullOnANullableColumnStillRestricts() throws Exception {
        String url = TestConnections.newH2Url();
        try (java.sql.Connection service = TestConnections.open(url, TestConnections.service());
             java.sql.Statement s = service.createStatement()) {
            s.execute("CREATE TABLE items(id INT PRIMARY KEY, deleted_at TIMESTAMP)");
            s.execute("INSERT INTO items VALUES (1, NULL), (2, CURRENT_TIMESTAMP)");
            try (java.sql.Connection agent = TestConnections.open(url, Guard.agent());
                 java.sql.Statement a = agent.createStatement()) {
                org.junit.jupiter.api.Assertions.assertEquals(1, a.executeUpdate("DELETE FROM items WHERE deleted_at IS NOT NULL"));
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> a.executeUpdate("DELETE FROM items WHERE id IS NOT NULL"));
                org.junit.jupiter.api.Assertions.assertTrue(refused.getMessage().contains("agent-no-unbounded-change"));
            }
        }
    }

    /** A subquery over the changed table itself, with nothing filtering it: every row (but NULL keys). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "DELETE FROM orders WHERE id IN (SELECT id FROM orders)",
        "UPDATE orders SET status = 'x' WHERE id = 1 OR id IN (SELECT DISTINCT o.id FROM orders o)",
    })
    void selfSubqueriesAreUnbounded(String sql) throws Exception {
        everyEntryPoint(sql, Set.of("agent-no-unbounded-change"));
    }

    /** Database-wide H2 settings and class loading through SET: "administer the server" for agents. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SET REFERENTIAL_INTEGRITY FALSE",
        "SET ALLOW_LITERALS NONE",
        "SET DATABASE_EVENT_LISTENER 'org.h2.tools.Server'",
        "SET BUILTIN_ALIAS_OVERRIDE TRUE",
        "SET WRITE_DELAY 100000",
        "SET MAX_MEMORY_ROWS 1",
        "SET RETENTION_TIME 0",
        "SET CACHE_SIZE 1",
    })
    void databaseWideSettingsAreRefused(String sql) throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection service = TestConnections.open(url, TestConnections.service());
                Connection agent = TestConnections.open(url, Guard.agent())) {
            Guard.createSchema(service);
            SQLException thrown = null;
            try (Statement s = agent.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                thrown = e;
            }
            Guard.assertRefusal(thrown, "42501", Set.of("agent-no-dangerous-commands"), sql);
            Guard.assertUsable(agent, true, sql);
        }
    }

    @Test
    void exclusiveModeIsRefused() throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection service = TestConnections.open(url, TestConnections.service());
                Connection agent = TestConnections.open(url, Guard.agent())) {
            Guard.createSchema(service);
            SQLException thrown = null;
            boolean ran = false;
            try (Statement s = agent.createStatement()) {
                s.execute("SET EXCLUSIVE 1");
                ran = true;
            } catch (SQLException e) {
                thrown = e;
            } finally {
                if (ran) {
                    try (Statement s = agent.createStatement()) {
                        s.execute("SET EXCLUSIVE 0");
                    }
                }
            }
            assertTrue(!ran, "SET EXCLUSIVE 1 ran: every other session was locked out");
            Guard.assertRefusal(thrown, "42501", Set.of("agent-no-dangerous-commands"), "SET EXCLUSIVE");
        }
    }

    /** The snapshot every refusal check compares can fail on a password or a setting change. */
    @Test
    void theSnapshotSeesPasswordAndSettingChanges() throws Exception {
        try (Connection service = TestConnections.open(TestConnections.newH2Url(), TestConnections.service())) {
            Guard.createSchema(service);
            String user = Guard.column(service, "SELECT CURRENT_USER").get(0);
            String before = Guard.snapshot(service);
            assertTrue(before.contains("CREATE USER"), "users are in the snapshot");
            try (Statement s = service.createStatement()) {
                s.execute("ALTER USER \"" + user + "\" SET PASSWORD 'changed'");
            }
            String afterPassword = Guard.snapshot(service);
            org.junit.jupiter.api.Assertions.assertNotEquals(before, afterPassword, "a password change shows");
            try (Statement s = service.createStatement()) {
                s.execute("SET MAX_MEMORY_ROWS 12345");
            }
            org.junit.jupiter.api.Assertions.assertNotEquals(afterPassword, Guard.snapshot(service), "a setting change shows");
        }
    }

    @Test
    void endingOtherSessionsIsRefused() throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection service = TestConnections.open(url, TestConnections.service());
                Connection agent = TestConnections.open(url, Guard.agent())) {
            Guard.createSchema(service);
            String victim = Guard.column(service, "SELECT SESSION_ID()").get(0);
            for (String sql : List.of("SELECT CANCEL_SESSION(" + victim + ")", "CALL ABORT_SESSION(" + victim + ")")) {
                SQLException thrown = null;
                try (Statement s = agent.createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    thrown = e;
                }
                assertTrue(service.isValid(2), sql + ": the other session was ended");
                Guard.assertRefusal(thrown, "42501", Set.of("agent-no-dangerous-functions", "agent-no-dangerous-commands"), sql);
            }
            assertEquals(5L, Guard.count(service, "orders"));
        }
    }

    /** A unicode-escaped identifier (U&"\\0046ILE_READ" is FILE_READ) hides a dangerous function from the analyzer. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT U&\"\\0046ILE_READ\"('${DIR}/secret.txt')",
        "SELECT U&\"\\0046ILE_READ\"('${DIR}/secret.txt', NULL) FROM orders WHERE id = 1",
        "SELECT U&\"\\0043SVWRITE\"('${DIR}/unicode.csv', 'SELECT * FROM api_keys')",
    })
    void unicodeEscapedFunctionNames(String sql) throws Exception {
        everyEntryPoint(Guard.sql(sql), Set.of("agent-no-dangerous-commands", "agent-no-dangerous-functions", "agent-no-unparseable"));
    }

    /** A row-independent disjunct (no column of the target) that is true makes the whole WHERE true. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "DELETE FROM orders WHERE id = 1 OR LENGTH('') = 0",
        "DELETE FROM orders WHERE id = 1 OR 1 = (SELECT 1)",
        "DELETE FROM orders WHERE id = 1 OR 1 IN (SELECT 1)",
        "DELETE FROM orders WHERE id = 1 OR EXISTS (SELECT 1 FROM customers)",
        "DELETE FROM orders WHERE id = 1 OR (SELECT COUNT(*) FROM customers) > 0",
        "DELETE FROM orders WHERE id = 1 OR CURRENT_USER IS NOT NULL",
        "DELETE FROM orders WHERE id = 1 OR RAND() >= 0",
        "DELETE FROM orders WHERE id = 1 OR UUID() IS NOT NULL",
        "DELETE FROM orders WHERE id = 1 OR LOCALTIMESTAMP > TIMESTAMP '2000-01-01 00:00:00'",
        "DELETE FROM orders WHERE id = 1 OR 1_000 = 1000",
        "DELETE FROM orders WHERE id = 1 OR NULLIF(1, 2) = 1",
        "DELETE FROM orders WHERE id = 1 OR GREATEST(1, 2) = 2",
        "DELETE FROM orders WHERE id = 1 OR 1 IS NOT DISTINCT FROM 1",
        "DELETE FROM orders WHERE id = 1 OR 1 = SOME (VALUES 1)",
        "DELETE FROM orders WHERE id = 1 OR 1 = ALL (SELECT 1)",
        "DELETE FROM orders WHERE id = 1 OR JSON_OBJECT() IS NOT NULL",
        "DELETE FROM orders WHERE id = 1 OR CASE 1 WHEN 1 THEN TRUE END",
        "DELETE FROM orders WHERE id = 1 OR DECODE(1, 1, TRUE, FALSE)",
        "DELETE FROM orders WHERE id = 1 OR (1, 2) IN ((1, 2))",
        "DELETE FROM orders WHERE id = 1 OR ROW (1, 2) = ROW (1, 2)",
        "DELETE FROM orders WHERE id = 1 OR ARRAY_CONTAINS(ARRAY[1], 1)",
        "DELETE FROM orders WHERE id = 1 OR 1 = ANY(ARRAY[1])",
        "DELETE FROM orders WHERE id = 1 OR REGEXP_LIKE('a', 'a')",
        "DELETE FROM orders WHERE id = 1 OR @x IS NULL",
        "DELETE FROM orders WHERE (id, 1) = (id, 1)",
        "UPDATE orders SET status = 'x' WHERE status = 'zzz' OR LENGTH('') = 0",
    })
    void rowIndependentDisjuncts(String sql) throws Exception {
        everyEntryPoint(sql, Set.of("agent-no-unbounded-change"));
    }
}
