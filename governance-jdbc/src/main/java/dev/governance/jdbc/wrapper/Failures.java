package dev.governance.jdbc.wrapper;

import dev.governance.jdbc.SqlStates;

import java.sql.SQLException;

/**
 * Turns an unexpected runtime failure inside a JDBC call (the real driver's, or masking's own) into the
 * {@link SQLException} every JDBC caller is prepared for. For an identity that sees masked values it is a refusal
 * that carries neither the failure's message nor its cause: either could hold the value being masked.
 */
final class Failures {
    private Failures() {
    }

    static SQLException of(RuntimeException failure, boolean masked) {
        if (masked) {
            return new SQLException("The value could not be read safely for this identity (internal "
                    + failure.getClass().getSimpleName() + "); refused", SqlStates.POLICY_DENIED);
        }
        return new SQLException("The database driver failed: " + failure, "HY000", failure);
    }
}
