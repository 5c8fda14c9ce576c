package dev.governance.jdbc;

/** The approval was not decided in time (SQLState `VG003`). */
public class ApprovalTimeoutException extends GovernanceException {
    private static final long serialVersionUID = 1L;
    private final String requestId;

    public ApprovalTimeoutException(String message) {
        this(null, message, null);
    }

    public ApprovalTimeoutException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** @param requestId the request still pending (it stays in the store and may be approved later) */
    public ApprovalTimeoutException(String requestId, String message, Throwable cause) {
        super(message, SqlStates.APPROVAL_TIMEOUT, cause);
        this.requestId = requestId;
    }

    /** The request that was not decided in time, or null. */
    public String requestId() {
        return requestId;
    }
}
