package dev.governance.jdbc.approval;

/** Where an approval request is in its life. */
public enum ApprovalStatus {
    /** Waiting for a reviewer. */
    PENDING,
    /** Approved: a single-use grant, valid for {@link ApprovalStore#GRANT_LIFETIME} from the decision. */
    APPROVED,
    /** Refused by a reviewer. */
    DENIED,
    /** Approved, but its grant outlived its lifetime unused (computed when read, see {@link ApprovalRequest#effectiveStatus}). */
    EXPIRED,
    /** Approved and its grant consumed by the statement it was for. */
    USED
}
