package dev.governance.jdbc.audit;

import io.opentelemetry.context.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine of a trail, shared by every {@link AuditTrail} view on the same sinks: a bounded queue and one
 * writer thread. Only the writer thread assigns {@code seq} and talks to sinks, so the order is total and
 * sinks need no locks; callers only pay for an enqueue (and wait when the queue is full: nothing is dropped).
 */
final class TrailWriter {
    private static final long IDLE_MILLIS = 200;
    /**
     * While events keep coming, the writer naps this long between batches instead of being woken per event:
     * a caller's enqueue then costs no thread wake-up (the dominant cost of a per-event signal).
     */
    private static final long BATCH_NANOS = 250_000;
    /** A caller that finds the queue full looks again after this long (the writer drains a batch meanwhile). */
    private static final long FULL_WAIT_NANOS = 50_000;

    private final List<SinkState> sinks;
    private final AnchorPublisher anchors;
    private final HandOff<Item> queue;
    private final Thread thread;
    private final String name;
    private volatile boolean failing;
    /** The writer itself failed on its last batch (a bug, not a sink): failing until a batch goes through. */
    private volatile String writerError;
    private volatile boolean closed;
    /** True while the writer sleeps with nothing to do: only then does an asynchronous event wake it. */
    private volatile boolean sleeping;
    private long seq; // writer thread only (and the constructor, before the thread starts)

    /** A queued thing: an event (with an optional acknowledgement), a flush request, or the stop marker. */
    private record Item(AuditEvent event, Context parent, CompletableFuture<Ack> ack, boolean stop, boolean scrub) {
    }

    /** What happened to a synchronous event: its seq, and whether every sink holds it. */
    record Ack(long seq, boolean written, String failure) {
    }

    TrailWriter(String name, List<AuditSink> sinks, int capacity) {
        this(name, sinks, capacity, SinkState.DEFAULT_CALL_TIMEOUT_NANOS);
    }

    /** {@code sinkTimeoutNanos}: how long one call into a sink may take before the sink counts as hung. */
    TrailWriter(String name, List<AuditSink> sinks, int capacity, long sinkTimeoutNanos) {
        this.name = name;
        this.queue = new HandOff<>(capacity);
        this.sinks = new ArrayList<>(sinks.size());
        long[] last = new long[sinks.size()];
        for (int i = 0; i < sinks.size(); i++) {
            SinkState state = new SinkState(sinks.get(i), sinkTimeoutNanos);
            this.sinks.add(state);
            last[i] = state.start();
            seq = Math.max(seq, last[i]);
        }
        for (int i = 0; i < last.length; i++) {
            this.sinks.get(i).behindAtStart(last[i], seq);
        }
        updateHealth();
        anchors = new AnchorPublisher(this.sinks);
        thread = new Thread(this::run, "governance-audit-writer " + name);
        thread.setDaemon(true); // the shutdown hook drains it; it must not keep a finished JVM alive
        thread.start();
    }

    String name() {
        return name;
    }

    boolean failing() {
        return failing;
    }

    boolean closed() {
        return closed;
    }

    /** The first failing sink's error, the writer's own, "every sink disabled", or null. */
    String failure() {
        for (SinkState s : sinks) {
            String f = s.failure();
            if (f != null) {
                return f;
            }
        }
        if (writerError != null) {
            return writerError;
        }
        List<String> disabled = disabled();
        return !disabled.isEmpty() && disabled.size() == sinks.size()
                ? "every audit sink is disabled: " + String.join("; ", disabled) : null;
    }

