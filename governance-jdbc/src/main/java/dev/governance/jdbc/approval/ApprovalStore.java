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

    /** How many decided (or used, or expired) requests {@link #list()} shows: the latest ones. */
    int RECENT = 200;

    /**
     * Every pending request, then the {@value #RECENT} latest others; each part oldest first. Bounded because
     * reviewers' screens poll it: a long history is read through the audit trail, not here.
     */
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

    /** What {@link #list()} shows of these requests: every pending one and the {@value #RECENT} latest others. */
    static List<ApprovalRequest> listed(java.util.Collection<ApprovalRequest> requests) {
        List<ApprovalRequest> ordered = pendingFirst(new java.util.ArrayList<>(requests));
        long pending = ordered.stream().filter(r -> r.status() == ApprovalStatus.PENDING).count();
        int others = ordered.size() - (int) pending;
        return others <= RECENT ? ordered : java.util.stream.Stream.concat(ordered.stream().limit(pending),
                ordered.stream().skip(pending + others - RECENT)).toList();
    }

    /** Orders requests for listing: pending first, then by creation time. */
    static List<ApprovalRequest> pendingFirst(List<ApprovalRequest> requests) {
        return requests.stream()
                .sorted(java.util.Comparator.comparing((ApprovalRequest r) -> r.status() != ApprovalStatus.PENDING)
                        .thenComparing(ApprovalRequest::created).thenComparing(ApprovalRequest::id))
                .toList();
    }
}
