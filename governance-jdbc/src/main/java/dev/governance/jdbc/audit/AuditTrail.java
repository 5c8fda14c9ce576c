package dev.governance.jdbc.audit;

import dev.governance.jdbc.AuditUnavailableException;
import dev.governance.jdbc.config.Settings;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the driver records what happens. Obtain one with {@link #of(Settings.AuditSettings)}: trails are
 * shared by every connection with the same sinks. Thread-safe; events are ordered by one writer thread.
 *
 * <p>How the gate uses it for a statement:
 * <pre>{@code
 * trail.checkAvailable();                       // VG010 before anything runs, when fail-closed and failing
 * if (agent && write) trail.recordSync(intent); // durable before the write runs (phase = intent)
 * ... execute ...
 * trail.record(intent.outcome(rows, micros, error));   // or one event without phase for everything else
 * }</pre>
 * A refused statement is recorded with {@link #record} and never executed. With {@code audit.literals=false}
 * the writer also scrubs literal values from {@code sql} and {@code error} ({@link LiteralScrubber}), a safety
 * net under the analyzer's normalization.
 */
public final class AuditTrail implements AutoCloseable {
    static final int DEFAULT_CAPACITY = 8192;
    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;

    private final TrailWriter writer;
    private final Settings.OnFailure onFailure;
    private final boolean literals;
    private final boolean owned;

    AuditTrail(TrailWriter writer, Settings.OnFailure onFailure, boolean literals, boolean owned) {
        this.writer = writer;
        this.onFailure = onFailure;
        this.literals = literals;
        this.owned = owned;
    }

    /** The shared trail for these settings (created on first use, closed at JVM shutdown). */
    public static AuditTrail of(Settings.AuditSettings settings) {
        return AuditTrails.get(settings);
    }

    /** A private trail over the given sinks (tests, embedding), literals scrubbed; the caller closes it. */
    public static AuditTrail create(List<AuditSink> sinks, Settings.OnFailure onFailure, int capacity) {
        return create(sinks, onFailure, capacity, false);
    }

    /**
     * As {@link #create(List, Settings.OnFailure, int)}, with a bound on each call into a sink: a sink that takes
     * longer counts as hung (failing, VG010 when fail-closed) while the other sinks go on; it is caught up when it
     * answers again.
     */
    public static AuditTrail create(List<AuditSink> sinks, Settings.OnFailure onFailure, int capacity,
                                    java.time.Duration sinkTimeout) {
        return new AuditTrail(new TrailWriter(describe(sinks), sinks, capacity, sinkTimeout.toNanos()), onFailure,
                false, true);
    }

    /** As {@link #create(List, Settings.OnFailure, int)}; {@code literals=true} records SQL and errors as given. */
    public static AuditTrail create(List<AuditSink> sinks, Settings.OnFailure onFailure, int capacity,
                                    boolean literals) {
        return new AuditTrail(new TrailWriter(describe(sinks), sinks, capacity), onFailure, literals, true);
    }

    /**
     * Records an event after it happened (or a refusal instead of running). Returns once the event is queued
     * (waits while the queue is full). The event is kept either way; when the trail is failing and
     * {@code fail-closed}, throws VG010 so that a caller that has not executed yet refuses to. After the
     * statement already ran, the gate may ignore that VG010: the event is written when the sink recovers.
     */
    public void record(AuditEvent event) throws AuditUnavailableException {
        if (writer.closed()) {
            closedTrail();
            return;
        }
        writer.enqueue(event, null, !literals);
        if (writer.failing() && onFailure == Settings.OnFailure.FAIL_CLOSED) {
            throw unavailable();
        }
    }

    /**
     * Records an event and returns its {@code seq} only once every sink holds it durably (JSONL forced to disk).
     * For {@code intent} records of agent writes. fail-closed: VG010 when a sink could not write it (the
     * write must then not run); fail-open: returns even then (the event is written on recovery or marked as
     * a gap).
     */
    public long recordSync(AuditEvent event) throws AuditUnavailableException {
        if (writer.closed()) {
            closedTrail();
            return -1;
        }
        if (writer.failing() && onFailure == Settings.OnFailure.FAIL_CLOSED) {
            throw unavailable(); // known failing: don't wait for a write that can't happen
        }
        CompletableFuture<TrailWriter.Ack> ack = new CompletableFuture<>();
        writer.enqueue(event, ack, !literals);
        TrailWriter.Ack result = await(ack);
        if (!result.written() && onFailure == Settings.OnFailure.FAIL_CLOSED) {
            throw new AuditUnavailableException("the audit trail could not write the event: " + result.failure());
        }
        return result.seq();
    }

    /** VG010 when fail-closed and a sink is failing; call before executing anything. */
    public void checkAvailable() throws AuditUnavailableException {
        if (onFailure == Settings.OnFailure.FAIL_CLOSED && (writer.failing() || writer.closed())) {
            throw writer.closed() ? new AuditUnavailableException("the audit trail is closed") : unavailable();
        }
    }

    /** Waits until every event recorded before is written and forced; false when a sink is failing. */
    public boolean flush() {
        if (writer.closed()) {
            return false;
        }
        try {
            return await(writer.flush()).written();
        } catch (AuditUnavailableException e) {
            return false;
        }
    }

    /**
     * Events waiting to be written, for monitoring: never more than the queue's capacity (8192 for a shared
     * trail), since a caller waits for room instead of dropping an event.
     */
    public int queued() {
        return writer.queued();
    }

    /** True once closed (at shutdown or driver deregistration); {@link #of} then builds a new one. */
    public boolean closed() {
        return writer.closed();
    }

    /**
     * True while the trail can be written: no sink is failing (any Throwable from a sink, retried until it
     * writes again) and at least one sink is not {@linkplain #disabledSinks() disabled}.
     */
    public boolean healthy() {
        return !writer.failing();
    }

    /**
     * Sinks that write nothing for the rest of this process and why, e.g. {@code otel} with an OpenTelemetry
     * API of an incompatible version ahead of ours on the classpath. Reported (also on stderr) rather than
     * failing, as long as another sink writes.
     */
    public List<String> disabledSinks() {
        return writer.disabled();
    }

    /** The current failure ({@code sink: message}), or null. */
    public String failure() {
        return writer.failure();
    }

    public Settings.OnFailure onFailure() {
        return onFailure;
    }

    /**
     * For a trail from {@link #create}: drains the queue into the sinks and closes them. A trail from
     * {@link #of} is shared and owned by the registry: closing it does nothing (use {@link AuditTrails#closeAll()}
     * on driver deregistration; the shutdown hook does the same), so one connection can't close another's trail.
     */
    @Override
    public void close() {
        if (owned) {
            writer.close(CLOSE_TIMEOUT_MILLIS);
        }
    }

    TrailWriter writer() {
        return writer;
    }

    private TrailWriter.Ack await(CompletableFuture<TrailWriter.Ack> ack) throws AuditUnavailableException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return ack.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!writer.writerAlive()) {
                        throw new AuditUnavailableException("the audit trail stopped before writing the event");
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the event is queued; leaving now would misreport it
                } catch (ExecutionException e) {
                    throw new AuditUnavailableException("the audit trail failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closedTrail() throws AuditUnavailableException {
        if (onFailure == Settings.OnFailure.FAIL_CLOSED) {
            throw new AuditUnavailableException("the audit trail is closed");
        }
    }

    private AuditUnavailableException unavailable() {
        return new AuditUnavailableException("the audit trail can't be written (audit.on-failure=fail-closed): "
                + writer.failure());
    }

    static String describe(List<AuditSink> sinks) {
        StringBuilder b = new StringBuilder();
        for (AuditSink s : sinks) {
            b.append(b.length() == 0 ? "" : ",").append(s.name());
        }
        return b.toString();
    }
}
