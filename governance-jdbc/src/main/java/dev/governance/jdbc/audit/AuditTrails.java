package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process-wide registry of trails. Writers are keyed by their normalized sink list (so that two settings
 * naming the same file share one writer and one chain, whatever else differs); views add the on-failure mode.
 * A JVM shutdown hook closes every trail; {@link #closeAll()} does the same on driver deregistration.
 */
public final class AuditTrails {
    private static final Map<List<String>, TrailWriter> WRITERS = new ConcurrentHashMap<>();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private AuditTrails() {
    }

    static AuditTrail get(Settings.AuditSettings settings) {
        List<String> key = normalize(settings.sinks());
        TrailWriter writer = WRITERS.compute(key, (k, existing) ->
                existing != null && !existing.closed() ? existing
                        : new TrailWriter(String.join(",", k), Sinks.create(k, settings.segments(), settings.instance()), AuditTrail.DEFAULT_CAPACITY));
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(AuditTrails::closeAll, "governance-audit-shutdown"));
        }
        return new AuditTrail(writer, settings.onFailure(), settings.literals(), false);
    }

    /** Drains and closes every trail (shutdown hook, driver deregistration). Later use creates new ones. */
    public static void closeAll() {
        List<TrailWriter> all = new ArrayList<>(WRITERS.values());
        WRITERS.clear();
        for (TrailWriter w : all) {
            w.close(10_000);
        }
    }

    /** {@code jsonl:} paths made absolute, so {@code a.jsonl} and {@code ./a.jsonl} are one file. */
    static List<String> normalize(List<String> sinks) {
        List<String> out = new ArrayList<>(sinks.size());
        for (String sink : sinks) {
            String s = sink.trim();
            if (s.startsWith("jsonl:")) {
                s = "jsonl:" + Path.of(s.substring("jsonl:".length())).toAbsolutePath().normalize();
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
