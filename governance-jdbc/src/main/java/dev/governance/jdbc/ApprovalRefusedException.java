package dev.governance.jdbc;

/** A reviewer refused the approval request (SQLState {@code VG002}). */
public class ApprovalRefusedException extends GovernanceException {
    private static final long serialVersionUID = 1L;
    private final String requestId;

    public ApprovalRefusedException(String requestId, String message) {
        super(message, SqlStates.APPROVAL_REFUSED);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
