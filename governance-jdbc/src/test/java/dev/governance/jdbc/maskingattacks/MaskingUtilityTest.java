package dev.governance.jdbc.maskingattacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.masking.LeakAssertions;
import dev.governance.jdbc.testing.TestConnections;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking must not cost utility: innocent columns come back exactly as the raw driver returns them, unmasked
 * identities see raw values, and the {@code hash}, {@code partial} and {@code null} strategies behave as documented.
 */
class MaskingUtilityTest {

    static H2Fixture db;
    static Connection agent;
    static Connection service;
    static Connection piiReader;
    static Connection human;
    static Connection hashAgent;
    static Connection hashAgent2;

    static final Pattern TOKEN = Pattern.compile("tok_[0-9a-f]{16}");

    static String hashPolicy() {
        try {
            return Path.of(MaskingUtilityTest.class.getResource("/maskingattacks/hash-policy.yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties hashed(Properties p) {
        p.setProperty("governance.policy", hashPolicy());
        return p;
    }

    @BeforeAll
    static void setUp() throws SQLException {
        db = new H2Fixture();
        try (Statement st = db.service.createStatement()) {
            st.execute("CREATE TABLE innocent (id BIGINT PRIMARY KEY, label VARCHAR(50), d_text VARCHAR(20), code CHAR(36),"
                    + " small SMALLINT, ratio DOUBLE PRECISION, amount DECIMAL(12,4), t TIME, ts TIMESTAMP WITH TIME ZONE,"
                    + " flag BOOLEAN, data VARBINARY(8), tags VARCHAR(20) ARRAY, doc CLOB, uid UUID)");
            st.execute("INSERT INTO innocent VALUES (1, 'shipped', '2026-11-25', '123e4567-e89b-42d3-a456-426614174000',"
                    + " 7, 0.25, 1234.5678, TIME '10:15:30', TIMESTAMP WITH TIME ZONE '2026-11-25 10:15:30+02:00', TRUE,"
                    + " X'00FF10', ARRAY['a', 'b'], 'order 42 shipped on 2026-11-25', '123e4567-e89b-42d3-a456-426614174000')");
            st.execute("INSERT INTO innocent VALUES (2, 'order 42', '1764064800000', 'v2.3.232',"
                    + " -3, -1.5, 0.0001, TIME '00:00:00', NULL, FALSE, X'', ARRAY[], 'ISBN 978-3-16-148410-0 from 192.168.1.20',"
                    + " NULL)");
            st.execute("INSERT INTO innocent VALUES (3, '123456789', '4155550123', 'INV-2026-000042', NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            st.execute("CREATE TABLE contacts (id INT PRIMARY KEY, email VARCHAR(200))");
            st.execute("INSERT INTO contacts VALUES (1, 'bob.jones@example.org'), (2, 'zed@example.com'),"
                    + " (3, 'alice.smith@example.com')");
            st.execute("INSERT INTO customers VALUES (4, 'Alice Again', 'alice.smith@example.com', '078-05-1120', NULL,"
                    + " NULL, NULL)");
        }
        agent = db.open(TestConnections.agent());
        service = db.open(TestConnections.service());
        piiReader = db.open(TestConnections.as("reviewer", "human", "pii-reader"));
        human = db.open(TestConnections.as("alice", "human", "support"));
        hashAgent = db.open(hashed(TestConnections.agent()));
        hashAgent2 = db.open(hashed(TestConnections.as("agent-9", "agent")));
    }

    @AfterAll
    static void tearDown() throws SQLException {
        for (Connection c : List.of(agent, service, piiReader, human, hashAgent, hashAgent2)) {
            c.close();
        }
        db.service.close();
    }

    /** Every column through getObject, getString and the typed getters its type allows, as comparable text. */
    static List<List<String>> read(Connection c, String sql, Set<Integer> skip) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (skip.contains(i)) {
                        continue;
                    }
                    Object o = rs.getObject(i);
                    row.add(md.getColumnLabel(i) + ": " + describe(o) + " | " + rs.getString(i) + " | "
                            + describe(rs.getObject(md.getColumnLabel(i))) + " | wasNull=" + rs.wasNull());
                    switch (md.getColumnType(i)) {
                        case java.sql.Types.INTEGER, java.sql.Types.BIGINT, java.sql.Types.SMALLINT ->
                                row.add(rs.getLong(i) + " " + rs.getInt(i) + " " + rs.getBigDecimal(i));
                        case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC, java.sql.Types.DOUBLE ->
                                row.add(rs.getBigDecimal(i) + " " + rs.getDouble(i));
                        case java.sql.Types.DATE -> row.add(String.valueOf(rs.getDate(i)) + " "
                                + rs.getObject(i, java.time.LocalDate.class));
                        case java.sql.Types.TIMESTAMP -> row.add(String.valueOf(rs.getTimestamp(i)) + " "
                                + rs.getObject(i, java.time.LocalDateTime.class));
                        case java.sql.Types.TIMESTAMP_WITH_TIMEZONE ->
                                row.add(String.valueOf(rs.getObject(i, java.time.OffsetDateTime.class)));
                        case java.sql.Types.TIME -> row.add(String.valueOf(rs.getTime(i)));
                        case java.sql.Types.BOOLEAN -> row.add(rs.getBoolean(i) + "");
                        case java.sql.Types.VARBINARY, java.sql.Types.BINARY -> row.add(describe(rs.getBytes(i)));
                        case java.sql.Types.ARRAY -> row.add(rs.getArray(i) == null ? "null"
                                : describe(rs.getArray(i).getArray()));
                        case java.sql.Types.CLOB -> row.add(rs.getClob(i) == null ? "null"
                                : rs.getClob(i).getSubString(1, (int) rs.getClob(i).length()));
                        case java.sql.Types.OTHER ->
                                row.add(describe(rs.getObject(i, UUID.class)));
                        default -> row.add(String.valueOf(rs.getNString(i)));
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof byte[] b) {
            return "byte[]" + java.util.HexFormat.of().formatHex(b);
        }
        if (o instanceof Object[] a) {
            return "array" + java.util.Arrays.deepToString(a);
        }
        if (o instanceof java.sql.Clob) {
            return "clob";
        }
        if (o instanceof java.sql.Array a) {
            try {
                return "Array" + describe(a.getArray());
            } catch (SQLException e) {
                return e.toString();
            }
        }
        return o.getClass().getName() + ":" + o;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "SELECT * FROM innocent ORDER BY id",
        "SELECT id, customer_id, total, status, placed, shipped_at, paid, ref FROM orders ORDER BY id",
        "SELECT id, name FROM customers ORDER BY id",
        "SELECT o.id, o.total, o.status, o.placed, o.ref, c.name FROM orders o JOIN customers c"
                + " ON c.id = o.customer_id ORDER BY o.id",
        "SELECT note FROM orders WHERE id IN (10, 13) ORDER BY id",
        "SELECT status, COUNT(*), SUM(total), MAX(placed) FROM orders GROUP BY status ORDER BY status",
        "SELECT label || ' ' || d_text, UPPER(label), CAST(amount AS VARCHAR) FROM innocent ORDER BY id",
        "SELECT COUNT(*), MAX(id), MIN(name) FROM customers",
    })
    void innocentColumnsAreExactlyWhatTheRawDriverReturns(String sql) throws SQLException {
        assertSameCells(read(db.service, sql, Set.of()), read(agent, sql, Set.of()));
        assertSameCells(read(db.service, sql, Set.of()), read(hashAgent, sql, Set.of()));
    }

    static void assertSameCells(List<List<String>> expected, List<List<String>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).size(), actual.get(r).size());
            for (int c = 0; c < expected.get(r).size(); c++) {
                assertEquals(expected.get(r).get(c), actual.get(r).get(c), "row " + (r + 1) + " cell " + (c + 1));
            }
        }
    }

    @Test
    void innocentColumnsBesideMaskedOnesAreUntouched() throws SQLException {
        String sql = "SELECT o.id, c.email, o.total, c.ssn, o.status, o.placed, c.card_number, o.shipped_at, o.paid, o.ref"
                + " FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id";
        Set<Integer> masked = Set.of(2, 4, 7);
        assertSameCells(read(db.service, sql, masked), read(agent, sql, masked));
        // and the masked ones really are masked
        List<List<String>> all = read(agent, sql, Set.of());
        for (String secret : List.of("alice.smith@example.com", "078-05-1120", "4111111111111111")) {
            LeakAssertions.assertNoLeak(all.toString(), secret);
        }
    }

    @Test
    void piiReaderHumanAndServiceSeeRawValuesWhileOtherHumansAndAgentsDoNot() throws SQLException {
        String sql = "SELECT email, ssn, phone, card_number, notes FROM customers WHERE id = 1";
        List<String> raw = List.of("alice.smith@example.com", "078-05-1120", "+14155550123", "4111111111111111",
                "VIP, paid with card 5555555555554444 last time");
        assertEquals(raw, strings(service, sql));
        assertEquals(raw, strings(piiReader, sql));
        assertEquals(raw, strings(hashed(TestConnections.as("reviewer", "human", "pii-reader")), sql));
        for (Connection masked : List.of(agent, human)) {
            List<String> seen = strings(masked, sql);
            for (int i = 0; i < raw.size(); i++) {
                LeakAssertions.assertNoLeak(seen.get(i), i == 4 ? "5555555555554444" : raw.get(i));
            }
            assertTrue(seen.get(0).matches("<email:[0-9a-f]{8}>"), seen.get(0));
            assertTrue(seen.get(4).startsWith("VIP, paid with card ") && seen.get(4).endsWith(" last time"), seen.get(4));
        }
    }

    private static List<String> strings(Properties p, String sql) throws SQLException {
        try (Connection c = db.open(p)) {
            return strings(c, sql);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getString(i));
                }
            }
        }
        return out;
    }

    private static Map<Integer, String> tokens(Connection c, String sql) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String token = rs.getString(2);
                assertEquals(token, rs.getObject(2));
                assertEquals(token, rs.getObject("EMAIL", String.class));
                out.put(rs.getInt(1), token);
            }
        }
        return out;
    }

    @Test
    void hashTokensAreStableEqualForEqualInputsAndDistinctOtherwise() throws SQLException {
        Map<Integer, String> first = tokens(hashAgent, "SELECT id, email FROM customers ORDER BY id");
        assertEquals(4, first.size());
        for (String t : first.values()) {
            assertTrue(TOKEN.matcher(t).matches(), t);
        }
        // equal inputs (customers 1 and 4 share an address), distinct otherwise
        assertEquals(first.get(1), first.get(4));
        assertEquals(3, new HashSet<>(first.values()).size());
        // stable across queries, statement shapes and connections (another agent, same process)
        assertEquals(first, tokens(hashAgent, "SELECT id, email FROM customers ORDER BY id"));
        assertEquals(first, tokens(hashAgent2, "SELECT c.id, c.email AS email FROM customers c ORDER BY 1"));
        try (Connection fresh = db.open(hashed(TestConnections.agent()))) {
            assertEquals(first, tokens(fresh, "SELECT id, email FROM customers ORDER BY id"));
        }
    }

    @Test
    void hashTokensCanBeJoinedAndCountedClientSide() throws SQLException {
        Map<Integer, String> customers = tokens(hashAgent, "SELECT id, email FROM customers ORDER BY id");
        Map<Integer, String> contacts = tokens(hashAgent2, "SELECT id, email FROM contacts ORDER BY id");
        // client-side join: which contacts are customers? (bob and alice, not zed)
        Map<String, List<Integer>> byToken = new HashMap<>();
        customers.forEach((id, t) -> byToken.computeIfAbsent(t, k -> new ArrayList<>()).add(id));
        assertEquals(List.of(2), byToken.get(contacts.get(1)));
        assertNull(byToken.get(contacts.get(2)));
        assertEquals(List.of(1, 4), byToken.get(contacts.get(3)));
        // client-side GROUP BY equals the database's COUNT(DISTINCT)
        assertEquals(new HashSet<>(customers.values()).size(),
                Integer.parseInt(strings(db.service, "SELECT COUNT(DISTINCT email) FROM customers").get(0)));
        for (String t : customers.values()) {
            LeakAssertions.assertNoLeak(t, "alice.smith@example.com");
        }
    }

    @Test
    void partialKeepsTheLastFourAndNullGivesSqlNull() throws SQLException {
        try (Statement st = hashAgent.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, ssn, phone FROM customers WHERE id IN (1, 2) ORDER BY id")) {
            assertTrue(rs.next());
            String ssn = rs.getString(2);
            assertTrue(ssn.endsWith("1120"), ssn);
            assertFalse(ssn.contains("078") || ssn.contains("05-"), ssn);
            LeakAssertions.assertNoLeak(ssn, "078-05-1120");
            assertEquals(ssn, rs.getObject("SSN"));
            assertNull(rs.getString(3));
            assertNull(rs.getObject(3));
            assertNull(rs.getBytes("PHONE"));
            assertNull(rs.getCharacterStream(3));
            assertTrue(rs.next());
            assertTrue(rs.getString(2).endsWith("9999"), rs.getString(2));
            assertNotEquals("219-09-9999", rs.getString(2));
            assertNull(rs.getString("PHONE"));
        }
    }

    @Test
    void nullStrategyReportsWasNull() throws SQLException {
        try (Statement st = hashAgent.createStatement();
             ResultSet rs = st.executeQuery("SELECT phone FROM customers WHERE id = 1")) {
            assertTrue(rs.next());
            assertNull(rs.getObject(1));
            assertTrue(rs.wasNull());
            assertNull(rs.getString(1));
            assertTrue(rs.wasNull());
        }
    }

    @Test
    void theBaselineEmailPlaceholderIsStableAndDistinct() throws SQLException {
        List<String> a = strings(agent, "SELECT email FROM customers ORDER BY id");
        List<String> b = strings(human, "SELECT LOWER(email) AS email FROM customers ORDER BY id");
        assertEquals(4, a.size());
        assertEquals(a.get(0), a.get(3));
        assertEquals(3, new HashSet<>(a).size());
        for (String s : a) {
            assertTrue(s.matches("<email:[0-9a-f]{8}>"), s);
        }
        assertTrue(b.stream().allMatch(Objects::nonNull));
        byte[] bytes;
        try (Statement st = agent.createStatement(); ResultSet rs = st.executeQuery("SELECT email FROM customers WHERE id = 1")) {
            assertTrue(rs.next());
            bytes = rs.getBytes(1);
        }
        assertArrayEquals(a.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes);
    }

    @Test
    void typedDefaultsKeepTheTypeOfAMaskedNumberOrDate() throws SQLException {
        try (Statement st = db.service.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS people (id INT PRIMARY KEY, date_of_birth DATE, ssn BIGINT)");
            st.execute("MERGE INTO people KEY (id) VALUES (1, DATE '1984-03-07', 78051120)");
        }
        try (Statement st = agent.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, date_of_birth, ssn FROM people")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            Object dob = rs.getObject(2);
            assertTrue(dob instanceof java.sql.Date, String.valueOf(dob));
            assertNotEquals("1984-03-07", dob.toString());
            LeakAssertions.assertNoLeak(String.valueOf(rs.getDate(2)) + rs.getString(2), "1984-03-07");
            Object ssn = rs.getObject(3);
            LeakAssertions.assertNoLeak(String.valueOf(ssn) + rs.getLong(3) + rs.getString(3) + rs.getBigDecimal(3),
                    "78051120");
            assertTrue(ssn instanceof Number || ssn instanceof String, String.valueOf(ssn));
        }
    }
}
