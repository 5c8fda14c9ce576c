package dev.governance.jdbc.approval;

import dev.governance.jdbc.identity.Identity;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reviewing approval requests, for the command line, tests and applications: list, show, approve, deny. A requester
 * can't decide its own request, nor can the person it acts on behalf of; a reviewer must be in one of the request's approver groups. Every decision goes to
 * the listener (the driver records it as an {@code approval-decided} audit event).
 */
public final class Approvals {
    /** Told of each decision a reviewer made. */
    @FunctionalInterface
    public interface DecisionListener {
        void decided(ApprovalRequest request, Identity reviewer);
    }

    private final ApprovalStore store;
    private final DecisionListener listener;

    public Approvals(ApprovalStore store) {
        this(store, (request, reviewer) -> { });
    }

    public Approvals(ApprovalStore store, DecisionListener listener) {
        this.store = store;
        this.listener = listener;
    }

    /** Opens the store a {@code governance.approval.store} value names: {@code memory} or {@code jdbc:<url>}. */
    public static ApprovalStore openStore(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equals("memory")) {
            return new MemoryApprovalStore();
        }
        return new JdbcApprovalStore(setting.trim());
    }

    public ApprovalStore store() {
        return store;
    }

    public List<ApprovalRequest> list() throws SQLException {
        return store.list();
    }

    public Optional<ApprovalRequest> find(String id) throws SQLException {
        return store.find(id);
    }

    /** Approves request {@code id}: the requester may then run that statement once within the grant lifetime. */
    public ApprovalRequest approve(String id, Identity reviewer) throws SQLException, ReviewRefusedException {
        return decide(id, reviewer, ApprovalStatus.APPROVED);
    }

    /** Denies request {@code id}: a waiting requester gets VG002. */
    public ApprovalRequest deny(String id, Identity reviewer) throws SQLException, ReviewRefusedException {
        return decide(id, reviewer, ApprovalStatus.DENIED);
    }

    private ApprovalRequest decide(String id, Identity reviewer, ApprovalStatus verdict)
            throws SQLException, ReviewRefusedException {
        ApprovalRequest request = store.find(id)
                .orElseThrow(() -> new ReviewRefusedException("no approval request " + id));
        if (request.status() != ApprovalStatus.PENDING) {
            throw new ReviewRefusedException("request " + id + " is already " + request.status().name().toLowerCase()
                    + (request.reviewer() == null ? "" : " (by " + request.reviewer() + ")"));
        }
        if (request.partyTo(reviewer.subject(), reviewer.onBehalfOf())) {
            throw new ReviewRefusedException(reviewer.subject() + " is a party to request " + id + " (requested by "
                    + request.subject() + (request.onBehalfOf() == null ? "" : " on behalf of " + request.onBehalfOf())
                    + ") and can't decide its own request");
        }
        if (!reviewer.inAnyGroup(request.approverGroups())) {
            throw new ReviewRefusedException(reviewer.subject() + " is not an approver of " + id
                    + " (approvers: groups " + request.approverGroups() + ", reviewer's groups " + reviewer.groups() + ")");
        }
        ApprovalRequest decided = store.decide(id, verdict, reviewer.subject())
                .orElseThrow(() -> new ReviewRefusedException("request " + id + " was decided by someone else meanwhile"));
        listener.decided(decided, reviewer);
        return decided;
    }
}
