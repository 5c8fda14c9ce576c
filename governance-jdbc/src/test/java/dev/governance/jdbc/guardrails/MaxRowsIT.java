package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

/** max-rows on PostgreSQL, with and without autocommit. */
class MaxRowsIT {
    @TempDir
    Path dir;
    Connection service;
    MaxRowsScenarios scenarios;
    String items;
    String log;

    static final TestDatabase DB = TestDatabase.POSTGRES;

    @BeforeEach
    void setUp() throws Exception {
        String suffix = TestDatabase.unique("");
        items = "guard_items_" + suffix;
        log = "guard_log_" + suffix;
        service = DB.openGoverned(TestConnections.service());
        try (Statement s = service.createStatement()) {
            s.execute("CREATE TABLE " + items + "(id INT PRIMARY KEY, status VARCHAR(20))");
            s.execute("INSERT INTO " + items + " VALUES (1,'new'),(2,'new'),(3,'new'),(4,'new'),(5,'new')");
            s.execute("CREATE TABLE " + log + "(id INT PRIMARY KEY, note VARCHAR(40))");
        }
        Path policy = MaxRowsScenarios.writePolicy(dir);
        scenarios = new MaxRowsScenarios(service, () -> {
            Properties p = DB.withCredentials(Guard.agent());
            p.setProperty("governance.policy", policy.toString());
            return TestConnections.open(DB.governedUrl(), p);
        }, items, log);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (service != null) {
            try (Statement s = service.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + items);
                s.execute("DROP TABLE IF EXISTS " + log);
            }
            service.close();
        }
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
