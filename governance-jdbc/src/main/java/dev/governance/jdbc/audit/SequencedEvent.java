package dev.governance.jdbc.audit;

import io.opentelemetry.context.Context;

/**
 * An event with the place the trail gave it: {@code seq} is total over every event of one trail.
 * {@code parent} is the OpenTelemetry context of the thread that recorded it, so that statement spans
 * nest under the application's own span although they are emitted on the writer thread.
 */
public record SequencedEvent(long seq, AuditEvent event, Context parent) {
    public SequencedEvent(long seq, AuditEvent event) {
        this(seq, event, Context.root());
    }
}
