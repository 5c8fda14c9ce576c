package dev.governance.jdbc;

/** Approval is required and pending (SQLState {@code VG001}); the message holds the request id. */
public class ApprovalPendingException extends GovernanceException {
    private static final long serialVersionUID = 1L;
    private final String requestId;

    public ApprovalPendingException(String requestId, String message) {
        super(message, SqlStates.APPROVAL_PENDING);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
