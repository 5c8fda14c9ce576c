package dev.governance.jdbc.examples.spring;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.GovernedDataSource;
import dev.governance.jdbc.examples.support.ExampleDatabase;

import java.sql.SQLException;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring's {@code JdbcTemplate} on a {@link GovernedDataSource} bean. Refusals are
 * {@code java.sql.SQLInvalidAuthorizationSpecException}s, so Spring translates them to
 * {@link PermissionDeniedDataAccessException}; the governance exception stays the cause, with its SQLState
 * ({@code 42501} denied, {@code VG001} approval pending with the request id).
 *
 * <p>Run: {@code mvn -B -q -DskipTests -pl governance-jdbc-examples -am package exec:java
 * -Dexec.mainClass=dev.governance.jdbc.examples.spring.SpringJdbcExample}
 */
public final class SpringJdbcExample {
    private SpringJdbcExample() {
    }

    /** The bean as a Spring configuration would declare it (setters for every setting). */
    public static GovernedDataSource dataSource(ExampleDatabase db, String subject, String kind, String auditSinks) {
        GovernedDataSource ds = new GovernedDataSource();
        ds.setUrl(db.governedUrl());
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setIdentitySubject(subject);
        ds.setIdentityKind(kind);
        ds.setIdentityAllowUnverified("true");
        ds.setAuditSinks(auditSinks);
        return ds;
    }

    /** The request id of an approval a refusal is waiting for, or null when it is another refusal. */
    public static String pendingApproval(DataAccessException e) {
        return e.getCause() instanceof ApprovalPendingException pending ? pending.requestId() : null;
    }

    public static void main(String[] args) throws SQLException {
        try (ExampleDatabase db = ExampleDatabase.create(args.length > 0 ? args[0] : "h2")) {
            db.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))",
                    "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')");
            JdbcTemplate agent = new JdbcTemplate(dataSource(db, "report-agent", "agent", "otel"));
            for (Map<String, Object> row : agent.queryForList("SELECT id, name, email FROM customers")) {
                System.out.println("agent sees " + row);
            }
            try {
                agent.update("DELETE FROM customers");
            } catch (PermissionDeniedDataAccessException e) {
                System.out.println("denied: " + e.getCause().getMessage());
            }
            try {
                agent.execute("CREATE INDEX customers_name ON customers(name)");
            } catch (PermissionDeniedDataAccessException e) {
                System.out.println("waiting for approval, request " + pendingApproval(e));
            }
        }
    }
}
