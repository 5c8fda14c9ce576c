package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordinary writes through an updatable result set still work once the gate decided them. */
class UpdatableResultTest {

    @Test
    void anAgentUpdatesAndInsertsOrdinaryRowsButNotMaskedColumns() throws SQLException {
        String url = "jdbc:governed:h2:mem:u" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, TestConnections.service()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders(id INT PRIMARY KEY, status VARCHAR(20), email VARCHAR(80))");
            s.execute("INSERT INTO orders VALUES (1, 'paid', 'ada@example.com')");
        }
        try (Connection c = DriverManager.getConnection(url, TestConnections.agent());
             Statement s = c.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE)) {
            try (ResultSet rs = s.executeQuery("SELECT id, status, email FROM orders WHERE id = 1")) {
                assertTrue(rs.next());
                rs.updateString("status", "shipped");
                rs.updateRow();
                SQLException masked = assertThrows(SQLException.class, () -> rs.updateString("email", "x@example.com"));
                assertEquals("42501", masked.getSQLState());
                rs.moveToInsertRow();
                rs.updateInt("id", 2);
                rs.updateString("status", "new");
                rs.insertRow();
            }
            try (ResultSet rs = s.executeQuery("SELECT status FROM orders ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals("shipped", rs.getString(1));
                assertTrue(rs.next());
                assertEquals("new", rs.getString(1));
            }
        }
    }
}
