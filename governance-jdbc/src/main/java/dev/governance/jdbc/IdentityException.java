package dev.governance.jdbc;

/** No identity, or the identity failed verification (SQLState `28000`). */
public class IdentityException extends GovernanceException {
    private static final long serialVersionUID = 1L;

    public IdentityException(String message) {
        super(message, SqlStates.IDENTITY);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, SqlStates.IDENTITY, cause);
    }
}
