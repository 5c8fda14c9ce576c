package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Work on closed segments, off the writer thread: gzip them ({@code governance.audit.compress}) and remove the
 * oldest ones past {@code governance.audit.retain}. Every step is safe to cut off at any point and is finished
 * by the next run: a segment is compressed into {@code .gz.tmp}, forced, renamed to {@code .gz}, and only then
 * is the plain file deleted; a segment is listed in the retired list (forced) before it is deleted.
 */
final class SegmentHousekeeper {
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "governance-audit-segments");
        t.setDaemon(true);
        return t;
    });

    private final Path live;
    private final SegmentPolicy policy;
    private volatile Future<?> last = CompletableFuture.completedFuture(null);

    SegmentHousekeeper(Path live, SegmentPolicy policy) {
        this.live = live;
        this.policy = policy;
    }

    void schedule() {
        if (policy.gzip() || policy.retains()) {
            last = POOL.submit(this::runQuietly);
        }
    }

    /** Waits for the work scheduled so far (tests, close). */
    boolean await(long millis) {
        try {
            last.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void runQuietly() {
        try {
            run();
        } catch (Throwable e) {
            System.getLogger(SegmentHousekeeper.class.getName()).log(System.Logger.Level.ERROR,
                    "audit segments of " + live + ": " + e, e);
        }
    }

    void run() throws IOException {
        removeLeftovers();
        if (policy.gzip()) {
            for (AuditFiles.Segment s : AuditFiles.trail(live).closed()) {
                if (!s.compressed()) {
                    compress(s.path());
                }
            }
        }
        if (policy.retains()) {
            retain(AuditFiles.trail(live).closed(), Instant.now());
        }
    }

    private void removeLeftovers() throws IOException {
        Path dir = live.getParent();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(AuditFiles.GZ + ".tmp") && AuditFiles.firstSeqOf(live,
                        p.resolveSibling(name.substring(0, name.length() - ".tmp".length()))) >= 0) {
                    Files.deleteIfExists(p);
                } else if (name.endsWith(AuditFiles.GZ) && AuditFiles.firstSeqOf(live, p) >= 0) {
                    // The .gz was renamed into place only once complete: a plain twin is left over.
                    Files.deleteIfExists(p.resolveSibling(name.substring(0, name.length() - AuditFiles.GZ.length())));
                }
            }
        }
    }

    /**
     * zlib level 2 of 9. Measured on a 268 MB segment of an agent's H2 trail (docs/audit.md): level 2 compresses at
     * about 470 MB/s per core to 12.5x smaller, level 1 costs the same for 12.0x, the default level 6 costs 2.2x
     * the CPU for 15.5x. The housekeeper competes with the application for the cores, so the cheap level wins.
     */
    static final int LEVEL = 2;
    private static final int CHUNK = 1 << 20;

    static void compress(Path plain) throws IOException {
        Path gz = plain.resolveSibling(plain.getFileName() + AuditFiles.GZ);
        Path tmp = plain.resolveSibling(plain.getFileName() + AuditFiles.GZ + ".tmp");
        FileTime modified = Files.getLastModifiedTime(plain);
        try (InputStream in = Files.newInputStream(plain);
             FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            try (OutputStream gzip = new GZIPOutputStream(java.nio.channels.Channels.newOutputStream(ch), CHUNK) {
                {
                    def.setLevel(LEVEL);
                }

                @Override
                public void close() throws IOException {
                    finish(); // leave the channel open for force()
                }
            }) {
                byte[] chunk = new byte[CHUNK]; // large reads: a deflate call and a read per MB, not per 8 KB
                int read;
                while ((read = in.readNBytes(chunk, 0, CHUNK)) > 0) {
                    gzip.write(chunk, 0, read);
                }
            }
            ch.force(true);
        }
        Files.setLastModifiedTime(tmp, modified); // retention by age goes by when the segment was written
        Files.move(tmp, gz, StandardCopyOption.ATOMIC_MOVE);
        JsonlSink.forceDirectory(plain.getParent());
        Files.delete(plain);
    }

    /** Retires the oldest closed segments past the count or age limit, oldest first, never one out of order. */
    private void retain(List<AuditFiles.Segment> closed, Instant now) throws IOException {
        int byCount = policy.keepCount() > 0 ? Math.max(0, closed.size() - policy.keepCount()) : 0;
        int byAge = 0;
        if (policy.keepFor() != null) {
            Instant cutoff = now.minus(policy.keepFor());
            while (byAge < closed.size()
                    && Files.getLastModifiedTime(closed.get(byAge).path()).toInstant().isBefore(cutoff)) {
                byAge++;
            }
        }
        Path list = AuditFiles.retiredList(live);
        for (int i = 0; i < Math.max(byCount, byAge); i++) {
            AuditFiles.Segment s = closed.get(i);
            byte[] lastLine = lastLine(s);
            HashChain.Split split = lastLine == null ? null : HashChain.split(lastLine, 0, lastLine.length);
            long lastSeq = lastLine == null ? -1 : AuditReader.seqOf(lastLine, lastLine.length);
            if (split == null || lastSeq < 0) {
                System.getLogger(SegmentHousekeeper.class.getName()).log(System.Logger.Level.ERROR,
                        "not retiring " + s.path() + ": its last line is not a chained record; run `audit verify`");
                return;
            }
            String entry = "{\"segment\":\"" + s.name() + "\",\"firstSeq\":" + s.firstSeq() + ",\"lastSeq\":" + lastSeq
                    + ",\"lastHash\":\"" + split.hash() + "\",\"at\":\"" + Instant.now() + "\"}\n";
            try (FileChannel ch = FileChannel.open(list, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(ByteBuffer.wrap(entry.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.delete(s.path());
        }
    }

    /** The last whole line of a segment (plain: read backwards; gzip: streamed), or null when empty. */
    static byte[] lastLine(AuditFiles.Segment s) throws IOException {
        if (!s.compressed()) {
            try (FileChannel ch = FileChannel.open(s.path(), StandardOpenOption.READ)) {
                return JsonlSink.Tail.read(ch).lastLine();
            }
        }
        byte[] last = null;
        try (InputStream in = s.open(); LineReader reader = new LineReader(in)) {
            while (reader.next()) {
                if (reader.terminated()) {
                    last = java.util.Arrays.copyOf(reader.bytes(), reader.length());
                }
            }
        }
        return last;
    }
}
