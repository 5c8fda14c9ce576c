package dev.governance.jdbc;

import java.sql.SQLInvalidAuthorizationSpecException;

/**
 * Base of every refusal governance-jdbc raises; each subclass carries one SQLState of the contract. It is a
 * {@link SQLInvalidAuthorizationSpecException} (a {@link java.sql.SQLException}) so that frameworks that translate
 * by exception class see a permission problem, not bad SQL: Spring's {@code SQLExceptionSubclassTranslator}
 * gives {@code PermissionDeniedDataAccessException}, Hibernate an {@code AuthException}. The SQLState still tells
 * which refusal it is.
 */
public abstract class GovernanceException extends SQLInvalidAuthorizationSpecException {
    private static final long serialVersionUID = 1L;

    protected GovernanceException(String message, String sqlState) {
        super(message, sqlState);
    }

    protected GovernanceException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
