package dev.governance.jdbc.console.audit;

import dev.governance.jdbc.audit.AuditVerifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hash chain's verification state of every segment, by the driver's {@link AuditVerifier} (what
 * {@code audit verify} runs). A result is kept until its file changes (size or modification time), so a page view
 * re-reads only what grew.
 */
public final class ChainStates {
    /** One segment's state. */
    public record State(String trail, Path segment, String status, String summary, long records) {
        public boolean intact() {
            return !"BROKEN".equals(status) && !"UNREADABLE".equals(status);
        }
    }

    private record Key(Path path, long size, long modified) {
    }

    private final TrailFiles files;
    private final Map<Path, Map.Entry<Key, State>> cache = new ConcurrentHashMap<>();

    public ChainStates(TrailFiles files) {
        this.files = files;
    }

    public List<State> states() throws IOException {
        List<State> out = new ArrayList<>();
        for (TrailFiles.Trail trail : files.trails()) {
            for (Path segment : trail.segments()) {
                out.add(state(trail.name(), segment));
            }
        }
        return out;
    }

    private State state(String trail, Path segment) {
        try {
            Key key = new Key(segment, Files.size(segment), Files.getLastModifiedTime(segment).toMillis());
            Map.Entry<Key, State> cached = cache.get(segment);
            if (cached != null && cached.getKey().equals(key)) {
                return cached.getValue();
            }
            AuditVerifier.Result result = AuditVerifier.verify(segment);
            State state = new State(trail, segment, result.status().name(), result.summary(), result.records());
            cache.put(segment, Map.entry(key, state));
            return state;
        } catch (IOException e) {
            return new State(trail, segment, "UNREADABLE", "can't be read: " + e.getMessage(), 0);
        }
    }
}
