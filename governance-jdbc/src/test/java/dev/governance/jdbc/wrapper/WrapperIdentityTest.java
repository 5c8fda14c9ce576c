package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.GovernedResultSet;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No path leads from a governed object to an ungoverned one (the leaks other wrappers shipped). */
class WrapperIdentityTest {
    private String url;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        url = TestConnections.newH2Url();
        connection = TestConnections.open(url, TestConnections.service());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE items(id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(20))");
            s.execute("INSERT INTO items(name) VALUES ('a'), ('b')");
            s.execute("CREATE ALIAS twice FOR \"java.lang.Math.abs(int)\"");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void connectionIsGoverned() {
        assertInstanceOf(ConnectionWrapper.class, connection);
        assertInstanceOf(GovernedConnection.class, connection);
    }

    @Test
    void statementAndItsResultPointBackToGovernedObjects() throws SQLException {
        Statement statement = connection.createStatement();
        assertInstanceOf(StatementWrapper.class, statement);
        assertSame(connection, statement.getConnection());
        ResultSet rs = statement.executeQuery("SELECT id, name FROM items ORDER BY id");
        assertInstanceOf(ResultSetWrapper.class, rs);
        assertSame(statement, rs.getStatement());
        assertSame(rs, statement.getResultSet(), "getResultSet gives the same governed result");
        assertSame(rs, rs.unwrap(GovernedResultSet.class), "the public GovernedResultSet is the governed result");
        assertFalse(rs.unwrap(GovernedResultSet.class).masked(2), "nothing is masked for this identity");
        assertTrue(rs.next());
        assertEquals("a", rs.getString("name"));
    }

    @Test
    void executeThenGetResultSetIsGoverned() throws SQLException {
        Statement statement = connection.createStatement();
        assertTrue(statement.execute("SELECT name FROM items"));
        ResultSet rs = statement.getResultSet();
        assertInstanceOf(ResultSetWrapper.class, rs);
        assertSame(rs, statement.getResultSet());
        assertSame(statement, rs.getStatement());
        assertFalse(statement.execute("UPDATE items SET name = 'c' WHERE id = 1"));
        assertNull(statement.getResultSet());
        assertEquals(1, statement.getUpdateCount());
    }

    @Test
    void preparedStatementAndGeneratedKeysAreGoverned() throws SQLException {
        PreparedStatement ps = connection.prepareStatement("INSERT INTO items(name) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS);
        assertInstanceOf(PreparedStatementWrapper.class, ps);
        assertSame(connection, ps.getConnection());
        ps.setString(1, "z");
        assertEquals(1, ps.executeUpdate());
        ResultSet keys = ps.getGeneratedKeys();
        assertInstanceOf(ResultSetWrapper.class, keys);
        assertSame(ps, keys.getStatement());
        assertTrue(keys.next());
        assertEquals(3, keys.getInt(1));

        PreparedStatement query = connection.prepareStatement("SELECT name FROM items WHERE id = ?");
        query.setInt(1, 3);
        ResultSet rs = query.executeQuery();
        assertSame(query, rs.getStatement());
        assertTrue(rs.next());
        assertEquals("z", rs.getString(1));
    }

    @Test
    void callableStatementIsGoverned() throws SQLException {
        CallableStatement call = connection.prepareCall("CALL twice(?)");
        assertInstanceOf(CallableStatementWrapper.class, call);
        assertSame(connection, call.getConnection());
        call.setInt(1, -21);
        ResultSet rs = call.executeQuery();
        assertSame(call, rs.getStatement());
        assertTrue(rs.next());
        assertEquals(21, rs.getInt(1));
    }

    @Test
    void metaDataAndItsResultsAreGoverned() throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        assertInstanceOf(DatabaseMetaDataWrapper.class, md);
        assertSame(connection, md.getConnection());
        assertSame(md, connection.getMetaData(), "one metadata wrapper per connection");
        ResultSet tables = md.getTables(null, null, "ITEMS", null);
        assertInstanceOf(ResultSetWrapper.class, tables);
        assertTrue(tables.next());
        assertEquals("ITEMS", tables.getString("TABLE_NAME"));
        Statement behind = tables.getStatement();
        if (behind != null) { // null stays null; a real statement comes back governed
            assertInstanceOf(StatementWrapper.class, behind);
            assertSame(connection, behind.getConnection());
        }
        assertInstanceOf(ResultSetWrapper.class, md.getPrimaryKeys(null, null, "ITEMS"));
        assertInstanceOf(ResultSetWrapper.class, md.getColumns(null, null, "ITEMS", null));
        assertInstanceOf(ResultSetWrapper.class, md.getTypeInfo());
    }

