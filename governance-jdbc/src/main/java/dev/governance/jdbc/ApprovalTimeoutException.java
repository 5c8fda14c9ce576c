package dev.governance.jdbc;

/** The approval was not decided in time (SQLState `VG003`). */
public class ApprovalTimeoutException extends GovernanceException {
    private static final long serialVersionUID = 1L;

    public ApprovalTimeoutException(String message) {
        super(message, SqlStates.APPROVAL_TIMEOUT);
    }

    public ApprovalTimeoutException(String message, Throwable cause) {
        super(message, SqlStates.APPROVAL_TIMEOUT, cause);
    }
}
