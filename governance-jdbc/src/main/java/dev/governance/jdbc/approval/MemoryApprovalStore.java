package dev.governance.jdbc.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code memory}: requests kept by one {@code Governance} (connections with equal settings), for one process. */
public final class MemoryApprovalStore implements ApprovalStore {
    /** Beyond this many requests, finished ones (denied, used, expired) are forgotten, oldest first. */
    static final int KEEP = 10_000;
    private final Map<String, ApprovalRequest> requests = new LinkedHashMap<>();
    private final Clock clock;

    public MemoryApprovalStore() {
        this(Clock.systemUTC());
    }

    public MemoryApprovalStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public synchronized void create(ApprovalRequest request) {
        if (requests.putIfAbsent(request.id(), request) != null) {
            throw new IllegalArgumentException("duplicate approval request id " + request.id());
        }
        if (requests.size() > KEEP) {
            Instant now = clock.instant();
            requests.values().removeIf(r -> requests.size() > KEEP && r.status() != ApprovalStatus.PENDING
                    && !r.grantUsableAt(now));
        }
    }

    @Override
    public synchronized Optional<ApprovalRequest> find(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public synchronized Optional<ApprovalRequest> findPending(String grantKey) {
        return requests.values().stream()
                .filter(r -> r.status() == ApprovalStatus.PENDING && r.grantKey().equals(grantKey))
                .findFirst();
    }

    @Override
    public synchronized List<ApprovalRequest> list() {
        return ApprovalStore.listed(requests.values());
    }

    @Override
    public synchronized Optional<ApprovalRequest> decide(String id, ApprovalStatus verdict, String reviewer) {
        requireVerdict(verdict);
        ApprovalRequest current = requests.get(id);
        if (current == null || current.status() != ApprovalStatus.PENDING) {
            return Optional.empty();
        }
        ApprovalRequest decided = current.with(verdict, reviewer, clock.instant());
        requests.put(id, decided);
        return Optional.of(decided);
    }

    @Override
    public synchronized Optional<String> consumeGrant(String grantKey) {
        Instant now = clock.instant();
        for (ApprovalRequest r : requests.values()) {
            if (r.grantUsableAt(now) && r.grantKey().equals(grantKey)) {
                requests.put(r.id(), r.with(ApprovalStatus.USED, r.reviewer(), r.decided()));
                return Optional.of(r.id());
            }
        }
        return Optional.empty();
    }

    static void requireVerdict(ApprovalStatus verdict) {
        if (verdict != ApprovalStatus.APPROVED && verdict != ApprovalStatus.DENIED) {
            throw new IllegalArgumentException("a verdict is APPROVED or DENIED, not " + verdict);
        }
    }
}
