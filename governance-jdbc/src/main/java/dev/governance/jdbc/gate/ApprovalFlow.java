package dev.governance.jdbc.gate;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.ApprovalRefusedException;
import dev.governance.jdbc.ApprovalTimeoutException;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.approval.Webhook;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.sql.Analysis;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A statement that needs approval: runs on an unused grant for the same identity, environment, database, text and
 * parameters; otherwise files a request and, in {@code fail} mode, raises VG001 at once, or in {@code wait} mode
 * polls the store until it is approved (then uses the grant), denied (VG002) or the timeout passes (VG003).
 */
final class ApprovalFlow {
    private static final long POLL_MILLIS = 200;

    private final Approvals approvals;
    private final Settings.ApprovalSettings settings;
    private final Recorder recorder;
    private final Webhook webhook;
    private final boolean literals;

    ApprovalFlow(Approvals approvals, Settings.ApprovalSettings settings, Recorder recorder, boolean literals) {
        this.approvals = approvals;
        this.settings = settings;
        this.recorder = recorder;
        this.literals = literals;
        this.webhook = settings.webhook() == null || settings.webhook().isBlank() ? null : new Webhook(settings.webhook());
    }

    /** Returns when the statement may run; throws VG001, VG002 or VG003 otherwise. */
    void require(Session session, Identity identity, Analysis analysis, Decision decision, List<Object> parameters)
            throws SQLException {
        String[] filing = new String[1]; // the id of a request being filed when the store failed, if one was
        try {
            requireOrThrow(session, identity, analysis, decision, parameters, filing);
        } catch (dev.governance.jdbc.GovernanceException governance) {
            throw governance;
        } catch (SQLException | RuntimeException store) {
            // Fail closed: without the store there is neither a grant nor a request, so the statement doesn't run.
            // A store that fails while filing may still have stored the request (a lost answer to a done insert).
            String filed = filing[0] == null ? "no request was filed: retry once the store is back"
                    : "request " + filing[0] + " may have been filed: look for it with `approvals list` once the store"
                    + " is back, or run the statement again";
            throw new SQLException("Approval required by governance rule [" + decision.decidingRule()
                    + "], but the approval store " + approvals.store().name() + " can't be used: " + store.getMessage()
                    + " (the statement did not run; " + filed + ")",
                    dev.governance.jdbc.SqlStates.APPROVAL_PENDING, store);
        }
    }

    private void requireOrThrow(Session session, Identity identity, Analysis analysis, Decision decision,
                                List<Object> parameters, String[] filing) throws SQLException {
        DatabaseInfo database = session.database();
        ApprovalRequest asked = new ApprovalRequest(UUID.randomUUID().toString(), identity.subject(),
                identity.kind().label(), identity.groups(), identity.onBehalfOf(), session.environment(),
                new ApprovalRequest.Database(database.product(), database.url()),
                literals ? analysis.sql() : analysis.normalizedSql(), analysis.sql(), analysis.fingerprint(),
                ApprovalRequest.hashParameters(parameters), decision.ruleIds(), decision.approvers(),
                session.reason(), Instant.now(), ApprovalStatus.PENDING, null, null);
        // A grant is for exactly what was approved: same identity, environment, database, text and parameters.
        String grantKey = asked.grantKey();
        Optional<String> grant = approvals.store().consumeGrant(grantKey);
        if (grant.isPresent()) {
            recorder.approvalUsed(session, identity, analysis, decision, grant.get());
            return;
        }
        // Run again while its request waits for review: the same request, not another one for reviewers to wade through.
        Optional<ApprovalRequest> open = approvals.store().findPending(grantKey);
        ApprovalRequest request;
        if (open.isPresent()) {
            request = open.get();
        } else {
            request = asked;
            filing[0] = request.id();
            approvals.store().create(request);
            recorder.approvalRequested(session, identity, analysis, decision, request.id());
            if (webhook != null) {
                webhook.post(request);
            }
        }
        String what = "Approval required by governance rule [" + decision.decidingRule() + "]: " + decision.reason()
                + " (request " + request.id() + "; approvers: groups " + decision.approvers() + "; "
                + Refusals.statement(analysis) + ")";
        if (settings.mode() == Settings.ApprovalMode.FAIL) {
            throw new ApprovalPendingException(request.id(), what);
        }
        await(session, identity, analysis, decision, request, what);
    }

    private void await(Session session, Identity identity, Analysis analysis, Decision decision,
                       ApprovalRequest request, String what) throws SQLException {
        try {
            poll(session, identity, analysis, decision, request, what);
        } catch (dev.governance.jdbc.GovernanceException governance) {
            throw governance;
        } catch (SQLException | RuntimeException store) {
            // The store went away while we waited: the request was filed and stays; nothing ran (fail closed).
            throw new ApprovalPendingException(request.id(), "Approval required by governance rule ["
                    + decision.decidingRule() + "]: the approval store " + approvals.store().name()
                    + " can't be used while waiting for request " + request.id() + ": " + store.getMessage()
                    + " (the statement did not run; the request stays pending: run it again once it is approved and"
                    + " the store is back)");
        }
    }

    private void poll(Session session, Identity identity, Analysis analysis, Decision decision,
                      ApprovalRequest request, String what) throws SQLException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            ApprovalRequest now = approvals.store().find(request.id()).orElse(request);
            switch (now.status()) {
                case APPROVED -> {
                    Optional<String> grant = approvals.store().consumeGrant(request.grantKey());
                    if (grant.isPresent()) {
                        recorder.approvalUsed(session, identity, analysis, decision, grant.get());
                        return;
                    }
                    throw new ApprovalPendingException(request.id(), what + ": approved, but the grant was used or"
                            + " expired before this statement could use it");
                }
                case DENIED -> throw new ApprovalRefusedException(request.id(), "Approval request " + request.id()
                        + " for governance rule [" + decision.decidingRule() + "] was denied by " + now.reviewer()
                        + " (" + Refusals.statement(analysis) + ")");
                case USED, EXPIRED -> throw new ApprovalPendingException(request.id(), what
                        + ": the grant was used or expired before this statement could use it");
                case PENDING -> { }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ApprovalTimeoutException(request.id(), "Approval request " + request.id()
                        + " for governance rule [" + decision.decidingRule() + "] was not decided within "
                        + settings.timeout() + "; it stays pending and, once approved, the statement may be run again ("
                        + Refusals.statement(analysis) + ")",
                        null);
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApprovalTimeoutException(request.id(), "Interrupted while waiting for approval request "
                        + request.id(), e);
            }
        }
    }
}
