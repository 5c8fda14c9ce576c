package dev.governance.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.examples.spring.SpringJdbcExample;
import dev.governance.jdbc.examples.support.ExampleDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring translates refusals to PermissionDeniedDataAccessException; approvals are recognisable. */
class SpringJdbcExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void refusalsArePermissionDeniedAndApprovalsCarryTheRequestId(String kind, @TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (ExampleDatabase db = TestDatabases.create(kind)) {
            db.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))",
                    "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')");
            JdbcTemplate agent = new JdbcTemplate(SpringJdbcExample.dataSource(db, "report-agent", "agent",
                    "jsonl:" + audit));

            List<Map<String, Object>> rows = agent.queryForList("SELECT id, name, email FROM customers");
            assertEquals(1, rows.size());
            assertEquals("Ada", value(rows.get(0), "name"));
            assertTrue(String.valueOf(value(rows.get(0), "email")).startsWith("<email:"));

            PermissionDeniedDataAccessException denied = assertThrows(PermissionDeniedDataAccessException.class,
                    () -> agent.update("DELETE FROM customers"));
            PolicyViolationException violation = assertInstanceOf(PolicyViolationException.class, denied.getCause());
            assertEquals("42501", violation.getSQLState());
            assertNull(SpringJdbcExample.pendingApproval(denied));

            PermissionDeniedDataAccessException pending = assertThrows(PermissionDeniedDataAccessException.class,
                    () -> agent.execute("CREATE INDEX customers_name ON customers(name)"));
            ApprovalPendingException approval = assertInstanceOf(ApprovalPendingException.class, pending.getCause());
            assertEquals("VG001", approval.getSQLState());
            assertNotNull(SpringJdbcExample.pendingApproval(pending));
            assertTrue(approval.getMessage().contains(approval.requestId()));

            assertEquals(1, agent.queryForObject("SELECT COUNT(*) FROM customers", Integer.class));
            try (var raw = db.raw(); var st = raw.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*), MIN(email) FROM customers")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals("ada@example.com", rs.getString(2));
            }
        }
        String trail = Files.readString(audit);
        assertTrue(trail.contains("\"subject\":\"report-agent\""));
        assertTrue(trail.contains("approval-requested"));
    }

    private static Object value(Map<String, Object> row, String column) throws SQLException {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        throw new AssertionError("no column " + column + " in " + row);
    }
}
