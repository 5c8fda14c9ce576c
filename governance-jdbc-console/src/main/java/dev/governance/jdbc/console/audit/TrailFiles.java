package dev.governance.jdbc.console.audit;

import dev.governance.jdbc.audit.AuditFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONL trails under {@code serve --audit FILE-OR-DIR}, found by the driver's {@link AuditFiles}: a file is one
 * trail with its segments beside it, a directory every trail in it. Looked up on each use, so rotated segments and
 * new trails show up without a restart.
 */
public final class TrailFiles {
    private final Path root;
    private final List<Path> extra;

    /** @param extra further trail files to show, e.g. the console's own (ignored when found under {@code root}) */
    public TrailFiles(Path root, List<Path> extra) {
        this.root = root;
        this.extra = List.copyOf(extra);
    }

    public Path root() {
        return root;
    }

    public List<AuditFiles.Trail> trails() throws IOException {
        List<AuditFiles.Trail> out = new ArrayList<>(AuditFiles.find(root));
        for (Path file : extra) {
            AuditFiles.Trail trail = AuditFiles.trail(file);
            if (out.stream().noneMatch(t -> t.live().equals(trail.live())) && !trail.segments().isEmpty()) {
                out.add(trail);
            }
        }
        return out;
    }
}
