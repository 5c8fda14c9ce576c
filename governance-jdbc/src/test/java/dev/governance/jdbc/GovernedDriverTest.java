package dev.governance.jdbc;

import dev.governance.jdbc.testing.RecordingDriver;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GovernedDriverTest {

    @BeforeAll
    static void registerRecorder() {
        RecordingDriver.register();
    }

    @Test
    void registeredThroughServiceLoader() throws SQLException {
        Driver driver = DriverManager.getDriver("jdbc:governed:h2:mem:x");
        assertInstanceOf(GovernedDriver.class, driver);
    }

    @Test
    void urlsThatAreNotOursGiveNull() throws SQLException {
        GovernedDriver driver = new GovernedDriver();
        assertNull(driver.connect("jdbc:h2:mem:plain", new Properties()));
        assertNull(driver.connect("jdbc:governed:", new Properties()));
        assertNull(driver.connect("JDBC:GOVERNED:h2:mem:x", new Properties()));
        assertNull(driver.connect(null, new Properties()));
        assertFalse(driver.acceptsURL("jdbc:postgresql://db/app"));
        assertTrue(driver.acceptsURL("jdbc:governed:postgresql://db/app"));
    }

    @Test
    void prefixIsStrippedOnceAtTheStart() {
        assertEquals("jdbc:h2:mem:a", GovernedDriver.realUrl("jdbc:governed:h2:mem:a"));
        // A second occurrence inside the real URL is part of it, not another prefix.
        assertEquals("jdbc:h2:mem:jdbc:governed:x", GovernedDriver.realUrl("jdbc:governed:h2:mem:jdbc:governed:x"));
        assertNull(GovernedDriver.realUrl("xjdbc:governed:h2:mem:a"));
    }

    @Test
    void realDriverGetsTheRealUrlAndNoGovernanceKeys() throws SQLException {
        String db = "mem:r" + UUID.randomUUID().toString().replace("-", "");
        Properties p = TestConnections.agent();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        p.setProperty("TRACE_LEVEL_FILE", "0");
        int before = RecordingDriver.INSTANCE.calls().size();
        try (Connection c = DriverManager.getConnection("jdbc:governed:recording:" + db, p)) {
            assertInstanceOf(GovernedConnection.class, c);
        }
        RecordingDriver.Call call = RecordingDriver.INSTANCE.calls().get(before);
        assertEquals("jdbc:recording:" + db, call.url());
        assertEquals("sa", call.properties().getProperty("user"));
        assertEquals("", call.properties().getProperty("password"));
        assertEquals("0", call.properties().getProperty("TRACE_LEVEL_FILE"));
        for (String name : call.properties().stringPropertyNames()) {
            assertFalse(name.startsWith("governance."), "the real driver saw " + name);
        }
        // The caller's Properties are left as they were.
        assertEquals("agent-7", p.getProperty("governance.identity.subject"));
    }

    @Test
    void connectsAndRunsAStatement() throws SQLException {
        try (Connection c = TestConnections.open(TestConnections.newH2Url(), TestConnections.service());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void delegateDriverCanBeNamed() throws SQLException {
        Properties p = TestConnections.service();
        p.setProperty("governance.delegate-driver", "org.h2.Driver");
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p)) {
            assertFalse(c.isClosed());
        }
        p.setProperty("governance.delegate-driver", "no.such.Driver");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(TestConnections.newH2Url(), p));
        assertEquals("VG000", e.getSQLState());
        assertTrue(e.getMessage().contains("governance.delegate-driver"), e.getMessage());
    }

    @Test
    void dataSourceGivesGovernedConnections() throws SQLException {
        GovernedDataSource ds = new GovernedDataSource(TestConnections.newH2Url());
        TestConnections.service().forEach((k, v) -> ds.setProperty((String) k, (String) v));
        try (Connection c = ds.getConnection()) {
            assertInstanceOf(GovernedConnection.class, c);
            assertEquals("svc-orders", c.unwrap(GovernedConnection.class).identity().subject());
        }
        GovernedDataSource notOurs = new GovernedDataSource("jdbc:h2:mem:x");
        assertEquals("VG000", assertThrows(SQLException.class, notOurs::getConnection).getSQLState());
    }
}
