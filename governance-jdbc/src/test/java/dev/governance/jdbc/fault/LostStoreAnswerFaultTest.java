package dev.governance.jdbc.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.testing.PrefixDriver;
import dev.governance.jdbc.testing.TestConnections;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The approval store stores a request and then loses its answer (the connection breaks as the insert's
 * connection is closed): the statement is refused with VG001, and the message does not claim that no request was
 * filed — it names the request that may have been, which a reviewer finds in the store.
 */
class LostStoreAnswerFaultTest {
    /** {@code jdbc:lostanswer:<h2 url>}: H2, except that closing a connection that filed a request fails. */
    static final class LostAnswerDriver extends PrefixDriver {
        LostAnswerDriver() {
            super("jdbc:lostanswer:");
        }

        @Override
        protected Connection open(String url, String rest, Properties info) throws SQLException {
            Connection real = DriverManager.getConnection("jdbc:" + rest, info);
            boolean[] filed = new boolean[1];
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args != null
                                && args[0] instanceof String sql && sql.startsWith("INSERT INTO governance_approvals")) {
                            filed[0] = true;
                        }
                        Object result;
                        try {
                            result = method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("close") && filed[0]) {
                            throw new SQLException("connection reset while closing", "08006");
                        }
                        return result;
                    });
        }
    }

    private static final LostAnswerDriver DRIVER = new LostAnswerDriver();

    @BeforeAll
    static void register() throws SQLException {
        DriverManager.registerDriver(DRIVER);
    }

    @AfterAll
    static void deregister() throws SQLException {
        DriverManager.deregisterDriver(DRIVER);
    }

    @Test
    void aRequestStoredButNotAcknowledgedIsNamedNotDenied() throws Exception {
        String storeDb = "h2:mem:lost" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        String db = "h2:mem:app" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        Properties agent = TestConnections.agent();
        agent.setProperty("governance.environment", "production");
        agent.setProperty("governance.approval.store", "jdbc:lostanswer:" + storeDb);
        agent.setProperty("governance.approval.mode", "fail");
        try (Connection raw = DriverManager.getConnection("jdbc:" + db);
             Connection c = DriverManager.getConnection("jdbc:governed:" + db, agent);
             Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE reviewed(id INT)"));
            assertFalse(e instanceof ApprovalPendingException, e.toString());
            assertEquals("VG001", e.getSQLState());
            assertFalse(e.getMessage().contains("no request was filed"), e.getMessage());
            String id;
            try (Connection store = DriverManager.getConnection("jdbc:" + storeDb);
                 Statement q = store.createStatement();
                 ResultSet rs = q.executeQuery("SELECT id, status FROM governance_approvals")) {
                assertTrue(rs.next(), "the store holds the request it could not acknowledge");
                id = rs.getString(1);
                assertEquals("PENDING", rs.getString(2));
                assertFalse(rs.next());
            }
            assertTrue(e.getMessage().contains("request " + id + " may have been filed"), e.getMessage());
            try (ResultSet rs = raw.getMetaData().getTables(null, null, "REVIEWED", null)) {
                assertFalse(rs.next(), "fail closed: the statement did not run");
            }
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next(), "the connection stays usable");
            }
        }
    }
}
