package dev.governance.jdbc.console.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSONL trails under {@code serve --audit FILE-OR-DIR}: a file is one trail, with its closed segments beside it
 * ({@code governance-audit.000000001.jsonl}, numbered by their first seq, then the live
 * {@code governance-audit.jsonl}); a directory holds every trail in it. Looked up on each use, so new segments and new
 * trails show up without a restart.
 */
public final class TrailFiles {
    /** One chain: its segments, oldest first. */
    public record Trail(String name, List<Path> segments) {
    }

    private final Path root;
    private final List<Path> extra;

    /** @param extra further trail files to show, e.g. the console's own (ignored when under {@code root} already) */
    public TrailFiles(Path root, List<Path> extra) {
        this.root = root;
        this.extra = List.copyOf(extra);
    }

    public Path root() {
        return root;
    }

    public List<Trail> trails() throws IOException {
        Map<Path, List<Path>> byBase = new LinkedHashMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root)) {
                files.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted()
                        .forEach(p -> byBase.computeIfAbsent(base(p), b -> new ArrayList<>()).add(p));
            }
        } else {
            addWithSegments(byBase, root);
        }
        for (Path file : extra) {
            if (!byBase.containsKey(base(file))) {
                addWithSegments(byBase, file);
            }
        }
        List<Trail> out = new ArrayList<>();
        byBase.forEach((base, files) -> {
            files.sort(Comparator.comparingLong(TrailFiles::segmentNumber));
            out.add(new Trail(base.getFileName().toString(), List.copyOf(files)));
        });
        return out;
    }

    private static void addWithSegments(Map<Path, List<Path>> byBase, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path base = base(file);
        List<Path> files = byBase.computeIfAbsent(base, b -> new ArrayList<>());
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> siblings = Files.list(dir)) {
                siblings.filter(p -> !p.equals(file.toAbsolutePath()) && base(p).equals(base) && segmentNumber(p) < Long.MAX_VALUE)
                        .forEach(files::add);
            }
        }
        if (Files.isRegularFile(file)) {
            files.add(file.toAbsolutePath());
        }
    }

    /** {@code dir/governance-audit.jsonl} for the live file and every numbered segment of it. */
    static Path base(Path file) {
        Path abs = file.toAbsolutePath();
        String name = abs.getFileName().toString();
        String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        int dot = stem.lastIndexOf('.');
        if (dot > 0 && dot < stem.length() - 1 && stem.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            stem = stem.substring(0, dot);
        }
        return abs.resolveSibling(stem + ".jsonl");
    }

    /** The first seq a closed segment's name carries; the live file (no number) sorts last. */
    static long segmentNumber(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".jsonl")) {
            return Long.MAX_VALUE;
        }
        String stem = name.substring(0, name.length() - ".jsonl".length());
        int dot = stem.lastIndexOf('.');
        if (dot > 0 && dot < stem.length() - 1 && stem.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(stem.substring(dot + 1));
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }
}
