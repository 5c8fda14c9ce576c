package dev.governance.jdbc.console.audit;

import dev.governance.jdbc.audit.AuditFiles;
import dev.governance.jdbc.audit.AuditVerifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hash chain's verification state, by the driver's {@link AuditVerifier} (what {@code audit verify} runs): each
 * segment on its own, and each trail as a whole (which also notices a missing, swapped or truncated segment, and
 * names the segment where the chain breaks). Results are kept until a file changes (size or modification time).
 */
public final class ChainStates {
    /** Label of the row that stands for a whole trail. */
    public static final String WHOLE_TRAIL = "(all segments)";

    /** One segment's state, or a whole trail's ({@code segment} = {@link #WHOLE_TRAIL}). */
    public record State(String trail, String segment, String status, String summary, long records) {
        public boolean intact() {
            return !"BROKEN".equals(status) && !"UNREADABLE".equals(status);
        }
    }

    private record Key(Path path, long size, long modified) {
    }

    private final TrailFiles files;
    private final Map<Object, Map.Entry<Object, State>> cache = new ConcurrentHashMap<>();

    public ChainStates(TrailFiles files) {
        this.files = files;
    }

    public List<State> states() throws IOException {
        List<State> out = new ArrayList<>();
        for (AuditFiles.Trail trail : files.trails()) {
            List<Key> keys = new ArrayList<>();
            for (AuditFiles.Segment segment : trail.segments()) {
                Key key = key(segment.path());
                keys.add(key);
                out.add(cached(segment.path(), key, () -> state(trail.name(), segment.name(),
                        AuditVerifier.verifyFiles(List.of(segment.path())))));
            }
            if (trail.segments().size() > 1 || !trail.retired().isEmpty()) {
                out.add(cached(trail.live(), List.copyOf(keys), () -> state(trail.name(), WHOLE_TRAIL,
                        AuditVerifier.verify(trail))));
            }
        }
        return out;
    }

    private interface Check {
        State run() throws IOException;
    }

    private State cached(Object what, Object version, Check check) {
        Map.Entry<Object, State> hit = cache.get(what);
        if (hit != null && hit.getKey().equals(version)) {
            return hit.getValue();
        }
        State state;
        try {
            state = check.run();
        } catch (IOException e) {
            return new State(what.toString(), String.valueOf(what), "UNREADABLE", "can't be read: " + e.getMessage(), 0);
        }
        cache.put(what, Map.entry(version, state));
        return state;
    }

    private static State state(String trail, String segment, AuditVerifier.Result result) {
        return new State(trail, segment, result.status().name(), result.summary(), result.records());
    }

    private static Key key(Path path) {
        try {
            return new Key(path, Files.size(path), Files.getLastModifiedTime(path).toMillis());
        } catch (IOException e) {
            return new Key(path, -1, -1);
        }
    }
}
