package dev.governance.jdbc;

import java.sql.SQLException;

/** Base of every refusal governance-jdbc raises; each subclass carries one SQLState of the contract. */
public abstract class GovernanceException extends SQLException {
    private static final long serialVersionUID = 1L;

    protected GovernanceException(String message, String sqlState) {
        super(message, sqlState);
    }

    protected GovernanceException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
