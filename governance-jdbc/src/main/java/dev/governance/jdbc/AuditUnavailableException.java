package dev.governance.jdbc;

/** The audit trail can't be written while audit.on-failure is fail-closed (SQLState `VG010`). */
public class AuditUnavailableException extends GovernanceException {
    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message) {
        super(message, SqlStates.AUDIT_UNAVAILABLE);
    }

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, SqlStates.AUDIT_UNAVAILABLE, cause);
    }
}
