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

/** max-result-rows on PostgreSQL, through DriverManager. */
class MaxResultRowsIT {
    static final TestDatabase DB = TestDatabase.POSTGRES;
    @TempDir
    Path dir;
    Connection service;
    MaxResultRowsScenarios scenarios;
    String items;

    @BeforeEach
    void setUp() throws Exception {
        items = TestDatabase.unique("result_items_");
        service = DB.openGoverned(TestConnections.service());
        try (Statement s = service.createStatement()) {
            s.execute("CREATE TABLE " + items + "(id INT PRIMARY KEY, status VARCHAR(20))");
            s.execute("INSERT INTO " + items + " VALUES (1,'new'),(2,'new'),(3,'new'),(4,'new'),(5,'new')");
        }
        Path policy = MaxResultRowsScenarios.writePolicy(dir);
        Path audit = dir.resolve("audit.jsonl");
        scenarios = new MaxResultRowsScenarios(identity -> DB.openGoverned(Guard.with(identity, "governance.policy",
                policy.toString(), "governance.audit.sinks", "jsonl:" + audit)), audit, items);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (service != null) {
            try (Statement s = service.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + items);
            }
            service.close();
        }
    }

    @Test
    void pastTheLimitStops() throws Exception {
        scenarios.pastTheLimitStops();
    }

    @Test
    void atTheLimitEndsNormally() throws Exception {
        scenarios.atTheLimitEndsNormally();
    }

    @Test
    void scrollingPastTheLimitStops() throws Exception {
        scenarios.scrollingPastTheLimitStops();
    }

    @Test
    void otherIdentitiesUnlimited() throws Exception {
        scenarios.otherIdentitiesUnlimited();
    }
}
