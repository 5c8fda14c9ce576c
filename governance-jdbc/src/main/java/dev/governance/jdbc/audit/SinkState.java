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
    /** How long one call into a sink may take before the sink counts as hung (and failing) rather than slow. */
    static final long DEFAULT_CALL_TIMEOUT_NANOS = 10_000_000_000L;

    final AuditSink sink;
    /**
     * The sink is called on its own thread, one call at a time, and waited for at most {@link #callTimeoutNanos}: a
     * sink that hangs holds up neither the writer (the other sinks keep getting events) nor, beyond that bound, the
     * callers. A call that outlives the bound stays {@link #inFlight}; no other call is made until it returns.
     */
    private final java.util.concurrent.ExecutorService worker;
    private final long callTimeoutNanos;
    private java.util.concurrent.Future<?> inFlight;
    /** The highest seq the call still in flight hands to the sink, or -1 when it carries no events. */
    private long inFlightTo = -1;
    /** A delivery between {@link #begin} and {@link #finish}: the call on the sink's thread, or null. */
    private java.util.concurrent.Future<Throwable> delivering;
    private List<SequencedEvent> deliveringBatch;
    private long deliveringSince;
    private long deliveringDeadline;
    /** The outcome of a delivery {@link #begin} made on the writer thread (no call left to wait for). */
    private boolean delivered;
    private final ArrayDeque<SequencedEvent> backlog = new ArrayDeque<>();
    private boolean opened;
    private volatile String failure;
    private long retryAt;
    private long backoff = FIRST_RETRY_NANOS;
    private long lostFrom = -1;
    private long lostTo;
    private String lostReason;

    SinkState(AuditSink sink) {
        this(sink, DEFAULT_CALL_TIMEOUT_NANOS);
    }

    SinkState(AuditSink sink, long callTimeoutNanos) {
        this.sink = sink;
        this.callTimeoutNanos = callTimeoutNanos;
        this.worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "governance-audit-sink " + sink.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** One call into the sink. */
    @FunctionalInterface
    private interface SinkCall<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code call} on the sink's thread and waits for it up to the call timeout; a call that takes longer is
     * left running (in flight) and reported as a failure, so the writer goes on with the other sinks.
     */
    private <T> T call(SinkCall<T> call, long to) throws Throwable {
        if (!settled()) {
            throw new java.io.IOException("has not answered for "
                    + java.time.Duration.ofNanos(callTimeoutNanos).toSeconds() + " s; still waiting for it");
        }
        java.util.concurrent.Future<T> future = worker.submit(call::run);
        try {
            return future.get(callTimeoutNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            inFlight = future;
            inFlightTo = to;
            throw hung();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while waiting for the sink", e);
        }
    }

    /**
     * True when no call is in flight any more. A hung call that came back is accounted for: when it wrote, the events
     * it carried are in the sink and leave the backlog; when it failed, they stay owed (the sink is all-or-nothing).
     */
    private boolean settled() {
        java.util.concurrent.Future<?> late = inFlight;
        if (late == null) {
            return true;
        }
        if (!late.isDone()) {
            return false;
        }
        inFlight = null;
        try {
            late.get();
            while (!backlog.isEmpty() && backlog.peekFirst().seq() <= inFlightTo) {
                backlog.removeFirst();
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            opened = false; // failed late: re-open before anything else
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inFlightTo = -1;
        return true;
    }

    /** Opens at start; returns the sink's last seq, or -1 when it can't be opened (it is then failing). */
    long start() {
        try {
            long last = call(sink::open, -1);
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

    private long open() throws Throwable {
        long last = call(sink::open, -1);
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

    /**
     * Starts handing a batch to the sink, forced to disk ({@code durable}) and then flushed when {@code flush}; the
     * writer starts every sink's delivery before it waits for any ({@link #finish}), so the sinks work at the same
     * time. A healthy sink gets one call on its thread for all of it; a sink that fails, or owes events, is served
     * here and now as by {@link #deliver} (recovery is rare and keeps its order: open, backlog, gap, batch).
     */
    void begin(List<SequencedEvent> batch, boolean durable, boolean flush, long now) {
        if (settled() && failure == null && opened && backlog.isEmpty() && lostFrom < 0) {
            if (batch.isEmpty() && !flush) {
                delivered = true;
                return;
            }
            deliveringBatch = batch;
            deliveringSince = now;
            delivering = worker.submit(() -> writeAndFlush(batch, durable, flush));
            deliveringDeadline = System.nanoTime() + callTimeoutNanos;
            return;
        }
        delivered = deliver(batch, durable, now);
        if (flush) {
            flush();
        }
    }

    /**
     * Waits for the delivery {@link #begin} started, at most until the sink's call bound passes (a call that takes
     * longer is left in flight, as in {@link #call}); true when the batch is in the sink.
     */
    boolean finish() {
        java.util.concurrent.Future<Throwable> call = delivering;
        if (call == null) {
            return delivered;
        }
        delivering = null;
        List<SequencedEvent> batch = deliveringBatch;
        deliveringBatch = null;
        try {
            Throwable flushFailed = call.get(Math.max(0, deliveringDeadline - System.nanoTime()),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
            failure = null;
            backoff = FIRST_RETRY_NANOS;
            if (flushFailed != null) {
                fail(flushFailed); // the batch is in the sink; forcing it failed: the sink is failing, retried
            }
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            inFlight = call;
            inFlightTo = batch.isEmpty() ? -1 : batch.get(batch.size() - 1).seq();
            failed(hung(), batch, deliveringSince);
        } catch (java.util.concurrent.ExecutionException e) {
            failed(e.getCause(), batch, deliveringSince);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight = call; // still running: accounted for when it returns, like a hung call
            inFlightTo = batch.isEmpty() ? -1 : batch.get(batch.size() - 1).seq();
            failed(new java.io.IOException("interrupted while waiting for the sink", e), batch, deliveringSince);
        }
        return false;
    }

    /** On the sink's thread: the batch, then the flush; a flush failure is returned (the batch is in the sink). */
    private Throwable writeAndFlush(List<SequencedEvent> batch, boolean durable, boolean flush) throws Exception {
        if (!batch.isEmpty()) {
            sink.write(batch, durable);
        }
        if (flush) {
            try {
                sink.flush();
            } catch (Exception | Error e) {
                return e;
            }
        }
        return null;
    }

    private java.io.IOException hung() {
        return new java.io.IOException("did not answer within "
                + java.time.Duration.ofNanos(callTimeoutNanos).toMillis() + " ms (hung); the other sinks go on");
    }

    private void failed(Throwable e, List<SequencedEvent> batch, long now) {
        fail(e);
        retryAt = now + backoff;
        backoff = Math.min(backoff * 2, MAX_RETRY_NANOS);
        owe(batch);
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
                List<SequencedEvent> owed = new ArrayList<>(backlog);
                call(() -> write(owed, true), owed.get(owed.size() - 1).seq());
                backlog.clear();
            }
            if (lostFrom >= 0) {
                AuditEvent gap = AuditEvent.builder(EventType.GAP)
                        .gap(new AuditEvent.Gap(lostFrom, lostTo, lostTo - lostFrom + 1, sink.name(), lostReason))
                        .build();
                List<SequencedEvent> gapRecord = List.of(new SequencedEvent(lostTo, gap));
                call(() -> write(gapRecord, true), -1);
                lostFrom = -1;
            }
            if (!batch.isEmpty()) {
                call(() -> write(batch, durable), batch.get(batch.size() - 1).seq());
            }
            failure = null;
            backoff = FIRST_RETRY_NANOS;
            return true;
        } catch (Throwable e) {
            failed(e, batch, now);
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
                call(() -> {
                    sink.flush();
                    return null;
                }, -1);
            } catch (Throwable e) {
                fail(e);
            }
        }
    }

    /** Hands an anchor to the sink (best effort: a failure here costs only the anchor). */
    void anchor(ChainAnchor anchor) throws Throwable {
        call(() -> {
            sink.anchor(anchor);
            return null;
        }, -1);
    }

    /** Closes the sink (unless a hung call still holds it); returns how many events it never got. */
    long close() {
        long owed = backlog.size() + (lostFrom >= 0 ? lostTo - lostFrom + 1 : 0);
        try {
            call(() -> {
                sink.close();
                return null;
            }, -1);
        } catch (Throwable e) {
            fail(e);
        } finally {
            worker.shutdown();
        }
        return owed;
    }

    private Void write(List<SequencedEvent> events, boolean durable) throws Exception {
        sink.write(events, durable);
        return null;
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
