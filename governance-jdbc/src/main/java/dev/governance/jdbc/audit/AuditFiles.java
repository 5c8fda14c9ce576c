package dev.governance.jdbc.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Where a {@code jsonl:} trail lives on disk. A trail is a chain of segments: closed segments named by their
 * first {@code seq} ({@code governance-audit.000000001.jsonl}, or {@code .jsonl.gz} once compressed), then the
 * live file ({@code governance-audit.jsonl}) the driver appends to. Segments that retention removed are listed,
 * with their last seq and hash, in {@code governance-audit.retired} beside them, so the verifier can tell a
 * retired segment from a deleted one.
 *
 * <p>Public reading API (with {@link AuditReader} and {@link AuditVerifier}); stable for tools such as the
 * review console.
 */
public final class AuditFiles {
    static final String GZ = ".gz";
    private static final int MIN_DIGITS = 9;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditFiles() {
    }

    /**
     * One file of a trail.
     *
     * @param path       the file
     * @param firstSeq   the seq its name carries (closed segments), or -1 for the live file
     * @param compressed gzip ({@code .gz})
     */
    public record Segment(Path path, long firstSeq, boolean compressed) {
        public boolean live() {
            return firstSeq < 0;
        }

        public String name() {
            return path.getFileName().toString();
        }

        /** The segment's bytes, decompressed. */
        public InputStream open() throws IOException {
            if (!compressed && !live() && !Files.exists(path)) {
                Path gz = path.resolveSibling(name() + GZ); // compressed since the trail was listed
                if (Files.exists(gz)) {
                    return new Segment(gz, firstSeq, true).open();
                }
            }
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            return compressed ? new GZIPInputStream(in, 1 << 16) : in;
        }
    }

    /** A closed segment that retention removed: what its chain ended with. */
    public record Retired(String segment, long firstSeq, long lastSeq, String lastHash, Instant at) {
    }

    /**
     * One chain: its segments oldest first, the live file last (when it exists), and what retention removed.
     *
     * @param live the live file's path (whether or not it exists right now)
     */
    public record Trail(Path live, List<Segment> segments, List<Retired> retired) {
        public Trail {
            segments = List.copyOf(segments);
            retired = List.copyOf(retired);
        }

        /** The live file's name, e.g. {@code governance-audit.jsonl}. */
        public String name() {
            return live.getFileName().toString();
        }

        /** Closed segments only, oldest first. */
        public List<Segment> closed() {
            return segments.stream().filter(s -> !s.live()).toList();
        }

        /** The last retired segment, or null. */
        public Retired lastRetired() {
            return retired.isEmpty() ? null : retired.get(retired.size() - 1);
        }
    }

    /** Every trail under a folder, or the trail a file belongs to (a live file or one of its segments). */
    public static List<Trail> find(Path fileOrFolder) throws IOException {
        Path abs = fileOrFolder.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            return List.of(trail(abs));
        }
        Map<Path, Boolean> lives = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(abs)) {
            files.sorted().forEach(p -> {
                String name = p.getFileName().toString();
                if (name.endsWith(".jsonl") || name.endsWith(".jsonl" + GZ)) {
                    lives.putIfAbsent(liveOf(p), Boolean.TRUE);
                }
            });
        }
        List<Trail> out = new ArrayList<>();
        for (Path live : lives.keySet()) {
            out.add(trail(live));
        }
        return out;
    }

    /** The trail {@code file} belongs to: the live file's segments and retired list, looked up beside it. */
    public static Trail trail(Path file) throws IOException {
        Path live = liveOf(file.toAbsolutePath().normalize());
        Path dir = live.getParent();
        List<Segment> segments = new ArrayList<>();
        Map<Long, Segment> closed = new LinkedHashMap<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    long first = firstSeqOf(live, p);
                    if (first >= 0) {
                        boolean gz = p.getFileName().toString().endsWith(GZ);
                        // A plain copy next to its .gz: compression was cut short; the plain one is complete.
                        Segment prior = closed.get(first);
                        if (prior == null || prior.compressed()) {
                            closed.put(first, new Segment(p, first, gz));
                        }
                    }
                }
            }
        }
        segments.addAll(closed.values());
        segments.sort(Comparator.comparingLong(Segment::firstSeq));
        if (Files.isRegularFile(live)) {
            segments.add(new Segment(live, -1, false));
        }
        return new Trail(live, segments, readRetired(retiredList(live)));
    }

    /** The live file of the trail {@code file} belongs to (itself when it is the live file). */
    static Path liveOf(Path file) {
        String name = file.getFileName().toString();
        String plain = name.endsWith(GZ) ? name.substring(0, name.length() - GZ.length()) : name;
        String[] parts = split(plain);
        String stem = parts[0];
        int dot = stem.lastIndexOf('.');
        if (dot > 0 && isNumber(stem.substring(dot + 1))) {
            return file.resolveSibling(stem.substring(0, dot) + parts[1]);
        }
        return file.resolveSibling(plain);
    }

    /** The path of the closed segment of {@code live} that starts at {@code firstSeq}. */
    static Path segmentPath(Path live, long firstSeq, boolean gz) {
        String[] parts = split(live.getFileName().toString());
        String digits = String.format("%0" + MIN_DIGITS + "d", firstSeq);
        return live.resolveSibling(parts[0] + "." + digits + parts[1] + (gz ? GZ : ""));
    }

    /** {@code governance-audit.retired}: the segments retention removed, one JSON object a line. */
    static Path retiredList(Path live) {
        return live.resolveSibling(split(live.getFileName().toString())[0] + ".retired");
    }

    /** The first seq in the name of {@code p} when it is a closed segment of {@code live}, else -1. */
    static long firstSeqOf(Path live, Path p) {
        if (!live.getParent().equals(p.toAbsolutePath().normalize().getParent())) {
            return -1;
        }
        String[] parts = split(live.getFileName().toString());
        String name = p.getFileName().toString();
        if (name.endsWith(GZ)) {
            name = name.substring(0, name.length() - GZ.length());
        }
        String prefix = parts[0] + ".";
        if (!name.startsWith(prefix) || !name.endsWith(parts[1]) || name.length() <= prefix.length() + parts[1].length()) {
            return -1;
        }
        String digits = name.substring(prefix.length(), name.length() - parts[1].length());
        return isNumber(digits) ? Long.parseLong(digits) : -1;
    }

    /** Stem and extension ({@code .jsonl}; whatever follows the last dot otherwise; "" without one). */
    private static String[] split(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? new String[] {name.substring(0, dot), name.substring(dot)} : new String[] {name, ""};
    }

    private static boolean isNumber(String s) {
        if (s.length() < MIN_DIGITS || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static List<Retired> readRetired(Path list) throws IOException {
        List<Retired> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = MAPPER.readTree(line);
                out.add(new Retired(n.path("segment").asText(), n.path("firstSeq").asLong(), n.path("lastSeq").asLong(),
                        n.path("lastHash").asText(), Instant.parse(n.path("at").asText())));
            } catch (IOException | RuntimeException e) {
                // a torn last line of the list (crash while appending): the segment it names was not deleted yet
            }
        }
        out.sort(Comparator.comparingLong(Retired::lastSeq));
        return out;
    }
}
