package dev.governance.jdbc.approval;

/** A reviewer may not decide this request: unknown id, already decided, own request, or not an approver. */
public final class ReviewRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReviewRefusedException(String message) {
        super(message);
    }
}
