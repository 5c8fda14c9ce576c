package dev.governance.jdbc.console.impact;

import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Impact on the real PostgreSQL: table size and dependent views, and a WHERE with side effects that the read-only
 * transaction stops (the count fails; nothing is written).
 */
class ImpactOnPostgresTest {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static Connection raw() throws SQLException {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("governance.it.require-databases")) {
                Assertions.fail("PostgreSQL required (scripts/start-databases.sh): " + e.getMessage());
            }
            Assumptions.abort("PostgreSQL not reachable: " + e.getMessage());
            throw e;
        }
    }

    private static ApprovalRequest request(String sql) {
        return request(sql, "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** A request as made on {@code recordedUrl} (the URL without credentials that the driver records). */
    private static ApprovalRequest request(String sql, String recordedUrl) {
        return new ApprovalRequest(UUID.randomUUID().toString(), "agent-7", "agent", List.of(), null, "production",
                new ApprovalRequest.Database("PostgreSQL", recordedUrl), sql, sql, "fp", "",
                List.of("r"), List.of("dba"), null, Instant.now(), ApprovalStatus.PENDING, null, null);
    }

    @Test
    void rowsAreCountedAsTheRequestersDatabaseUserSeesThem() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String table = "impact_rls_" + s;
        String role = "impact_agent_" + s;
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " NOLOGIN");
            st.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, region TEXT, status TEXT)");
            st.execute("INSERT INTO " + table + " VALUES (1,'eu','void'),(2,'us','void'),(3,'eu','void'),(4,'us','paid')");
            st.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
            st.execute("CREATE POLICY eu_only ON " + table + " TO " + role + " USING (region = 'eu')");
            st.execute("GRANT SELECT, DELETE ON " + table + " TO " + role);
        }
        try {
            ImpactEstimator estimator = new ImpactEstimator(List.of(URL));
            String delete = "DELETE FROM " + table + " WHERE status = 'void'";
            Impact asRequester = estimator.estimate(request(delete,
                    "jdbc:postgresql://127.0.0.1:5432/test?user=" + role));
            assertEquals("2 rows match", asRequester.headline(), "row-level security of the requester's role applies");
            assertEquals(List.of("counted as " + role + ", the database user the request was made as"),
                    asRequester.details());
            assertEquals("3 rows match", estimator.estimate(request(delete)).headline(), "the console's own view");

            Impact unknownRole = estimator.estimate(request(delete,
                    "jdbc:postgresql://127.0.0.1:5432/test?user=no_such_role_" + s));
            assertEquals("3 rows match", unknownRole.headline());
            assertTrue(unknownRole.details().get(0).startsWith("counted as postgres: the role of the requester's"
                    + " database user no_such_role_" + s + " could not be taken"), unknownRole.details().toString());
        } finally {
            try (Connection c = raw(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + table);
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void ddlShowsSizeAndDependentViewsAndSideEffectsInAWhereAreStopped() throws Exception {
        String s = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String table = "impact_orders_" + s;
        String view = "impact_view_" + s;
        String log = "impact_log_" + s;
        String fn = "impact_fn_" + s;
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, status TEXT)");
            st.execute("INSERT INTO " + table + " SELECT g, CASE WHEN g % 4 = 0 THEN 'void' ELSE 'paid' END"
                    + " FROM generate_series(1, 100) g");
            st.execute("CREATE VIEW " + view + " AS SELECT id FROM " + table + " WHERE status = 'paid'");
            st.execute("CREATE TABLE " + log + " (at TIMESTAMPTZ DEFAULT now())");
            st.execute("CREATE FUNCTION " + fn + "() RETURNS boolean LANGUAGE sql AS $$ INSERT INTO " + log
                    + " DEFAULT VALUES RETURNING true $$");
        }
        try {
            ImpactEstimator estimator = new ImpactEstimator(List.of(URL));
            assertEquals("25 rows match", estimator.estimate(request("DELETE FROM " + table + " WHERE status = 'void'"))
                    .headline());

            Impact alter = estimator.estimate(request("ALTER TABLE " + table + " DROP COLUMN status"));
            assertTrue(alter.headline().startsWith(table + ": 100 rows, ") && alter.headline().contains("on disk"),
                    alter.headline());
            assertTrue(alter.details().contains("view " + view + " depends on it"), alter.details().toString());

            Impact sneaky = estimator.estimate(request("DELETE FROM " + table + " WHERE " + fn + "()"));
            assertEquals("unknown", sneaky.kind(), sneaky.toString());
            assertTrue(String.join(" ", sneaky.details()).contains("read-only"), sneaky.details().toString());
            try (Connection c = raw(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM " + log + "), (SELECT COUNT(*) FROM "
                         + table + ")")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the function's write was refused");
                assertEquals(100, rs.getInt(2), "and nothing was deleted");
            }
        } finally {
            try (Connection c = raw(); Statement st = c.createStatement()) {
                st.execute("DROP VIEW IF EXISTS " + view);
                st.execute("DROP TABLE IF EXISTS " + table);
                st.execute("DROP FUNCTION IF EXISTS " + fn + "()");
                st.execute("DROP TABLE IF EXISTS " + log);
            }
        }
    }
}
