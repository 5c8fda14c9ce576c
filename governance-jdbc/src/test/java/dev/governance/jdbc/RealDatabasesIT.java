package dev.governance.jdbc;

import dev.governance.jdbc.wrapper.ConnectionWrapper;
import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connect, query, close through {@code jdbc:governed:} against the real PostgreSQL 15 and MariaDB. */
class RealDatabasesIT {

    @Test
    void postgresql() throws SQLException {
        connectQueryClose(TestDatabase.POSTGRES, "PostgreSQL", org.postgresql.PGConnection.class);
    }

    @Test
    void mariadb() throws SQLException {
        connectQueryClose(TestDatabase.MARIADB, "MariaDB", org.mariadb.jdbc.Connection.class);
    }

    private static void connectQueryClose(TestDatabase db, String product, Class<?> realType) throws SQLException {
        String table = TestDatabase.unique("gov_it_");
        Connection c = db.openGoverned(TestConnections.service());
        try {
            assertInstanceOf(ConnectionWrapper.class, c);
            DatabaseMetaData md = c.getMetaData();
            assertTrue(md.getDatabaseProductName().contains(product), md.getDatabaseProductName());
            assertSame(c, md.getConnection());
            assertFalse(c.isWrapperFor(realType), "the real connection is not reachable");
            SQLException unwrapRefused = assertThrows(SQLException.class, () -> c.unwrap(realType));
            assertEquals("42501", unwrapRefused.getSQLState(), unwrapRefused::toString);
            assertTrue(unwrapRefused.getMessage().contains("allow-unwrap"), unwrapRefused.getMessage());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(20))");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                    ps.setInt(1, 1);
                    ps.setString(2, "one");
                    assertEquals(1, ps.executeUpdate());
                }
                try (ResultSet rs = s.executeQuery("SELECT name FROM " + table + " WHERE id = 1")) {
                    assertSame(s, rs.getStatement());
                    assertTrue(rs.next());
                    assertEquals("one", rs.getString(1));
                }
                try (ResultSet tables = md.getTables(null, null, table, null)) {
                    assertTrue(tables.next(), "metadata sees the table");
                }
                s.execute("DROP TABLE " + table);
            }
        } finally {
            c.close();
        }
        assertTrue(c.isClosed());
    }
}
