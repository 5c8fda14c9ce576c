package dev.governance.jdbc.maskingattacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5 acceptance: an agent (baseline policy) tries to get sensitive values out of H2 through every SQL
 * construct and every getter. Each query's every cell is read through every getter by index and by label; no
 * output (nor a getter's error message) may hold a sensitive value, a 6-character piece of one, or its hex,
 * base64 or reversed form. A query refused with 42501 is not a leak.
 */
class MaskingAttackTest {

    /** Queries that must not leak. */
    static final List<String> QUERIES = List.of(
            // ---- plain, aliases, quoting
            "SELECT email FROM customers",
            "SELECT email, ssn, phone, card_number FROM customers",
            "SELECT email AS status FROM customers",
            "SELECT ssn AS id, card_number AS total FROM customers",
            "SELECT c.email AS \"order 42\" FROM customers c",
            "SELECT \"EMAIL\" FROM \"CUSTOMERS\"",
            "SELECT PUBLIC.CUSTOMERS.EMAIL FROM PUBLIC.CUSTOMERS",
            "SELECT EmAiL FROM CuStOmErS",
            "SELECT /* id */ email -- just the id\n FROM customers",
            "SELECT DISTINCT ssn FROM customers",
            "SELECT email FROM customers GROUP BY email HAVING COUNT(*) > 0",
            // ---- star
            "SELECT * FROM customers",
            "SELECT c.* FROM customers c",
            "SELECT *, email AS x FROM customers",
            "TABLE customers",
            "SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id",
            "SELECT o.*, c.* FROM orders o JOIN customers c ON c.id = o.customer_id",
            "SELECT c.*, o.* FROM orders o JOIN customers c ON c.id = o.customer_id",
            "SELECT o.*, c.email FROM orders o LEFT JOIN customers c ON c.id = o.customer_id",
            "SELECT * FROM orders o RIGHT JOIN customers c ON c.id = o.customer_id",
            "SELECT * FROM orders o CROSS JOIN customers c",
            "SELECT * FROM customers JOIN orders USING (id)",
            "SELECT * FROM (VALUES (1), (2)) AS v(a) JOIN customers c ON c.id = v.a",
            // ---- derived tables and column alias lists
            "SELECT * FROM (SELECT * FROM customers) t",
            "SELECT t.x FROM (SELECT email AS x FROM customers) t",
            "SELECT x FROM (SELECT email FROM customers) AS t(x)",
            "SELECT a FROM (SELECT email, id FROM customers) AS t(a, b)",
            "SELECT b FROM (SELECT id, ssn FROM customers) AS t(a, b)",
            "SELECT t.* FROM (SELECT id, card_number FROM customers) AS t(id, total)",
            "SELECT name FROM (SELECT id, email AS name FROM customers) t",
            "SELECT * FROM (SELECT * FROM (SELECT id, email AS e FROM customers) a) b",
            "SELECT q.status FROM (SELECT o.id, c.phone AS status FROM orders o JOIN customers c"
                    + " ON c.id = o.customer_id) q",
            // ---- CTEs
            "WITH t AS (SELECT email FROM customers) SELECT * FROM t",
            "WITH t(x) AS (SELECT email FROM customers) SELECT x FROM t",
            "WITH t(id, name) AS (SELECT id, email FROM customers) SELECT name FROM t",
            "WITH a AS (SELECT id, ssn AS s FROM customers), b AS (SELECT s AS status FROM a) SELECT status FROM b",
            "WITH t AS (SELECT * FROM customers) SELECT t.card_number FROM t",
            "WITH RECURSIVE r(n, e) AS (SELECT 1, email FROM customers WHERE id = 1 UNION ALL"
                    + " SELECT n + 1, e FROM r WHERE n < 3) SELECT e FROM r",
            "WITH RECURSIVE r(n, e) AS (SELECT 1, CAST('x' AS VARCHAR(200)) UNION ALL"
                    + " SELECT n + 1, (SELECT email FROM customers WHERE id = n) FROM r WHERE n < 3) SELECT e FROM r",
            // ---- set operations (sensitive in the 2nd branch)
            "SELECT name FROM customers UNION SELECT email FROM customers",
            "SELECT name FROM customers UNION ALL SELECT ssn FROM customers",
            "SELECT 'x' AS status FROM customers WHERE 1 = 0 UNION ALL SELECT card_number FROM customers",
            "SELECT status FROM orders UNION SELECT phone FROM customers",
            "SELECT id, status FROM orders UNION ALL SELECT id, email FROM customers",
            "SELECT email FROM customers INTERSECT SELECT email FROM customers",
            "SELECT ssn FROM customers EXCEPT SELECT name FROM customers",
            "SELECT name FROM customers EXCEPT SELECT status FROM orders UNION SELECT email FROM customers",
            "SELECT * FROM (SELECT status FROM orders UNION ALL SELECT email FROM customers) u",
            "(SELECT status FROM orders) UNION (SELECT card_number FROM customers)",
            // ---- scalar subqueries
            "SELECT id, (SELECT email FROM customers c2 WHERE c2.id = c.id) AS x FROM customers c",
            "SELECT (SELECT MAX(email) FROM customers) AS x",
            "SELECT o.id, (SELECT c.ssn FROM customers c WHERE c.id = o.customer_id) AS status FROM orders o",
            "SELECT (SELECT email FROM customers WHERE id = 1) || (SELECT ssn FROM customers WHERE id = 1) AS s",
            "SELECT COALESCE((SELECT card_number FROM customers WHERE id = o.customer_id), 'x') FROM orders o",
            // ---- expressions and functions
            "SELECT LOWER(email) FROM customers",
            "SELECT UPPER(email) FROM customers",
            "SELECT CONCAT(email, '') FROM customers",
            "SELECT CONCAT('x', ssn, 'y') AS status FROM customers",
            "SELECT email || '' AS e FROM customers",
            "SELECT name || ' ' || phone AS label FROM customers",
            "SELECT SUBSTRING(email, 2) FROM customers",
            "SELECT SUBSTRING(email FROM 1 FOR 12) FROM customers",
            "SELECT SUBSTRING(card_number, 3, 10) FROM customers",
            "SELECT LEFT(email, 8), RIGHT(card_number, 12) FROM customers",
            "SELECT REPLACE(email, '@', ' at ') FROM customers",
            "SELECT REPLACE(ssn, '-', '') FROM customers",
            "SELECT REPLACE(REPLACE(phone, '+', ''), '4', '4') FROM customers",
            "SELECT TRANSLATE(email, '@.', '#,') FROM customers",
            "SELECT REGEXP_REPLACE(email, '(.)', '$1 ') FROM customers",
            "SELECT TRIM(email), LTRIM(' ' || ssn), RTRIM(phone || ' ') FROM customers",
            "SELECT LPAD(card_number, 30, '0'), RPAD(email, 40, '.') FROM customers",
            "SELECT REPEAT(ssn, 2) FROM customers",
            "SELECT INSERT(email, 1, 0, 'x') FROM customers",
            "SELECT COALESCE(email, name) FROM customers",
            "SELECT COALESCE(NULL, ssn) AS x FROM customers",
            "SELECT NULLIF(email, 'x') FROM customers",
            "SELECT CASE WHEN id > 0 THEN email ELSE 'none' END AS status FROM customers",
            "SELECT CASE id WHEN 1 THEN card_number ELSE phone END FROM customers",
            "SELECT GREATEST(email, name), LEAST(ssn, 'zzz') FROM customers",
            "SELECT CAST(email AS VARCHAR(100)) FROM customers",
            "SELECT CAST(email AS CHAR(60)) FROM customers",
            "SELECT CAST(email AS VARBINARY) FROM customers",
            "SELECT CAST(ssn AS BINARY VARYING(50)) AS b FROM customers",
            "SELECT CAST(email AS CLOB) FROM customers",
            "SELECT CAST(card_number AS BIGINT) FROM customers",
            "SELECT CAST(card_number AS DECIMAL(20, 0)) + 0 FROM customers",
            "SELECT CAST(card_number AS DOUBLE PRECISION) FROM customers",
            "SELECT CAST(REPLACE(ssn, '-', '') AS INT) AS n FROM customers",
            "SELECT CAST(CAST(email AS VARBINARY) AS VARCHAR) FROM customers",
            "SELECT CAST(email AS JSON) FROM customers",
            "SELECT RAWTOHEX(email) FROM customers",
            "SELECT RAWTOHEX(ssn) AS status FROM customers",
            "SELECT STRINGTOUTF8(email) FROM customers",
            "SELECT UTF8TOSTRING(STRINGTOUTF8(email)) FROM customers",
            "SELECT STRINGENCODE(email) FROM customers",
            "SELECT HEXTORAW(RAWTOHEX(phone)) FROM customers",
            "SELECT TO_CHAR(CAST(card_number AS BIGINT)) FROM customers",
            "SELECT TO_CHAR(CAST(card_number AS DECIMAL(20, 0)), '99999999999999999999') FROM customers",
            "SELECT ASCII(email), CHAR_LENGTH(email), POSITION('@' IN email) FROM customers",
            "SELECT SOUNDEX(email), HASH('SHA-256', email) FROM customers",
            // ---- aggregates
            "SELECT MAX(email), MIN(ssn) FROM customers",
            "SELECT MIN(card_number) AS total FROM customers",
            "SELECT ANY_VALUE(email) FROM customers",
            "SELECT LISTAGG(email, ',') WITHIN GROUP (ORDER BY id) FROM customers",
            "SELECT LISTAGG(ssn, ';') AS statuses FROM customers",
            "SELECT GROUP_CONCAT(email SEPARATOR ',') FROM customers",
            "SELECT STRING_AGG(phone, ',') FROM customers",
            "SELECT ARRAY_AGG(email) FROM customers",
            "SELECT ARRAY_AGG(card_number ORDER BY id) AS ids FROM customers",
            "SELECT COUNT(DISTINCT email), COUNT(*) FROM customers",
            "SELECT MODE() WITHIN GROUP (ORDER BY email) FROM customers",
            "SELECT customer_id, MAX(c.email) FROM orders o JOIN customers c ON c.id = o.customer_id"
                    + " GROUP BY customer_id",
            // ---- arrays
            "SELECT ARRAY[email, name] FROM customers",
            "SELECT ARRAY[id, 0] AS a, ARRAY[ssn] AS b FROM customers",
            "SELECT (ARRAY[email, name])[1] FROM customers",
            "SELECT CAST(ARRAY[email, phone] AS VARCHAR) FROM customers",
            "SELECT ARRAY_SLICE(ARRAY[email, ssn], 1, 1) FROM customers",
            "SELECT CARDINALITY(ARRAY[email]), ARRAY_CONTAINS(ARRAY[email], 'x') FROM customers",
            // ---- JSON
            "SELECT JSON_OBJECT('e': email) FROM customers",
            "SELECT JSON_OBJECT(KEY 'status' VALUE ssn) AS status FROM customers",
            "SELECT JSON_ARRAY(email, card_number) FROM customers",
            "SELECT JSON_ARRAYAGG(email) FROM customers",
            "SELECT JSON_OBJECTAGG(name: phone) FROM customers",
            "SELECT CAST(JSON_OBJECT('e': email) AS VARCHAR) FROM customers",
            // ---- whole-row values
            "SELECT ROW(email, ssn) FROM customers",
            "SELECT (email, card_number) AS r FROM customers",
            "SELECT CAST(ROW(email, id) AS VARCHAR) FROM customers",
            "SELECT CAST((id, phone) AS VARCHAR) AS t FROM customers",
            "SELECT JSON_OBJECT('r': ARRAY[email, ssn]) FROM customers",
            // ---- window functions
            "SELECT FIRST_VALUE(email) OVER (ORDER BY id) FROM customers",
            "SELECT id, LAG(ssn) OVER (ORDER BY id) AS prev FROM customers",
            "SELECT LEAD(card_number, 1, 'x') OVER (ORDER BY id) FROM customers",
            "SELECT MAX(email) OVER (PARTITION BY id) AS m FROM customers",
            "SELECT NTH_VALUE(phone, 2) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
                    + " FROM customers",
            "SELECT LISTAGG(email, ',') WITHIN GROUP (ORDER BY id) OVER () FROM customers",
            // ---- views created by the service
            "SELECT * FROM v_emails",
            "SELECT email FROM v_emails",
            "SELECT contact, ref_code FROM v_renamed",
            "SELECT * FROM v_renamed",
            "SELECT u FROM v_upper",
            "SELECT h FROM v_hex",
            "SELECT d FROM v_digits",
            "SELECT reference FROM v_join",
            "SELECT v.contact FROM v_renamed v JOIN orders o ON o.customer_id = v.id",
            // ---- ORDER BY / LIMIT / paging
            "SELECT email FROM customers ORDER BY 1 LIMIT 1",
            "SELECT email FROM customers FETCH FIRST 2 ROWS ONLY",
            "SELECT * FROM customers ORDER BY email DESC OFFSET 1 ROWS",
            "SELECT id, ssn FROM customers ORDER BY ssn LIMIT 1 OFFSET 1",
            "SELECT TOP 1 card_number FROM customers",
            // ---- correlated derived values (H2 has no LATERAL)
            "SELECT c.id, (SELECT c.email FROM orders o WHERE o.id = 10) AS x FROM customers c",
            "SELECT c.id, (SELECT c.ssn || o.status FROM orders o WHERE o.customer_id = c.id LIMIT 1) FROM customers c",
            // ---- sensitive values copied into innocent columns
            "SELECT note FROM orders",
            "SELECT * FROM orders",
            "SELECT notes FROM customers",
            "SELECT UPPER(note) FROM orders",
            "SELECT SUBSTRING(note, 13) FROM orders WHERE id = 11",
            "SELECT SUBSTRING(notes, 21, 16) AS ref FROM customers WHERE id = 1",
            "SELECT LISTAGG(note, ' | ') WITHIN GROUP (ORDER BY id) FROM orders",
            "SELECT ARRAY_AGG(note) FROM orders",
            "SELECT ARRAY[note, status] FROM orders",
            "SELECT JSON_OBJECT('n': note) FROM orders",
            "SELECT JSON_ARRAY(notes) FROM customers",
            "SELECT CAST(note AS CLOB) FROM orders",
            "SELECT CAST(note AS VARBINARY) FROM orders",
            "SELECT STRINGTOUTF8(notes) FROM customers",
            "SELECT RAWTOHEX(note) FROM orders",
            "SELECT REPLACE(note, '@', ' at ') FROM orders",
            "SELECT SUBSTRING(note, 13, 8) || '|' || SUBSTRING(note, 21) FROM orders WHERE id = 11",
            "SELECT CAST(SUBSTRING(note, 11) AS BIGINT) AS n FROM orders WHERE id = 12",
            "SELECT CAST(SUBSTRING(notes, 21, 16) AS DECIMAL(20, 0)) AS n FROM customers WHERE id = 1",
            "SELECT ROW(id, note) FROM orders",
            "SELECT REGEXP_REPLACE(note, '(.)', '$1 ') FROM orders",
            // ---- parser and dialect tricks
            "SELECT U&\"\\0045MAIL\" FROM customers",
            "SELECT email/**/FROM customers",
            "SELECT\"EMAIL\"FROM\"CUSTOMERS\"",
            "SELECT e.\"x.y\" FROM (SELECT email AS \"x.y\" FROM customers) e",
            "SELECT \"email\" FROM (SELECT ssn AS \"email\", email AS \"id\" FROM customers) t",
            "SELECT t.\"id\" FROM (SELECT ssn AS \"email\", email AS \"id\" FROM customers) t",
            "CALL (SELECT email FROM customers WHERE id = 1)",
            "VALUES ((SELECT ssn FROM customers WHERE id = 1))",
            "SELECT * FROM UNNEST((SELECT ARRAY_AGG(email) FROM customers))",
            "SELECT * FROM TABLE(x VARCHAR = (SELECT ARRAY_AGG(card_number) FROM customers))",
            "SELECT email FROM customers FOR UPDATE",
            "SELECT email FROM FINAL TABLE (UPDATE customers SET name = name WHERE id = 1)",
            "SELECT * FROM NEW TABLE (UPDATE customers SET name = name WHERE id = 2)",
            "SELECT X FROM (SELECT email AS x FROM customers) t",
            "SELECT (SELECT email) FROM customers",
            "SELECT c.email FROM customers c WHERE c.id IN (SELECT customer_id FROM orders)",
            "SELECT COALESCE(o.note, c.email) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id + 100",
            "SELECT CASE WHEN TRUE THEN (SELECT LISTAGG(ssn, ',') FROM customers) END");

    /** A leak found earlier and fixed: these queries are probed again, with no exemption, by their own test. */
    record FixedLeak(String reason, List<String> queries) {
    }

    /**
     * K1: getArray / getObject(i, Array.class) of an unmasked cell that isn't an array: H2 wraps the value in a
     * one-element array whose element was not value-scanned.
     */
    static final FixedLeak K1_SCALAR_AS_ARRAY = new FixedLeak(
            "MaskedCells.getArray / getObject(Array): a scanned non-array cell read as an array came back unscanned",
            List.of("SELECT JSON_OBJECT('n': note) FROM orders", "SELECT JSON_ARRAY(notes) FROM customers",
                    "SELECT CAST(note AS CLOB) FROM orders", "SELECT CAST(note AS VARBINARY) FROM orders",
                    "SELECT STRINGTOUTF8(notes) FROM customers", "SELECT ROW(id, note) FROM orders"));

    /** K2: columns of a view were not traced to the table columns behind it. */
    static final FixedLeak K2_VIEWS = new FixedLeak(
            "MaskingPlanner/LineageAnalyzer: a view's columns were not traced to its base table",
            List.of("SELECT h FROM v_hex", "SELECT d FROM v_digits"));

    /**
     * K3: a copy in an innocent column, cast to a number: value-scanned, and read through every typed getter
     * ({@code getDouble} gave 4.012888888881881E15, {@code getObject(…, Integer.class)} failed quoting the number).
     */
    static final FixedLeak K3_NUMERIC_COPIES = new FixedLeak(
            "MaskedCells: numeric results computed from an innocent column holding a card number", List.of(
                    "SELECT CAST(SUBSTRING(note, 11) AS BIGINT) AS n FROM orders WHERE id = 12",
                    "SELECT CAST(SUBSTRING(notes, 21, 16) AS DECIMAL(20, 0)) AS n FROM customers WHERE id = 1"));

    /** K4: a copy in an innocent column, encoded: the value scanner decodes hex and base64 before it looks. */
    static final FixedLeak K4_TRANSFORMED_COPIES = new FixedLeak(
            "hex-encoded copies in innocent columns", List.of("SELECT RAWTOHEX(note) FROM orders"));

    /**
     * The documented limit (docs/masking.md): a copy in an innocent column that the query itself obfuscates is not
     * recognised by value detection. Lineage can't help (the column is innocent), and no scanner recognises every
     * rewriting of a value.
     */
    static final List<String> OBFUSCATED_COPIES = List.of(
            "SELECT REPLACE(note, '@', ' at ') FROM orders WHERE id = 11",
            "SELECT REGEXP_REPLACE(note, '(.)', '$1 ') FROM orders WHERE id = 11");

    /**
     * The one tolerated output of the documented limit in the broad suite: in {@code sql}, row {@code row}, an output
     * holding exactly {@code shown} (the obfuscated copy of the note of order 11, dave.secret@example.com) — nothing
     * else in that query, and no other row or value, is exempt.
     */
    record Exemption(String sql, int row, String shown) {
        boolean covers(LeakProbe.Leak leak) {
            return leak.sql().equals(sql) && leak.row() == row && "dave.secret@example.com".equals(leak.secret())
                    && leak.output().replace("\0", "").contains(shown); // getUnicodeStream: UTF-16 read as UTF-8
        }
    }

    static final List<Exemption> OBFUSCATED_COPIES_LIMIT = List.of(
            new Exemption("SELECT REPLACE(note, '@', ' at ') FROM orders", 2, "reach me at dave.secret at example.com"),
            new Exemption("SELECT SUBSTRING(note, 13, 8) || '|' || SUBSTRING(note, 21) FROM orders WHERE id = 11", 1,
                    "dave.sec|<email:"), // the second half is an e-mail address again: masked
            new Exemption("SELECT REGEXP_REPLACE(note, '(.)', '$1 ') FROM orders", 2,
                    "r e a c h   m e   a t   d a v e . s e c r e t @ e x a m p l e . c o m "));

    static H2Fixture db;
    static Connection agent;
    static Connection human;
    static Connection hashAgent;

    @BeforeAll
    static void setUp() throws SQLException {
        db = new H2Fixture();
        agent = db.open(TestConnections.agent());
        human = db.open(TestConnections.as("alice", "human", "support"));
        hashAgent = db.open(MaskingUtilityTest.hashed(TestConnections.agent()));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        agent.close();
        human.close();
        hashAgent.close();
        db.service.close();
    }

    static Stream<String> queries() {
        return QUERIES.stream();
    }

    /** Every query, every getter, every row; only the documented {@link #OBFUSCATED_COPIES_LIMIT} outputs are exempt. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("queries")
    void agentGetsNoSensitiveValueThroughAnyGetter(String sql) throws SQLException {
        assertNoLeak(agent, sql, true);
    }

    /** The same matrix for a human outside pii-reader (baseline policy). */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("queries")
    void humanGetsNoSensitiveValueThroughAnyGetter(String sql) throws SQLException {
        assertNoLeak(human, sql, true);
    }

    /** The same matrix under a policy whose column rules pick hash, partial and null strategies. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("queries")
    void hashPolicyAgentGetsNoSensitiveValueThroughAnyGetter(String sql) throws SQLException {
        assertNoLeak(hashAgent, sql, true);
    }

    static void assertNoLeak(Connection c, String sql, boolean skipKnown) throws SQLException {
        LeakProbe.Outcome out = LeakProbe.probe(c, sql, H2Fixture.SECRETS);
        List<LeakProbe.Leak> leaks = out.leaks().stream()
                .filter(l -> !skipKnown || OBFUSCATED_COPIES_LIMIT.stream().noneMatch(k -> k.covers(l))).toList();
        if (!leaks.isEmpty()) {
            StringBuilder b = new StringBuilder("LEAK in " + sql + " (" + leaks.size() + " outputs):");
            leaks.stream().limit(12).forEach(l -> b.append("\n  ").append(l));
            fail(b.toString());
        }
    }

    private static void assertNoLeak(FixedLeak known) throws SQLException {
        List<String> failures = new ArrayList<>();
        for (Connection c : List.of(agent, human, hashAgent)) {
            for (String sql : known.queries()) {
                try {
                    assertNoLeak(c, sql, false);
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void k1ScalarReadAsArrayIsScanned() throws SQLException {
        assertNoLeak(K1_SCALAR_AS_ARRAY);
    }

    @Test
    void k2ViewsAreTracedToTheirBaseColumns() throws SQLException {
        assertNoLeak(K2_VIEWS);
    }

    @Test
    void k3NumericCopiesAreScanned() throws SQLException {
        assertNoLeak(K3_NUMERIC_COPIES);
    }

    @Test
    void k4TransformedCopiesInInnocentColumns() throws SQLException {
        assertNoLeak(K4_TRANSFORMED_COPIES);
    }

    /**
     * Asserts the documented limit rather than hiding it: the agent gets exactly what the service gets for these
     * obfuscated copies. If value detection learns one of them, this fails: move the query into a strict test.
     */
    @Test
    void knownLimitObfuscatedCopiesInInnocentColumnsAreNotRecognised() throws SQLException {
        for (String sql : OBFUSCATED_COPIES) {
            assertEquals(firstValue(db.service, sql), firstValue(agent, sql), sql);
        }
    }

    private static String firstValue(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    /**
     * Every query as a CallableStatement whose OUT parameters are its result columns (H2 hands out the first row's
     * columns as OUT parameters): read through every CallableStatement getter, as every masked identity. A query is
     * no procedure call, so a masked identity's OUT parameter reads are refused (42501) — never a value.
     */
    @Test
    void outParametersOfAQueryRunThroughPrepareCallGiveNothing() throws SQLException {
        List<String> leaks = new ArrayList<>();
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        int executed = 0;
        for (String q : QUERIES) {
            int columns;
            try (Statement st = db.service.createStatement(); ResultSet rs = st.executeQuery(q)) {
                columns = rs.getMetaData().getColumnCount();
            } catch (SQLException notAQueryForH2) {
                continue;
            }
            String sql = "SELECT * FROM (" + q + ") AS q WHERE " + String.join(" AND ",
                    java.util.Collections.nCopies(columns, "CAST(? AS INT) IS NULL"));
            try (java.sql.PreparedStatement ps = db.service.prepareStatement(sql)) {
                for (int i = 1; i <= columns; i++) {
                    ps.setNull(i, java.sql.Types.INTEGER);
                }
                ps.executeQuery().close();
            } catch (SQLException notWrappableForH2) {
                continue; // duplicate column names, a statement that can't be a derived table
            }
            String[] names = new String[columns];
            java.util.Arrays.fill(names, "P1");
            for (Connection c : List.of(agent, human, hashAgent)) {
                try (java.sql.CallableStatement cs = c.prepareCall(sql)) {
                    for (int i = 1; i <= columns; i++) {
                        cs.registerOutParameter(i, java.sql.Types.VARCHAR);
                        cs.setNull(i, java.sql.Types.INTEGER);
                    }
                    cs.execute();
                    executed++;
                    LeakProbe.probeCall(cs, sql, columns, names, H2Fixture.SECRETS, outcomes)
                            .forEach(l -> leaks.add(q + ": " + l));
                } catch (SQLException e) {
                    // denied, or held for approval (unparseable for a human): the statement did not run
                    assertTrue(Set.of("42501", "VG001").contains(e.getSQLState()), () -> sql + ": " + e);
                    String leaked = LeakProbe.findLeak(LeakProbe.messages(e), H2Fixture.SECRETS);
                    assertEquals(null, leaked, () -> sql + " refusal leaked: " + e);
                }
            }
        }
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " leaks, first: " + leaks.get(0));
        assertTrue(executed > QUERIES.size(), "only " + executed + " calls ran");
        assertEquals(Set.of("42501"), outcomes.keySet(), outcomes::toString);
    }

    /** An exemption that no longer matches a leak is stale: it must go (or the limit has moved). */
    @Test
    void everyExemptionCoversALeakThatStillHappens() throws SQLException {
        for (Exemption e : OBFUSCATED_COPIES_LIMIT) {
            LeakProbe.Outcome out = LeakProbe.probe(agent, e.sql(), H2Fixture.SECRETS);
            assertTrue(out.leaks().stream().anyMatch(e::covers), () -> "stale exemption: " + e);
            assertTrue(out.leaks().stream().allMatch(e::covers), () -> e.sql() + " leaks beyond its exemption: "
                    + out.leaks().stream().filter(l -> !e.covers(l)).findFirst().orElseThrow());
        }
    }

    @Test
    void atLeastOneHundredQueries() {
        assertTrue(QUERIES.size() >= 100, "only " + QUERIES.size());
        assertEquals(QUERIES.size(), QUERIES.stream().distinct().count(), "duplicate queries");
    }

    /** The probe must be able to fail: a service reads the raw values, through every getter that returns text. */
    @Test
    void theProbeSeesRawValuesOnAServiceConnection() throws SQLException {
        for (String sql : List.of("SELECT email, ssn FROM customers", "SELECT RAWTOHEX(email) FROM customers",
                "SELECT note FROM orders", "SELECT ARRAY[card_number] FROM customers")) {
            LeakProbe.Outcome out = LeakProbe.probe(db.service, sql, H2Fixture.SECRETS);
            assertFalse(out.refused());
            assertFalse(out.leaks().isEmpty(), sql);
        }
        LeakProbe.Outcome out = LeakProbe.probe(db.service, "SELECT email FROM customers", H2Fixture.SECRETS);
        for (String getter : List.of("getString(index)", "getString(label)", "getNString(index)", "getObject(index)",
                "getObject(label,String.class)", "getBytes(index)", "getAsciiStream(index)", "getBinaryStream(label)",
                "getCharacterStream(index)", "getNCharacterStream(label)", "getClob(index)", "getNClob(label)")) {
            assertTrue(out.leaks().stream().anyMatch(l -> l.getter().equals(getter)), getter + " not exercised");
        }
        // typed getters too: the service reads the card number copied into a note as a number in every form
        LeakProbe.Outcome typed = LeakProbe.probe(db.service, K3_NUMERIC_COPIES.queries().get(0), H2Fixture.SECRETS);
        for (String getter : List.of("getDouble(index)", "getFloat(label)", "getLong(index)", "getBigDecimal(index,2)",
                "getObject(index,Double.class)", "getObject(label,BigInteger.class)", "getObject(index,Integer.class) threw")) {
            assertTrue(typed.leaks().stream().anyMatch(l -> l.getter().equals(getter)), getter + " not exercised");
        }
    }

    /** Most attack queries must actually run (a suite that is refused wholesale proves nothing). */
    @Test
    void mostAttackQueriesRunRatherThanBeingRefused() throws SQLException {
        int refused = 0;
        List<String> refusedSql = new ArrayList<>();
        for (String sql : QUERIES) {
            try (Statement st = agent.createStatement()) {
                st.executeQuery(sql).close();
            } catch (SQLException e) {
                assertEquals("42501", e.getSQLState(), sql + ": " + e);
                refused++;
                refusedSql.add(sql);
            }
        }
        System.out.println("maskingattacks: " + QUERIES.size() + " queries, refused for the agent: " + refusedSql);
        assertTrue(refused < QUERIES.size() / 4, "refused: " + refusedSql);
    }

    /** The same attacks through every way of running a query and getting its result. */
    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "SELECT email, ssn FROM customers", "SELECT LISTAGG(card_number, ',') FROM customers",
        "SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id", "SELECT JSON_OBJECT('e': email) FROM customers"})
    void everyExecutionPathIsMasked(String sql) throws SQLException {
        List<String> outputs = new ArrayList<>();
        try (java.sql.PreparedStatement ps = agent.prepareStatement(sql)) {
            outputs.add(dump(ps.executeQuery()));
            assertTrue(ps.execute());
            outputs.add(dump(ps.getResultSet()));
        }
        try (Statement st = agent.createStatement()) {
            assertTrue(st.execute(sql));
            outputs.add(dump(st.getResultSet()));
            ResultSet rs = st.executeQuery(sql);
            outputs.add(dump(rs.getStatement().getResultSet()));
        }
        try (java.sql.CallableStatement cs = agent.prepareCall(sql)) {
            outputs.add(dump(cs.executeQuery()));
        }
        try (Statement st = agent.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
             ResultSet rs = st.executeQuery(sql)) {
            StringBuilder b = new StringBuilder();
            rs.afterLast();
            while (rs.previous()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    b.append(LeakProbe.text(rs.getObject(i))).append(rs.getString(i)).append(' ');
                }
            }
            if (rs.absolute(1)) {
                b.append(LeakProbe.text(rs.getObject(1)));
            }
            outputs.add(b.toString());
        }
        for (String out : outputs) {
            String leaked = LeakProbe.findLeak(out, H2Fixture.SECRETS);
            assertEquals(null, leaked, () -> sql + " leaked through an execution path: " + out);
        }
    }

    private static String dump(ResultSet rs) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    b.append(LeakProbe.text(rs.getObject(i))).append(" / ").append(rs.getString(i)).append(" | ");
                }
            }
        }
        return b.toString();
    }

    /** H2 returns the listed columns of the rows an UPDATE touched as "generated keys". */
    @Test
    void generatedKeysOfAnUpdateDoNotCarryRawValues() throws SQLException {
        generatedKeys(Set.of());
    }

    @Test
    void generatedKeysThroughGetObjectAsBytes() throws SQLException {
        generatedKeys(Set.of());
    }

    private static void generatedKeys(Set<String> skipGetters) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Statement st = agent.createStatement()) {
            try {
                st.executeUpdate("UPDATE customers SET name = name WHERE id = 1", new String[] {"EMAIL", "SSN", "NOTES"});
                b.append(dumpAll(st.getGeneratedKeys(), skipGetters));
            } catch (SQLException e) {
                b.append(LeakProbe.messages(e));
            }
        }
        try (java.sql.PreparedStatement ps = agent.prepareStatement("UPDATE customers SET name = name WHERE id = ?",
                new String[] {"EMAIL", "CARD_NUMBER"})) {
            ps.setInt(1, 2);
            ps.executeUpdate();
            b.append(dumpAll(ps.getGeneratedKeys(), skipGetters));
        } catch (SQLException e) {
            b.append(LeakProbe.messages(e));
        }
        String leaked = LeakProbe.findLeak(b.toString(), H2Fixture.SECRETS);
        assertEquals(null, leaked, () -> "generated keys leaked " + leaked + ": " + b);
    }

    private static String dumpAll(ResultSet rs) throws SQLException {
        return dumpAll(rs, Set.of());
    }

    private static String dumpAll(ResultSet rs, Set<String> skipGetters) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    String label = rs.getMetaData().getColumnLabel(i);
                    for (LeakProbe.NamedGetter g : LeakProbe.GETTERS) {
                        if (skipGetters.contains(g.name())) {
                            continue;
                        }
                        try {
                            b.append(LeakProbe.text(g.getter().get(rs, i, label))).append(" | ");
                        } catch (SQLException | RuntimeException e) {
                            b.append(LeakProbe.messages(e)).append(" | ");
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    static final List<String> H2_ERROR_CHANNEL = List.of(
            "SELECT CAST(email AS INT) FROM customers",
            "SELECT CAST(ssn AS DATE) FROM customers",
            "SELECT CAST(card_number AS UUID) FROM customers",
            "SELECT CAST(note AS INT) FROM orders WHERE id = 11",
            "SELECT id FROM customers WHERE CAST(email AS INT) = 1");

    /** Error-based extraction: the database's own error message quotes the value it failed to convert. */
    @Test
    void databaseErrorsDoNotQuoteSensitiveValues() {
        List<String> leaks = new ArrayList<>();
        for (String sql : H2_ERROR_CHANNEL) {
            String out = LeakProbe.errorChannel(agent, sql);
            String leaked = LeakProbe.findLeak(out, H2Fixture.SECRETS);
            if (leaked != null) {
                leaks.add(sql + " -> " + leaked + ": " + out);
            }
        }
        assertTrue(leaks.isEmpty(), () -> String.join("\n", leaks));
    }

    /** H2's SCRIPT dumps every row as INSERT statements. */
    @Test
    void scriptDumpIsRefusedOrMasked() throws SQLException {
        for (String sql : List.of("SCRIPT", "SCRIPT TABLE customers", "SCRIPT NODATA")) {
            String out;
            try (Statement st = agent.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                out = dumpAll(rs);
            } catch (SQLException e) {
                out = LeakProbe.messages(e);
            }
            String leaked = LeakProbe.findLeak(out, H2Fixture.SECRETS);
            String shown = out.length() > 400 ? out.substring(0, 400) : out;
            assertEquals(null, leaked, () -> sql + " leaked: " + shown);
        }
    }

    /** An allowed unwrap of the statement must not lead back to the raw result either. */
    @Test
    void statementUnwrapDoesNotReachTheRawResult() throws SQLException {
        Properties p = TestConnections.agent();
        p.setProperty("governance.allow-unwrap", "true");
        StringBuilder b = new StringBuilder();
        try (Connection c = db.open(p); Statement st = c.createStatement()) {
            ResultSet masked = st.executeQuery("SELECT email FROM customers");
            try {
                Statement raw = st.unwrap(org.h2.jdbc.JdbcStatement.class);
                ResultSet rs = raw.getResultSet();
                if (rs != null) {
                    b.append(dumpAll(rs));
                }
            } catch (SQLException e) {
                b.append(LeakProbe.messages(e));
            }
            try {
                Statement raw = masked.getStatement().unwrap(org.h2.jdbc.JdbcStatement.class);
                ResultSet rs = raw.getResultSet();
                if (rs != null) {
                    b.append(dumpAll(rs));
                }
            } catch (SQLException e) {
                b.append(LeakProbe.messages(e));
            }
        }
        String leaked = LeakProbe.findLeak(b.toString(), H2Fixture.SECRETS);
        assertEquals(null, leaked, () -> "statement unwrap leaked: " + b);
    }

    @Test
    void unwrapCannotReachTheRawResultEvenWhenAllowed() throws SQLException {
        Properties p = TestConnections.agent();
        p.setProperty("governance.allow-unwrap", "true");
        try (Connection c = db.open(p); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, email FROM customers")) {
            assertTrue(rs.next());
            SQLException e = assertThrows(SQLException.class, () -> rs.unwrap(org.h2.jdbc.JdbcResultSet.class));
            assertEquals("42501", e.getSQLState());
            assertFalse(rs.isWrapperFor(org.h2.jdbc.JdbcResultSet.class));
            ResultSet self = rs.unwrap(ResultSet.class);
            assertNotNull(self);
            dev.governance.jdbc.masking.LeakAssertions.assertNoLeak(String.valueOf(self.getString(2)),
                    "alice.smith@example.com");
        }
    }

    @Test
    void updatingAMaskedColumnIsRefused() throws SQLException {
        try (Statement st = agent.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE);
             ResultSet rs = st.executeQuery("SELECT id, email, name FROM customers WHERE id = 1")) {
            assertTrue(rs.next());
            SQLException e = assertThrows(SQLException.class, () -> rs.updateString(2, "x@example.com"));
            assertEquals("42501", e.getSQLState());
            SQLException byLabel = assertThrows(SQLException.class, () -> rs.updateString("EMAIL", "x@example.com"));
            assertEquals("42501", byLabel.getSQLState());
            SQLException obj = assertThrows(SQLException.class, () -> rs.updateObject(2, "x@example.com"));
            assertEquals("42501", obj.getSQLState());
        }
        try (Statement st = db.service.createStatement();
             ResultSet rs = st.executeQuery("SELECT email FROM customers WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("alice.smith@example.com", rs.getString(1));
        }
    }
}
