package dev.governance.jdbc.console.impact;

import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Impact on H2: counts from the parsed statement, table facts for DDL, EXPLAIN otherwise; nothing ever changes. */
class ImpactEstimatorTest {
    String url;
    ImpactEstimator estimator;

    @BeforeEach
    void createTables() throws Exception {
        url = "jdbc:h2:mem:impact_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INT PRIMARY KEY, region VARCHAR(10))");
            s.execute("CREATE TABLE orders(id INT PRIMARY KEY, customer_id INT REFERENCES customers(id),"
                    + " status VARCHAR(20), total INT)");
            s.execute("CREATE INDEX orders_status ON orders(status)");
            s.execute("CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open'");
            s.execute("INSERT INTO customers VALUES (1,'eu'),(2,'us'),(3,'eu')");
            s.execute("INSERT INTO orders VALUES (1,1,'void',10),(2,2,'void',20),(3,3,'open',30),(4,1,'void',40),"
                    + "(5,2,'paid',50)");
        }
        estimator = new ImpactEstimator(List.of(url));
    }

    @AfterEach
    void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private ApprovalRequest request(String sql) {
        return new ApprovalRequest(UUID.randomUUID().toString(), "agent-7", "agent", List.of(), null, "production",
                new ApprovalRequest.Database("H2", url), sql, sql, "fp", "", List.of("r"), List.of("dba"), null,
                Instant.now(), ApprovalStatus.PENDING, null, null);
    }

    private Impact impact(String sql) {
        return estimator.estimate(request(sql));
    }

    private int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void deleteAndUpdateCountTheRowsTheirWhereMatchesWithoutChangingThem() throws Exception {
        assertEquals("3 rows match", impact("DELETE FROM orders WHERE status = 'void'").headline());
        assertEquals("1 row matches", impact("UPDATE orders SET total = 0 WHERE id = 5").headline());
        assertEquals("5 rows match", impact("DELETE FROM orders").headline(), "no WHERE: every row");
        assertEquals("2 rows match", impact("update orders o set status = 'x' where o.total > 15 and o.status = 'void'")
                .headline(), "aliases and case as written");
        assertEquals("2 rows match", impact("DELETE FROM orders WHERE customer_id IN"
                + " (SELECT id FROM customers WHERE region = 'eu') AND status = 'void'").headline());
        Impact counted = impact("DELETE FROM orders WHERE status = 'void'");
        assertEquals("rows", counted.kind());
        assertEquals(List.of("SELECT COUNT(*) FROM orders WHERE status = 'void'"), counted.queries());
        assertEquals(5, count("SELECT COUNT(*) FROM orders"), "nothing deleted");
        assertEquals(0, count("SELECT COUNT(*) FROM orders WHERE total = 0"), "nothing updated");
    }

    @Test
    void parametersWithoutValuesGiveNoCount() {
        Impact impact = impact("DELETE FROM orders WHERE id = ?");
        assertEquals("rows depend on the values bound at run time", impact.headline());
        assertTrue(impact.queries().isEmpty() || !impact.queries().get(0).isEmpty());
        assertEquals("3 rows match", impact("DELETE FROM orders WHERE status = 'void' AND 'a?' = 'a?'").headline(),
                "a question mark inside a literal is no parameter");
    }

    @Test
    void schemaChangesShowTheTableAndWhatDependsOnIt() throws Exception {
        Impact alter = impact("ALTER TABLE orders ADD COLUMN note VARCHAR(20)");
        assertEquals("table", alter.kind());
        assertTrue(alter.headline().startsWith("orders: 5 rows"), alter.headline());
        String details = String.join("\n", alter.details());
        assertTrue(details.contains("OPEN_ORDERS"), details);
        assertTrue(details.contains("ORDERS_STATUS"), details);

        Impact drop = impact("DROP TABLE customers");
        assertTrue(drop.headline().startsWith("customers: 3 rows"), drop.headline());
        assertTrue(String.join("\n", drop.details()).contains("foreign key") && String.join("\n", drop.details())
                .contains("ORDERS"), drop.details().toString());

        Impact create = impact("CREATE TABLE archive(id INT)");
        assertEquals("archive does not exist yet", create.headline());
        assertEquals(5, count("SELECT COUNT(*) FROM orders"));
        assertEquals(0, count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'NOTE'"),
                "the ALTER did not run");
    }

    @Test
    void otherStatementsShowThePlanNotTheResult() throws Exception {
        Impact plan = impact("INSERT INTO customers SELECT id + 10, region FROM customers");
        assertEquals("plan", plan.kind());
        assertEquals("EXPLAIN INSERT INTO customers SELECT id + 10, region FROM customers", plan.queries().get(0));
        assertTrue(String.join("\n", plan.details()).toUpperCase().contains("INSERT INTO"), plan.details().toString());
        assertEquals(3, count("SELECT COUNT(*) FROM customers"), "explained, not run");
    }

    @Test
    void aRequestForAnotherDatabaseIsNotEstimatedOnThisOne() {
        ApprovalRequest elsewhere = new ApprovalRequest("x", "agent-7", "agent", List.of(), null, "production",
                new ApprovalRequest.Database("PostgreSQL", "jdbc:postgresql://db.internal/app"), "DELETE FROM orders",
                "DELETE FROM orders", "fp", "", List.of("r"), List.of("dba"), null, Instant.now(),
                ApprovalStatus.PENDING, null, null);
        Impact impact = estimator.estimate(elsewhere);
        assertEquals("unknown", impact.kind());
        assertTrue(impact.details().get(0).contains("jdbc:postgresql://db.internal/app"), impact.details().toString());
    }

    @Test
    void databasesMatchByPlaceNotByCredentialsOrOptions() {
        assertEquals(ImpactEstimator.place("jdbc:postgresql://127.0.0.1:5432/test"),
                ImpactEstimator.place("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=secret"));
    }
}
