package dev.governance.jdbc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A masked identity that reads a row and writes it back whole (as ORMs do) must not overwrite real values with
 * the placeholders or type-preserving defaults it was shown; the database is checked with an ungoverned connection.
 */
class MaskWriteBackTest {
    private String url;
    private Connection raw;
    private Connection agent;

    @BeforeEach
    void setUp() throws SQLException {
        url = TestConnections.newH2Url();
        raw = DriverManager.getConnection(url.replace("jdbc:governed:", "jdbc:"));
        try (Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200),"
                    + " date_of_birth DATE, ssn VARCHAR(20))");
            st.execute("INSERT INTO customer VALUES (1, 'Alice', 'alice@example.com', DATE '1984-03-07', '078-05-1120')");
        }
        agent = TestConnections.open(url, TestConnections.agent());
    }

    @AfterEach
    void tearDown() throws SQLException {
        agent.close();
        try (Statement st = raw.createStatement()) {
            st.execute("DROP ALL OBJECTS");
        }
        raw.close();
    }

    private Object[] readAsAgent() throws SQLException {
        try (Statement st = agent.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, email, date_of_birth, ssn FROM customer WHERE id = 1")) {
            assertTrue(rs.next());
            return new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)};
        }
    }

    private void assertRealValuesIntact(String expectedName) throws SQLException {
        try (Statement st = raw.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, email, date_of_birth, ssn FROM customer WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals(expectedName, rs.getString(1));
            assertEquals("alice@example.com", rs.getString(2));
            assertEquals(LocalDate.of(1984, 3, 7), rs.getObject(3, LocalDate.class));
            assertEquals("078-05-1120", rs.getString(4));
        }
    }

    @Test
    void fullRowUpdateWithTheMaskedValuesIsRefusedAndNothingChanges() throws SQLException {
        Object[] shown = readAsAgent();
        assertTrue(((String) shown[1]).startsWith("<email:"), "the agent sees the email masked");
        assertEquals(LocalDate.EPOCH, shown[2], "the agent sees the birth date as the epoch");
        try (PreparedStatement ps = agent.prepareStatement(
                "UPDATE customer SET name = ?, email = ?, date_of_birth = ?, ssn = ? WHERE id = ?")) {
            ps.setString(1, "Alice Cooper");
            ps.setString(2, (String) shown[1]);
            ps.setObject(3, shown[2]);
            ps.setString(4, (String) shown[3]);
            ps.setInt(5, 1);
            PolicyViolationException e = assertThrows(PolicyViolationException.class, ps::executeUpdate);
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("[masked-write-back]"), e.getMessage());
            assertTrue(e.getMessage().contains("email"), e.getMessage());
        }
        assertRealValuesIntact("Alice");
        assertEquals("Alice", readAsAgent()[0], "the connection stays usable");
    }

    private static void assertWriteBackRefused(PolicyViolationException e) {
        assertEquals("42501", e.getSQLState(), e::toString);
        assertEquals(java.util.List.of("masked-write-back"), e.ruleIds(), e::toString);
    }

    @Test
    void eachMaskedFormIsRefusedAlone() throws SQLException {
        Object[] shown = readAsAgent();
        String[] columns = {"email", "date_of_birth", "ssn"};
        Object[] values = {shown[1], java.sql.Date.valueOf(LocalDate.EPOCH), shown[3]};
        for (int i = 0; i < columns.length; i++) {
            try (PreparedStatement ps = agent.prepareStatement("UPDATE customer SET " + columns[i] + " = ? WHERE id = 1")) {
                ps.setObject(1, values[i]);
                assertWriteBackRefused(assertThrows(PolicyViolationException.class, ps::executeUpdate, columns[i]));
            }
        }
        try (Statement st = agent.createStatement()) {
            assertWriteBackRefused(assertThrows(PolicyViolationException.class,
                    () -> st.executeUpdate("UPDATE customer SET email = '" + shown[1] + "' WHERE id = 1")));
            assertWriteBackRefused(assertThrows(PolicyViolationException.class, () -> st.executeUpdate(
                    "INSERT INTO customer (id, name, email) VALUES (2, 'Copy', '" + shown[1] + "')")));
        }
        assertRealValuesIntact("Alice");
    }

    @Test
    void changedColumnsOnlyAndRealValuesGoThrough() throws SQLException {
        try (PreparedStatement ps = agent.prepareStatement("UPDATE customer SET name = ? WHERE id = ?")) {
            ps.setString(1, "Alice Cooper");
            ps.setInt(2, 1);
            assertEquals(1, ps.executeUpdate());
        }
        assertRealValuesIntact("Alice Cooper");
        try (PreparedStatement ps = agent.prepareStatement(
                "INSERT INTO customer (id, name, email, date_of_birth) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, 2);
            ps.setString(2, "Bob");
            ps.setString(3, "bob@example.com");
            ps.setObject(4, LocalDate.of(1990, 1, 2));
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery("SELECT email FROM customer WHERE id = 2")) {
            assertTrue(rs.next());
            assertEquals("bob@example.com", rs.getString(1));
        }
    }

    @Test
    void identitiesThatSeeRealValuesAreNotChecked() throws SQLException {
        try (Connection service = TestConnections.open(url, TestConnections.service());
             Statement st = service.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE customer SET ssn = '****' WHERE id = 1"));
        }
    }
}
