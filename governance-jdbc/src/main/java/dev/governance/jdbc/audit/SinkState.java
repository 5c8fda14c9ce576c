package dev.governance.jdbc.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer thread's view of one sink: healthy, or failing with a backlog of events it still owes.
 *
 * <p>Recovery: a failing sink is retried (re-opened, then its backlog written in order) on the first batch or
 * idle tick after its back-off, which starts at {@link #FIRST_RETRY_NANOS} and doubles up to
 * {@link #MAX_RETRY_NANOS}. The backlog holds up to {@link #MAX_BACKLOG} events; events beyond it are counted
 * and, once the sink works again, a {@code gap} record stands for them in that sink, so the loss is itself
 * recorded (and the JSONL chain stays verifiable). Not thread-safe: writer thread only.
 */
final class SinkState {
    static final long FIRST_RETRY_NANOS = 100_000_000L;
    static final long MAX_RETRY_NANOS = 5_000_000_000L;
    static final int MAX_BACKLOG = 10_000;

    final AuditSink sink;
    private final ArrayDeque<SequencedEvent> backlog = new ArrayDeque<>();
    private boolean opened;
    private volatile String failure;
    private long retryAt;
    private long backoff = FIRST_RETRY_NANOS;
    private long lostFrom = -1;
    private long lostTo;
    private String lostReason;

    SinkState(AuditSink sink) {
        this.sink = sink;
    }

    /** Opens at start; returns the sink's last seq, or -1 when it can't be opened (it is then failing). */
    long start() {
        try {
            long last = sink.open();
            opened = true;
            return last;
        } catch (Throwable e) {
            fail(e);
            return -1;
        }
    }

    /** Events (sinkLast, trailStart] were never in this sink (it was behind another one at start). */
    void behindAtStart(long sinkLast, long trailStart) {
        if (sinkLast >= 0 && sinkLast < trailStart) {
            lostFrom = sinkLast + 1;
            lostTo = trailStart;
            lostReason = "the sink was behind the other sinks of the trail when it started";
        }
    }

    boolean healthy() {
        return failure == null;
    }

    String failure() {
        return failure;
    }

    /**
     * Re-opens a failing sink whose back-off is over, before the trail numbers its next batch, and returns the
     * highest seq the sink holds (-1 when not re-opened): the trail continues after it.
     */
    long reopenIfDue(long now) {
        if (failure == null || opened || now - retryAt < 0) {
            return -1;
        }
        try {
            return open();
        } catch (Throwable e) {
            fail(e);
            retryAt = now + backoff;
            backoff = Math.min(backoff * 2, MAX_RETRY_NANOS);
            return -1;
        }
    }

    private long open() throws Exception {
        long last = sink.open();
        opened = true;
        // Another writer added records while we were failing (two trails on one file): events we owe under seqs
        // the sink already holds can't be stored there any more. Say so loudly; the trail renumbers after `last`.
        long collided = 0;
        while (!backlog.isEmpty() && backlog.peekFirst().seq() <= last) {
            backlog.removeFirst();
            collided++;
        }
        if (lostFrom >= 0 && lostFrom <= last) {
            long upTo = Math.min(lostTo, last);
            collided += upTo - lostFrom + 1;
            lostFrom = upTo == lostTo ? -1 : upTo + 1;
        }
        if (collided > 0) {
            System.getLogger(SinkState.class.getName()).log(System.Logger.Level.ERROR, collided
                    + " audit events owed to " + sink.name() + " collide with records another writer added up to seq "
                    + last + "; they are only in the trail's other sinks");
        }
        return last;
    }

    /** Writes the backlog, then the batch; false when the batch is not (yet) in the sink. */
    boolean deliver(List<SequencedEvent> batch, boolean durable, long now) {
        if (failure != null && now - retryAt < 0) {
            owe(batch);
            return false;
        }
        try {
            if (!opened) {
                open();
            }
            if (!backlog.isEmpty()) {
                sink.write(new ArrayList<>(backlog), true);
                backlog.clear();
            }
            if (lostFrom >= 0) {
                AuditEvent gap = AuditEvent.builder(EventType.GAP)
                        .gap(new AuditEvent.Gap(lostFrom, lostTo, lostTo - lostFrom + 1, sink.name(), lostReason))
                        .build();
                sink.write(List.of(new SequencedEvent(lostTo, gap)), true);
                lostFrom = -1;
            }
            if (!batch.isEmpty()) {
                sink.write(batch, durable);
            }
            failure = null;
            backoff = FIRST_RETRY_NANOS;
            return true;
        } catch (Throwable e) {
            fail(e);
            retryAt = now + backoff;
            backoff = Math.min(backoff * 2, MAX_RETRY_NANOS);
            owe(batch);
            return false;
        }
    }

    /** One more attempt regardless of the back-off (close: the last chance to hand over the backlog). */
    void retryNow() {
        if (failure != null) {
            long now = System.nanoTime();
            retryAt = now;
            deliver(List.of(), true, now);
        }
    }

    void flush() {
        if (failure == null) {
            try {
                sink.flush();
            } catch (Throwable e) {
                fail(e);
            }
        }
    }

    /** Closes the sink; returns how many events it never got. */
    long close() {
        long owed = backlog.size() + (lostFrom >= 0 ? lostTo - lostFrom + 1 : 0);
        try {
            sink.close();
        } catch (Throwable e) {
            fail(e);
        }
        return owed;
    }

    /**
     * Any Throwable, Errors included: a sink that throws {@code NoSuchMethodError} (a library of another version
     * ahead on the classpath) or {@code OutOfMemoryError} is a failing sink, never a dead writer thread.
     */
    private void fail(Throwable e) {
        opened = false;
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : e instanceof Error ? e.getClass().getName() + ": " + e.getMessage() : e.getMessage();
        String next = sink.name() + ": " + message;
        if (failure == null) {
            System.getLogger(SinkState.class.getName()).log(System.Logger.Level.ERROR,
                    "audit sink failing, retrying: " + next);
        }
        failure = next;
    }

    /** Why the sink writes nothing for good (an incompatible library), or null; see {@link AuditSink#disabled()}. */
    String disabled() {
        try {
            return sink.disabled();
        } catch (Throwable e) {
            return sink.name() + ": " + e;
        }
    }

    private void owe(List<SequencedEvent> batch) {
        for (SequencedEvent s : batch) {
            if (lostFrom < 0 && backlog.size() < MAX_BACKLOG) {
                backlog.addLast(s);
            } else {
                if (lostFrom < 0) {
                    lostFrom = s.seq();
                    lostReason = "the sink failed longer than its backlog of " + MAX_BACKLOG + " events: " + failure;
                }
                lostTo = s.seq();
            }
        }
    }
}
