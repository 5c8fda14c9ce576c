package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * H2's errors through the governed driver, as an agent gets them: identifiers and the position H2 marks in its echo
 * of the statement ({@code [*]}) and (ErrorValuesTest: its list of what it expected) kept; values from the data gone, from the message
 * and from the audit trail; the statement's own literals gone from the echo.
 */
class H2ErrorsTest {
    private static final String EMAIL = "alice@example.com";

    private static Connection owner(String url) throws SQLException {
        Connection raw = DriverManager.getConnection(url.replace("governed:", ""));
        try (Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100) UNIQUE, token VARCHAR(40),"
                    + " code VARCHAR(5))");
            st.execute("INSERT INTO customers VALUES (1, '" + EMAIL + "', '" + ErrorFixture.TOKEN + "', 'ab')");
        }
        return raw;
    }

    @Test
    void agentsKeepIdentifiersAndPositions() throws Exception {
        String url = TestConnections.newH2Url();
        ErrorFixture f = new ErrorFixture();
        try (Connection raw = owner(url); Connection c = f.agent(url, null)) {
            SQLException e = ErrorFixture.fails(c, "SELECT emial FROM customers c");
            assertEquals("42S22", e.getSQLState());
            ErrorFixture.assertContains(e, "Column \"EMIAL\" not found");

            e = ErrorFixture.fails(c, "SELECT id FROM nosuch_table");
            assertEquals("42S02", e.getSQLState());
            ErrorFixture.assertContains(e, "Table \"NOSUCH_TABLE\" not found");

            // read by the governance parser, refused by H2's: H2 marks where in its echo of the statement
            e = ErrorFixture.fails(c, "SELECT id FROM customers WHERE code = 'zz' AND email SIMILAR TO 'alice%'");
            assertEquals("42000", e.getSQLState());
            ErrorFixture.assertContains(e, "Syntax error in SQL statement", "email [*]SIMILAR TO");
            assertFalse(e.getMessage().contains("'zz'") || e.getMessage().contains("'alice%'"),
                    "the echo keeps the statement's shape, not its literals: " + e.getMessage());
            ErrorFixture.assertContains(e, "code = ?");
        }
    }

    @Test
    void dataValuesLeaveNeitherTheAgentsErrorNorTheTrail() throws Exception {
        String url = TestConnections.newH2Url();
        ErrorFixture f = new ErrorFixture();
        try (Connection raw = owner(url); Connection c = f.agent(url, null)) {
            SQLException e = ErrorFixture.fails(c, "SELECT CAST(token AS INT) FROM customers");
            assertEquals("22018", e.getSQLState());
            ErrorFixture.assertContains(e, "Data conversion error converting \"?\"");
            ErrorFixture.assertWithout(e, ErrorFixture.TOKEN);

            e = ErrorFixture.fails(c, "UPDATE customers SET code = token WHERE id = 1");
            assertEquals("22001", e.getSQLState());
            ErrorFixture.assertContains(e, "Value too long for column \"CODE CHARACTER VARYING(5)\"");
            ErrorFixture.assertWithout(e, ErrorFixture.TOKEN);

            e = ErrorFixture.fails(c, "INSERT INTO customers (id, email) SELECT 2, email FROM customers WHERE id = 1");
            assertEquals("23505", e.getSQLState());
            ErrorFixture.assertContains(e, "Unique index or primary key violation");
            ErrorFixture.assertWithout(e, EMAIL);
            ErrorFixture.assertWithout(e, "alice");
        }
        f.assertTrailClean("CAST(token AS INT)", ErrorFixture.TOKEN);
        f.assertTrailClean("INSERT INTO customers", EMAIL);
    }
}