    @Test
    void unwrapToRealDriverIsRefusedByDefault() throws SQLException {
        assertSame(connection, connection.unwrap(Connection.class), "unwrap(Connection) is the governed one");
        assertSame(connection, connection.unwrap(GovernedConnection.class));
        assertTrue(connection.isWrapperFor(GovernedConnection.class));
        assertFalse(connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class));
        SQLException refused = assertThrows(SQLException.class, () -> connection.unwrap(org.h2.jdbc.JdbcConnection.class));
        assertEquals("42501", refused.getSQLState());
        assertTrue(refused.getMessage().contains("allow-unwrap"), refused.getMessage());

        Statement statement = connection.createStatement();
        assertSame(statement, statement.unwrap(Statement.class));
        assertUnwrapRefused(() -> statement.unwrap(org.h2.jdbc.JdbcStatement.class));
        ResultSet rs = statement.executeQuery("SELECT 1");
        assertSame(rs, rs.unwrap(ResultSet.class));
        assertUnwrapRefused(() -> rs.unwrap(org.h2.jdbc.JdbcResultSet.class));
        DatabaseMetaData md = connection.getMetaData();
        assertSame(md, md.unwrap(DatabaseMetaData.class));
        assertUnwrapRefused(() -> md.unwrap(org.h2.jdbc.JdbcDatabaseMetaData.class));
        PreparedStatement ps = connection.prepareStatement("SELECT 1");
        assertUnwrapRefused(() -> ps.unwrap(org.h2.jdbc.JdbcPreparedStatement.class));
        assertSame(ps, ps.unwrap(PreparedStatement.class));
    }

    /** Refused as a policy matter (42501), naming the setting that would allow it: not some other failure. */
    private static void assertUnwrapRefused(org.junit.jupiter.api.function.Executable unwrap) {
        SQLException refused = assertThrows(SQLException.class, unwrap);
        assertEquals("42501", refused.getSQLState(), refused::toString);
        assertTrue(refused.getMessage().contains("allow-unwrap"), refused.getMessage());
    }

    @Test
    void unwrapWorksWhenAllowed() throws SQLException {
        Properties p = TestConnections.service();
        p.setProperty("governance.allow-unwrap", "true");
        try (Connection allowed = TestConnections.open(url, p)) {
            assertTrue(allowed.isWrapperFor(org.h2.jdbc.JdbcConnection.class));
            assertNotNull(allowed.unwrap(org.h2.jdbc.JdbcConnection.class));
            assertSame(allowed, allowed.unwrap(GovernedConnection.class));
            Statement s = allowed.createStatement();
            assertNotNull(s.unwrap(org.h2.jdbc.JdbcStatement.class));
        }
    }

    @Test
    void closingTheConnectionClosesStatementsAndResults() throws SQLException {
        Connection other = TestConnections.open(url, TestConnections.service());
        Statement statement = other.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM items");
        PreparedStatement ps = other.prepareStatement("SELECT 1");
        other.close();
        assertTrue(other.isClosed());
        assertTrue(statement.isClosed());
        assertTrue(rs.isClosed());
        assertTrue(ps.isClosed());
        assertEquals("90007", assertThrows(SQLException.class, other::createStatement).getSQLState(),
                "H2's 'object already closed'");
    }

    @Test
    void closingAStatementClosesItsResult() throws SQLException {
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM items");
        statement.close();
        assertTrue(rs.isClosed());
        assertEquals("HY010", assertThrows(SQLException.class, statement::getConnection).getSQLState(),
                "function sequence error: the statement is closed");
    }

    @Test
    void batchesRunThroughTheGate() throws SQLException {
        Statement statement = connection.createStatement();
        statement.addBatch("INSERT INTO items(name) VALUES ('x')");
        statement.addBatch("INSERT INTO items(name) VALUES ('y')");
        int[] counts = statement.executeBatch();
        assertEquals(2, counts.length);
        PreparedStatement ps = connection.prepareStatement("INSERT INTO items(name) VALUES (?)");
        ps.setString(1, "p");
        ps.addBatch();
        ps.setString(1, "q");
        ps.addBatch();
        assertEquals(2, ps.executeBatch().length);
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM items")) {
            assertTrue(rs.next());
            assertEquals(6, rs.getInt(1));
        }
    }

    @Test
    void reasonIsKeptByTheGovernedConnection() throws SQLException {
        connection.setClientInfo("governance.reason", "ticket OPS-12");
        assertEquals("ticket OPS-12", connection.getClientInfo("governance.reason"));
    }
}
