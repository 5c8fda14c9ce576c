package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

/** max-rows on H2, with and without autocommit. */
class MaxRowsTest {
    @TempDir
    Path dir;
    Connection service;
    MaxRowsScenarios scenarios;

    @BeforeEach
    void setUp() throws Exception {
        String url = TestConnections.newH2Url();
        service = TestConnections.open(url, TestConnections.service());
        try (Statement s = service.createStatement()) {
            s.execute("CREATE TABLE items(id INT PRIMARY KEY, status VARCHAR(20))");
            s.execute("INSERT INTO items VALUES (1,'new'),(2,'new'),(3,'new'),(4,'new'),(5,'new')");
            s.execute("CREATE TABLE log(id INT PRIMARY KEY, note VARCHAR(40))");
        }
        Path policy = MaxRowsScenarios.writePolicy(dir);
        scenarios = new MaxRowsScenarios(service, () -> {
            Properties p = Guard.agent();
            p.setProperty("governance.policy", policy.toString());
            return TestConnections.open(url, p);
        }, "items", "log");
    }

    @AfterEach
    void tearDown() throws Exception {
        service.close();
    }

    @Test
    void autocommitOn() throws Exception {
        scenarios.autocommitOn();
    }

    @Test
    void autocommitOff() throws Exception {
        scenarios.autocommitOff();
    }
}
