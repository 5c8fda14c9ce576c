package dev.governance.jdbc.approval;

import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.audit.EventType;
import dev.governance.jdbc.identity.Identity;

/** The audit record of a reviewer's decision, the same from the driver and from the command line. */
public final class ApprovalEvents {
    private ApprovalEvents() {
    }

    /**
     * {@code approval-decided}: the identity is the reviewer's (who acted), the action {@code approved} or
     * {@code refused}; the request id, its recorded SQL and the requester's reason say what it was about.
     */
    public static AuditEvent decided(ApprovalRequest request, Identity reviewer) {
        return decided(request, reviewer, null);
    }

    /** The same, with the reviewer's comment on the decision (null for none). */
    public static AuditEvent decided(ApprovalRequest request, Identity reviewer, String comment) {
        String verdict = request.status() == ApprovalStatus.APPROVED ? "approved" : "refused";
        return AuditEvent.builder(EventType.APPROVAL_DECIDED).identity(reviewer)
                .environment(request.environment()).sql(request.sql()).fingerprint(request.fingerprint())
                .decision(verdict, request.ruleIds(), "enforce")
                .requestId(request.id()).reviewer(reviewer.subject()).reason(request.reason()).comment(comment).build();
    }
}
