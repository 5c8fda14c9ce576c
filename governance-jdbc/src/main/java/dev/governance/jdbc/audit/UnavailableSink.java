package dev.governance.jdbc.audit;

import java.util.List;

/**
 * Stands for a sink that could not even be built, so that one broken sink never stops the trail from being
 * built for the others. {@code disabled}: an incompatible library (a {@link LinkageError} building the
 * {@code otel} sink), reported and skipped like {@link AuditSink#disabled()}; otherwise it fails every open
 * and write, so the trail is failing (VG010 when fail-closed) rather than silently writing less.
 */
final class UnavailableSink implements AuditSink {
    private final String name;
    private final String reason;
    private final boolean disabled;

    UnavailableSink(String name, Throwable cause, boolean disabled) {
        this.name = name;
        this.reason = "could not be created: " + cause;
        this.disabled = disabled;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long open() {
        if (!disabled) {
            throw new IllegalStateException(reason);
        }
        return 0;
    }

    @Override
    public void write(List<SequencedEvent> batch, boolean durable) {
        if (!disabled) {
            throw new IllegalStateException(reason);
        }
    }

    @Override
    public String disabled() {
        return disabled ? name + ": " + reason : null;
    }

    @Override
    public void close() {
    }
}
