package dev.governance.jdbc.examples;

import dev.governance.jdbc.examples.support.ExampleDatabase;

import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh example database of one kind. PostgreSQL and MariaDB are the local servers of
 * {@code scripts/start-databases.sh}: unreachable, the test is skipped on a laptop and fails in CI
 * ({@code CI=true} or {@code -Dgovernance.it.require-databases=true}).
 */
final class TestDatabases {
    private TestDatabases() {
    }

    static ExampleDatabase create(String kind) throws SQLException {
        try {
            return ExampleDatabase.create(kind);
        } catch (SQLException unreachable) {
            if (required() || kind.equals("h2")) {
                throw unreachable;
            }
            Assumptions.abort(kind + " is not reachable (run scripts/start-databases.sh): " + unreachable.getMessage());
            return null;
        }
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getProperty("governance.it.require-databases", ""))
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