    /** Sinks that write nothing for good in this process, and why ({@link AuditSink#disabled()}). */
    List<String> disabled() {
        List<String> out = new ArrayList<>(0);
        for (SinkState s : sinks) {
            String d = s.disabled();
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** {@code scrub}: run sql and error through {@link LiteralScrubber} on the writer thread. */
    void enqueue(AuditEvent event, CompletableFuture<Ack> ack, boolean scrub) {
        put(new Item(event, Context.current(), ack, false, scrub));
        wake(ack != null);
    }

    /** Wakes the writer when someone waits for it, or when it sleeps; a busy writer picks events up on its own. */
    private void wake(boolean someoneWaits) {
        if (someoneWaits || sleeping) { // a full queue: put() wakes it
            LockSupport.unpark(thread);
        }
    }

    /** Events and requests waiting for the writer (at most the capacity: callers wait beyond it). */
    int queued() {
        return queue.size();
    }

    /** Resolves once everything enqueued before it is in every healthy sink and forced to disk. */
    CompletableFuture<Ack> flush() {
        CompletableFuture<Ack> done = new CompletableFuture<>();
        put(new Item(null, null, done, false, false));
        wake(true);
        return done;
    }

    /** Drains the queue into the sinks, closes them; waits up to {@code timeoutMillis}. Idempotent. */
    boolean close(long timeoutMillis) {
        if (!closed) {
            closed = true;
            put(new Item(null, null, null, true, false));
        }
        wake(true);
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    boolean writerAlive() {
        return thread.isAlive();
    }

    // Waits rather than drops; an interrupt is kept for the caller but does not lose the event.
    private void put(Item item) {
        boolean interrupted = false;
        while (!queue.offer(item)) {
            LockSupport.unpark(thread); // full: make sure the writer is draining, then wait for room
            LockSupport.parkNanos(this, FULL_WAIT_NANOS);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        // A batch takes whatever waits, up to the whole queue: a writer that fell behind catches up in fewer,
        // larger hand-offs to the sinks (each costs two thread switches per sink, whatever its size).
        int maxBatch = queue.capacity();
        List<Item> items = new ArrayList<>(Math.min(maxBatch, 1024));
        boolean stop = false;
        long lastEvent = System.nanoTime();
        boolean idled = true;
        while (!stop) {
            Item first = queue.poll();
            if (first == null) {
                long quiet = System.nanoTime() - lastEvent;
                if (quiet < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                    LockSupport.parkNanos(this, BATCH_NANOS);
                } else {
                    if (!idled) {
                        idleSafely();
                        idled = true;
                    }
                    sleeping = true;
                    if (queue.isEmpty()) {
                        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));
                    }
                    sleeping = false;
                    if (queue.isEmpty()) {
                        idleSafely(); // periodic: retries failing sinks, forces files
                    }
                }
                continue;
            }
            lastEvent = System.nanoTime();
            idled = false;
            items.add(first);
            Item next;
            while (items.size() < maxBatch && (next = queue.poll()) != null) {
                items.add(next);
            }
            try {
                stop = process(items);
                writerError = null;
            } catch (Throwable e) {
                // A bug must not kill the only writer: fail the waiters, say the trail is failing, keep going.
                writerError = "audit writer error: " + e;
                failing = true;
                System.getLogger(TrailWriter.class.getName()).log(System.Logger.Level.ERROR, writerError, e);
                for (Item item : items) {
                    stop |= item.stop();
                    if (item.ack() != null) {
                        item.ack().complete(new Ack(-1, false, writerError));
                    }
                }
            }
            items.clear();
        }
        anchors.publishNow();
        for (SinkState s : sinks) {
            s.retryNow();
            long owed = s.close();
            if (owed > 0) {
                System.getLogger(TrailWriter.class.getName()).log(System.Logger.Level.ERROR,
                        "audit sink " + s.sink.name() + " closed owing " + owed + " events: " + s.failure());
            }
        }
        // Anything that raced past close() is answered, never left waiting.
        Item late;
        while ((late = queue.poll()) != null) {
            if (late.ack() != null) {
                late.ack().complete(new Ack(-1, false, "audit trail closed"));
            }
        }
    }

    /** Returns true when the stop marker was seen. */
    private boolean process(List<Item> items) {
        reopenDueSinks(System.nanoTime());
        List<SequencedEvent> batch = new ArrayList<>(items.size());
        boolean durable = false;
        boolean stop = false;
        for (Item item : items) {
            if (item.stop()) {
                stop = true;
            } else if (item.event() != null) {
                AuditEvent event = item.scrub() ? scrubbed(item.event()) : item.event();
                batch.add(new SequencedEvent(++seq, event, item.parent()));
                durable |= item.ack() != null;
            } else {
                durable = true; // a flush
            }
        }
        long now = System.nanoTime();
        for (SinkState s : sinks) { // every sink at once, then the waits: a batch costs the slowest sink, not the sum
            s.begin(batch, durable, durable || stop, now);
        }
        boolean written = true;
        for (SinkState s : sinks) {
            written &= s.finish();
        }
        updateHealth();
        String failure = written ? null : failure();
        int index = 0;
        for (Item item : items) {
            if (item.event() != null) {
                long itemSeq = batch.get(index++).seq();
                if (item.ack() != null) {
                    item.ack().complete(new Ack(itemSeq, written, failure));
                }
            } else if (item.ack() != null) {
                item.ack().complete(new Ack(seq, written && !failing, failure()));
            }
        }
        anchors.maybePublish(now); // after the acks: callers never wait for an anchor
        return stop;
    }

    // A sink that comes back may hold records we never numbered (another writer used the file meanwhile).
    private void reopenDueSinks(long now) {
        for (SinkState s : sinks) {
            seq = Math.max(seq, s.reopenIfDue(now));
        }
    }

    /**
     * SQL texts (by identity) that scrubbing left as they were: a statement's normalized text is the analysis
     * cache's own string, so a repeated statement is scrubbed once, not per event. Writer thread only.
     */
    private final String[] cleanSql = new String[256];

    /** A scrubber bug must not cost the event: it is kept with its SQL and error withheld, and says so. */
    private AuditEvent scrubbed(AuditEvent event) {
        String sql = event.sql();
        int slot = sql == null ? 0 : System.identityHashCode(sql) & (cleanSql.length - 1);
        if (sql != null && event.error() == null && cleanSql[slot] == sql) {
            return event;
        }
        try {
            AuditEvent scrubbed = event.scrubbed();
            if (sql != null && scrubbed.sql() == sql) {
                cleanSql[slot] = sql;
            }
            return scrubbed;
        } catch (RuntimeException | StackOverflowError e) {
            return event.withheld("[withheld: literal scrubbing failed: " + e.getClass().getSimpleName() + "]");
        }
    }

    private void idleSafely() {
        try {
            idle();
        } catch (Throwable e) {
            System.getLogger(TrailWriter.class.getName()).log(System.Logger.Level.ERROR, "audit writer idle tick", e);
        }
    }

    private void idle() {
        long now = System.nanoTime();
        reopenDueSinks(now);
        for (SinkState s : sinks) {
            if (!s.healthy()) {
                s.deliver(List.of(), true, now);
            }
            s.flush();
        }
        updateHealth();
        anchors.maybePublish(now);
    }

    /**
     * Failing while any sink can't write (it is retried, and the trail refuses statements when fail-closed), or
     * when no sink is left that writes at all. A disabled sink alone (an incompatible library) does not count
     * while another one writes: it is reported by {@link #disabled()} instead.
     */
    private void updateHealth() {
        boolean any = writerError != null;
        int disabled = 0;
        for (SinkState s : sinks) {
            any |= !s.healthy();
            disabled += s.disabled() != null ? 1 : 0;
        }
        failing = any || (disabled > 0 && disabled == sinks.size());
    }
}
