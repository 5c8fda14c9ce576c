package dev.governance.jdbc;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A policy file changed under open connections: new rules apply; a broken version keeps the last good one. */
class PolicyReloadTest {
    @TempDir
    Path dir;

    private static final String DENY_SELECTS = """
            version: 1
            rules:
              - id: no-selects
                when: { statement: [SELECT] }
                action: deny
                message: "reading is switched off"
            """;
    private static final String ALLOW_ALL = """
            version: 1
            rules: []
            """;

    @Test
    void connectionsFollowThePolicyFile() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, ALLOW_ALL);
        Properties p = TestConnections.agent();
        p.setProperty("governance.policy", policy.toString());
        try (Connection c = DriverManager.getConnection(TestConnections.newH2Url(), p); Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1").close();

            rewrite(policy, DENY_SELECTS, 5);
            SQLException denied = waitForDenial(s);
            assertEquals("42501", denied.getSQLState());
            assertTrue(denied.getMessage().contains("no-selects"), denied.getMessage());

            // A broken new version is rejected; the last good policy stays in force.
            rewrite(policy, "version: 1\nrules:\n  - id: x\n    action: explode\n", 10);
            Thread.sleep(1_300);
            SQLException stillDenied = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
            assertEquals("42501", stillDenied.getSQLState());
            assertTrue(stillDenied.getMessage().contains("no-selects"), stillDenied.getMessage());

            rewrite(policy, ALLOW_ALL, 15);
            waitForSuccess(s);
        }
    }

    @Test
    void aBrokenPolicyFailsConnectWithVG000NamingTheLine() throws Exception {
        Path policy = dir.resolve("broken.yaml");
        Files.writeString(policy, "version: 1\nrules:\n  - id: r\n    when: { statement: [SELEKT] }\n    action: deny\n");
        Properties p = TestConnections.agent();
        p.setProperty("governance.policy", policy.toString());
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(TestConnections.newH2Url(), p));
        assertEquals("VG000", e.getSQLState());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("SELEKT"), e.getMessage());
    }

    private static void rewrite(Path file, String content, int secondsAhead) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsAhead)));
    }

    private static SQLException waitForDenial(Statement s) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            try {
                s.executeQuery("SELECT 1").close();
            } catch (SQLException e) {
                return e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the new policy never applied");
    }

    private static void waitForSuccess(Statement s) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            try {
                s.executeQuery("SELECT 1").close();
                return;
            } catch (SQLException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the relaxed policy never applied");
    }
}
