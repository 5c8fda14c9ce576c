package dev.governance.jdbc.console.approvals;

import dev.governance.jdbc.approval.ApprovalEvents;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.approval.ReviewRefusedException;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.identity.Identity;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reviewers' side of the approval store: pending requests newest first, recent decisions, and deciding — through
 * the driver's {@link Approvals} (which refuses a party to the request and anyone outside the rule's approver
 * groups), then recorded as an {@code approval-decided} event in the console's audit trail.
 */
public final class ApprovalDesk {
    /** A reviewer's comment is for humans: a paragraph, not a document. */
    public static final int MAX_COMMENT = 2_000;

    private final Approvals approvals;
    private final AuditTrail trail;

    public ApprovalDesk(Approvals approvals, AuditTrail trail) {
        this.approvals = approvals;
        this.trail = trail;
    }

    public String storeName() {
        return approvals.store().name();
    }

    /** Pending requests, newest first. */
    public List<ApprovalRequest> pending() throws SQLException {
        return approvals.list().stream().filter(r -> r.status() == ApprovalStatus.PENDING)
                .sorted(Comparator.comparing(ApprovalRequest::created).reversed().thenComparing(ApprovalRequest::id))
                .toList();
    }

    /** The most recent decisions, newest first. */
    public List<ApprovalRequest> decided(int limit) throws SQLException {
        return approvals.list().stream().filter(r -> r.status() != ApprovalStatus.PENDING && r.decided() != null)
                .sorted(Comparator.comparing(ApprovalRequest::decided).reversed()).limit(limit).toList();
    }

    public Optional<ApprovalRequest> find(String id) throws SQLException {
        return approvals.find(id);
    }

    /**
     * Decides a pending request. The audit trail is checked writable first, so that no decision is made that could
     * not be recorded.
     *
     * @throws ReviewRefusedException for an unknown or decided request, a party to it, or a non-approver
     */
    public ApprovalRequest decide(String id, Identity reviewer, boolean approve, String comment)
            throws SQLException, ReviewRefusedException {
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > MAX_COMMENT) {
            throw new ReviewRefusedException("a comment holds at most " + MAX_COMMENT + " characters");
        }
        trail.checkAvailable();
        ApprovalRequest decided = approve ? approvals.approve(id, reviewer) : approvals.deny(id, reviewer);
        try {
            trail.recordSync(ApprovalEvents.decided(decided, reviewer, note));
        } catch (SQLException e) {
            throw new SQLException("the decision on " + id + " is stored, but could not be recorded in the audit"
                    + " trail: " + e.getMessage(), e.getSQLState(), e);
        }
        trail.flush();
        return decided;
    }
}
