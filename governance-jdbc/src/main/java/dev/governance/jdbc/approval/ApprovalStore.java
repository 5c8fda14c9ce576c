package dev.governance.jdbc.approval;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where approval requests live: in this process ({@code memory}) or in a shared database ({@code jdbc:<url>}). */
public interface ApprovalStore {
    /** How long an approval may be used after it was given. */
    Duration GRANT_LIFETIME = Duration.ofHours(1);

    /** A short description for messages (credentials removed). */
    String name();

    void create(ApprovalRequest request) throws SQLException;

    Optional<ApprovalRequest> find(String id) throws SQLException;

    /**
     * The oldest pending request with this {@linkplain ApprovalRequest#grantKey() grant key}, so that running a
     * statement again while it waits for review doesn't file another request.
     */
    Optional<ApprovalRequest> findPending(String grantKey) throws SQLException;

    /** Every request: pending first, then the rest; each part oldest first. */
    List<ApprovalRequest> list() throws SQLException;

    /**
     * Writes a verdict ({@code APPROVED} or {@code DENIED}) on a pending request.
     *
     * @return the decided request, or empty when there is no such request or it is no longer pending
     */
    Optional<ApprovalRequest> decide(String id, ApprovalStatus verdict, String reviewer) throws SQLException;

    /**
     * Atomically marks one approved, unused grant within its lifetime with this
     * {@linkplain ApprovalRequest#grantKey() grant key} (same identity, environment, database, text and parameters)
     * as used.
     *
     * @return the id of the grant used, or empty when there is none (then nothing changed)
     */
    Optional<String> consumeGrant(String grantKey) throws SQLException;

    /** Orders requests for listing: pending first, then by creation time. */
    static List<ApprovalRequest> pendingFirst(List<ApprovalRequest> requests) {
        return requests.stream()
                .sorted(java.util.Comparator.comparing((ApprovalRequest r) -> r.status() != ApprovalStatus.PENDING)
                        .thenComparing(ApprovalRequest::created).thenComparing(ApprovalRequest::id))
                .toList();
    }
}
