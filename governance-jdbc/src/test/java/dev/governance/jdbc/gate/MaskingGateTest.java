package dev.governance.jdbc.gate;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the gate applies masking decisions: unwrap, generated keys, schema switches, the predicate guard. */
class MaskingGateTest {
    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void data() throws SQLException {
        url = "jdbc:governed:h2:mem:m" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, TestConnections.service()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(80), status VARCHAR(20))");
            s.execute("INSERT INTO customers(email, status) VALUES ('ada@example.com', 'active')");
            s.execute("CREATE SCHEMA vault");
            s.execute("CREATE TABLE vault.notes(id INT PRIMARY KEY, body VARCHAR(80))");
            s.execute("INSERT INTO vault.notes VALUES (1, 'x')");
        }
    }

    @Test
    void aMaskedIdentityCantUnwrapEvenWhenUnwrapIsAllowed() throws SQLException {
        Properties agent = TestConnections.agent();
        agent.setProperty("governance.allow-unwrap", "true");
        try (Connection c = DriverManager.getConnection(url, agent)) {
            assertEquals("42501", assertThrows(SQLException.class,
                    () -> c.unwrap(org.h2.jdbc.JdbcConnection.class)).getSQLState());
            Statement s = c.createStatement();
            assertEquals("42501", assertThrows(SQLException.class,
                    () -> s.unwrap(org.h2.jdbc.JdbcStatement.class)).getSQLState());
            ResultSet rs = s.executeQuery("SELECT email FROM customers");
            assertFalse(rs.isWrapperFor(org.h2.jdbc.JdbcResultSet.class));
            assertEquals("42501", assertThrows(SQLException.class,
                    () -> rs.unwrap(org.h2.jdbc.JdbcResultSet.class)).getSQLState());
            assertTrue(rs.next());
            assertFalse(rs.getString(1).contains("ada"), rs.getString(1));
        }
        Properties service = TestConnections.service();
        service.setProperty("governance.allow-unwrap", "true");
        try (Connection c = DriverManager.getConnection(url, service)) {
            assertNotNull(c.unwrap(org.h2.jdbc.JdbcConnection.class), "unmasked identities may unwrap when allowed");
        }
    }

    @Test
    void generatedKeysOfAnAgentInsertAreReadable() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestConnections.agent());
             PreparedStatement ps = c.prepareStatement("INSERT INTO customers(email, status) VALUES (?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "grace@example.com");
            ps.setString(2, "new");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(2, keys.getInt(1), "an id is not sensitive");
            }
        }
    }

    @Test
    void aSchemaSwitchChangesHowNamesResolve() throws Exception {
        Path policy = dir.resolve("vault.yaml");
        Files.writeString(policy, """
                version: 1
                rules:
                  - id: no-vault-writes
                    when: { tables: ["vault.*"], statement: [UPDATE, DELETE, INSERT] }
                    action: deny
                    message: "the vault is read-only"
                """);
        Properties agent = TestConnections.agent();
        agent.setProperty("governance.policy", policy.toString());
        try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
            s.execute("SET SCHEMA vault");
            SQLException denied = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE notes SET body = 'y' WHERE id = 1"));
            assertEquals("42501", denied.getSQLState());
            assertTrue(denied.getMessage().contains("no-vault-writes"), denied.getMessage());
            c.setSchema("PUBLIC");
            assertEquals(1, s.executeUpdate("UPDATE customers SET status = 'x' WHERE id = 1"));
            c.setSchema("VAULT");
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM notes WHERE id = 1"));
            assertEquals("42501", delete.getSQLState());
            assertTrue(delete.getMessage().contains("no-vault-writes"), delete.getMessage());
        }
    }

    @Test
    void predicateGuardRefusesInferenceButAllowsEquality() throws Exception {
        Path policy = dir.resolve("predicates.yaml");
        Files.writeString(policy, """
                version: 1
                masking:
                  detect: auto
                  unmasked-for: [{ groups: [pii-reader] }]
                  predicates: deny
                """);
        Properties agent = TestConnections.agent();
        agent.setProperty("governance.policy", policy.toString());
        try (Connection c = DriverManager.getConnection(url, agent); Statement s = c.createStatement()) {
            SQLException like = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT id FROM customers WHERE email LIKE 'a%'"));
            assertEquals("42501", like.getSQLState());
            assertTrue(like.getMessage().contains("masking-predicates"), like.getMessage());
            SQLException order = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT id FROM customers ORDER BY email"));
            assertEquals("42501", order.getSQLState());
            assertTrue(order.getMessage().contains("masking-predicates"), order.getMessage());
            try (PreparedStatement ps = c.prepareStatement("SELECT id, status FROM customers WHERE email = ?")) {
                ps.setString(1, "ada@example.com");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "plain equality is allowed");
                    assertEquals("active", rs.getString(2));
                }
            }
        }
    }
}
