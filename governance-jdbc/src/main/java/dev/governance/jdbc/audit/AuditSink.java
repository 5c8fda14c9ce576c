package dev.governance.jdbc.audit;

import java.util.List;

/**
 * One destination of the trail. Called only from the trail's single writer thread, in {@code seq} order,
 * so implementations need no locking. {@link #write} is all-or-nothing: when it throws, the sink must be
 * as if none of the batch had been written, because the trail hands the same events over again.
 */
public interface AuditSink extends AutoCloseable {

    /** A short name for messages and gap records ({@code jsonl:/var/log/audit.jsonl}, {@code otel}). */
    String name();

    /**
     * Opens (or re-opens after a failure) and returns the highest {@code seq} already stored, 0 when none;
     * the trail continues after the highest one over all sinks.
     */
    long open() throws Exception;

    /**
     * Writes a batch. When {@code durable} is true, returns only once the batch survives a crash of the
     * machine (fsync, commit); otherwise surviving a crash of the process is enough.
     */
    void write(List<SequencedEvent> batch, boolean durable) throws Exception;

    /** Makes everything written so far durable; called on flush and when the trail is idle. */
    default void flush() throws Exception {
    }

    /**
     * Why this sink writes nothing and never will in this process (a library of an incompatible version on the
     * classpath), or null while it works. A disabled sink is reported, not retried, and does not make the trail
     * failing as long as another sink of the trail writes; when every sink is disabled the trail can't be
     * written. Failures that may pass (I/O, a database down) are thrown from {@link #write} instead.
     */
    default String disabled() {
        return null;
    }

    /**
     * Keeps a copy of another sink's chain head (a {@code jsonl:} file's newest seq and hash), so that cutting off
     * the file's newest records is detectable against this sink. Called periodically and after each rotation;
     * best effort (a failure here only costs this anchor). Default: ignored.
     */
    default void anchor(ChainAnchor anchor) throws Exception {
    }

    /** Releases what the sink holds (after a final flush); IOException so no close can throw InterruptedException. */
    @Override
    void close() throws java.io.IOException;
}
