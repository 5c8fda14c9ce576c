package dev.governance.jdbc.gate;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.policy.PolicyEngine;

/**
 * One connection's last decisions on texts without values of their own (see
 * {@link dev.governance.jdbc.sql.Analysis#reuseKey()}): a prepared statement prepared again for each use, as pools
 * and ORMs do, is decided once, not at every prepare and execution. An entry holds only while everything the decision
 * was made from is the same object — identity, policy, search path, catalog epoch — and for at most
 * {@link #FRESH_NANOS}, so catalog changes made outside the driver are seen as soon as without the memo's help
 * (the name lookups behind a decision are cached longer than that). Entries are immutable and replace each other
 * racily: a lost write only costs a decision.
 */
final class DecisionMemo {
    static final long FRESH_NANOS = 5_000_000_000L;
    private static final int SLOTS = 16;

    private record Entry(Object key, Identity identity, PolicyEngine engine, Object names, long epoch, long madeAt,
                         Decision decision) {
    }

    private final Entry[] entries = new Entry[SLOTS];
    private final long freshNanos;

    DecisionMemo() {
        this(FRESH_NANOS);
    }

    /** {@code freshNanos}: how long an entry holds at most. */
    DecisionMemo(long freshNanos) {
        this.freshNanos = freshNanos;
    }

    /** The decision made on these same grounds, or null. */
    Decision find(Object key, Identity identity, PolicyEngine engine, Object names, long epoch) {
        Entry e = entries[slot(key)];
        if (e == null || e.key != key || e.identity != identity || e.engine != engine || e.names != names
                || e.epoch != epoch || System.nanoTime() - e.madeAt > freshNanos) {
            return null;
        }
        return e.decision;
    }

    void remember(Object key, Identity identity, PolicyEngine engine, Object names, long epoch, Decision decision) {
        entries[slot(key)] = new Entry(key, identity, engine, names, epoch, System.nanoTime(), decision);
    }

    private static int slot(Object key) {
        return System.identityHashCode(key) & (SLOTS - 1);
    }
}
