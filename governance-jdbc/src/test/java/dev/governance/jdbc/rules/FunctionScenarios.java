package dev.governance.jdbc.rules;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Functions are read like views: calling a user-defined function reads what its SQL body reads; a body that isn't
 * SQL reads an unknown table, outside the access list unless the policy names the function.
 */
final class FunctionScenarios implements AutoCloseable {
    static final String AGENT = "agent-functions";
    static final String SECRET = "fn-secret-7Qx2Lm9";

    final RuleHarness db;
    final String customers = RuleTarget.unique("fn_customers");
    final String secrets = RuleTarget.unique("fn_secrets");
    /** Function names, unique per run: reading the secrets table, reading customers, opaque, allowed opaque. */
    final String reader = RuleTarget.unique("fn_reader");
    final String nested = RuleTarget.unique("fn_nested");
    final String innocent = RuleTarget.unique("fn_innocent");
    final String opaque = RuleTarget.unique("fn_opaque");
    final String allowedOpaque = RuleTarget.unique("fn_allowed");

    /**
     * The access list names the customers table with a schema part ({@code *.customers}): a function body's
     * unqualified names must resolve where the database resolves them (MariaDB: the routine's own database).
     */
    FunctionScenarios(RuleTarget target, Path dir) throws Exception {
        db = new RuleHarness(target, dir, """
                version: 1
                identities:
                  agent: { subject: "%s" }
                access:
                  - identity: agent
                    read: ["%s"]
                    write: ["%s"]
                    functions: ["%s"]
                """.formatted(AGENT, "*." + customers, "*." + customers, allowedOpaque), List.of(customers, secrets));
        db.raw("CREATE TABLE " + customers + " (id INT PRIMARY KEY, name VARCHAR(40))",
                "INSERT INTO " + customers + " VALUES (1, 'Ann'), (2, 'Bob')",
                "CREATE TABLE " + secrets + " (id INT PRIMARY KEY, v VARCHAR(40))",
                "INSERT INTO " + secrets + " VALUES (1, '" + SECRET + "')");
    }

    /** {@code sql} as the agent is refused by the access list before it runs. */
    void refused(String sql) throws Exception {
        db.refused(AGENT, sql, "42501", "access");
    }

    /** {@code sql} as the agent runs and gives a row. */
    void runs(String sql) throws Exception {
        try (Connection c = db.agent(AGENT); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
        } catch (SQLException e) {
            fail(db.target.name() + ": " + sql + ": refused: " + e.getMessage(), e);
        }
    }

    void dropFunctions(String... ddl) {
        for (String sql : ddl) {
            try {
                db.raw(sql);
            } catch (SQLException ignored) {
                // best effort
            }
        }
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
