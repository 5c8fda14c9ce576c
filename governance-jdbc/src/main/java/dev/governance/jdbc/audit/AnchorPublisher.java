package dev.governance.jdbc.audit;

import java.time.Instant;
import java.util.List;

/**
 * Hands the head of every {@code jsonl:} sink's chain to the trail's other sinks: every {@link #INTERVAL_NANOS}
 * while the chain grows, and at once after a rotation. Best effort: a sink that can't take an anchor misses
 * that one; the next one supersedes it. Writer thread only.
 */
final class AnchorPublisher {
    static final long INTERVAL_NANOS = 60_000_000_000L;

    private final List<SinkState> sinks;
    private long lastPublished = System.nanoTime();
    private long lastSeq = -1;

    AnchorPublisher(List<SinkState> sinks) {
        this.sinks = sinks;
    }

    void maybePublish(long now) {
        for (SinkState source : sinks) {
            if (!(source.sink instanceof JsonlSink jsonl) || !source.healthy()) {
                continue;
            }
            boolean rotated = jsonl.takeRotated();
            ChainAnchor head = jsonl.head();
            if (head == null || head.seq() == lastSeq && !rotated) {
                continue;
            }
            if (rotated || now - lastPublished >= INTERVAL_NANOS) {
                publish(source, head);
                lastPublished = now;
                lastSeq = head.seq();
            }
        }
    }

    /** The last head of each file, at close: the anchor is as fresh as the file. */
    void publishNow() {
        for (SinkState source : sinks) {
            if (source.sink instanceof JsonlSink jsonl && jsonl.head() != null && jsonl.head().seq() != lastSeq) {
                publish(source, jsonl.head());
            }
        }
    }

    private void publish(SinkState source, ChainAnchor head) {
        for (SinkState target : sinks) {
            if (target != source && target.healthy()) {
                try {
                    target.anchor(head);
                } catch (Throwable e) {
                    System.getLogger(AnchorPublisher.class.getName()).log(System.Logger.Level.WARNING,
                            "audit anchor " + head.trail() + "@" + head.seq() + " not published to " + target.sink.name()
                                    + ": " + e);
                }
            }
        }
    }

    static ChainAnchor anchor(String trail, long seq, String hash) {
        return new ChainAnchor(trail, seq, hash, Instant.now());
    }
}
