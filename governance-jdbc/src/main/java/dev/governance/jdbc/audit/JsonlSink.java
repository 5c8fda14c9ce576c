package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code jsonl:<path>}: one JSON object per line with the {@code seq}/{@code prevHash}/{@code hash} chain of
 * {@link HashChain}.
 *
 * <p>Durability: every batch is written with one {@code write} to the file (so it survives the process being
 * killed once {@code write} returned); {@code FileChannel.force} runs when the batch holds a
 * {@code recordSync} event, on {@code flush}/{@code close}, and at most {@link #FORCE_INTERVAL_NANOS} after an
 * unforced write otherwise. A machine crash can thus lose at most about a second of asynchronous events and
 * never an acknowledged {@code recordSync} event.
 *
 * <p>Restart: the chain continues from the file's last whole line. A last line without its newline is a
 * write torn by a crash (it was never acknowledged): it is cut off and its bytes are appended to
 * {@code <path>.torn} for inspection. The file is locked while open so that a second process can't fork
 * the chain.
 */
public final class JsonlSink implements AuditSink {
    static final long FORCE_INTERVAL_NANOS = 1_000_000_000L;
    private static final long CLOSE_HOUSEKEEPING_MILLIS = 5_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;
    private final SegmentPolicy policy;
    private final SegmentHousekeeper housekeeper;
    private final AuditJson json = new AuditJson();
    private final HashChain chain = new HashChain();
    private final ByteArrayBuilder out = new ByteArrayBuilder();
    private static final byte[] LINE_END = {'"', '}', '\n'};
    /** Writer-thread scratch: the previous and the next record's hash as hex while a batch is encoded. */
    private final byte[] prevHex = new byte[64];
    private final byte[] nextHex = new byte[64];

    private FileChannel channel;
    private FileLock lock;
    private long committedSize;
    private long lastSeq;
    private String lastHash = HashChain.GENESIS;
    private long unforcedSince = -1;
    /** The live file's first seq and when its first record was written; -1/null while it is empty. */
    private long liveFirstSeq = -1;
    private Instant liveStartedAt;
    private boolean rotated;
    /**
     * Set by {@link #rotate()}: the new live file continues the chain head held in memory. Reading it back from
     * the just-closed segment would race the housekeeper, which may be compressing that very file.
     */
    private boolean continueInMemory;

    /** With the default segments: 256MB, all kept, closed ones compressed. */
    public JsonlSink(Path path) {
        this(path, SegmentPolicy.DEFAULT);
    }

    public JsonlSink(Path path, SegmentPolicy policy) {
        this.path = path.toAbsolutePath().normalize();
        this.policy = policy;
        this.housekeeper = new SegmentHousekeeper(this.path, policy);
    }

    public Path path() {
        return path;
    }

    /** Waits for compression and retention scheduled so far (tests). */
    boolean awaitHousekeeping(long millis) {
        return housekeeper.await(millis);
    }

    @Override
    public String name() {
        return "jsonl:" + path;
    }

    @Override
    public long open() throws IOException {
        closeQuietly();
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            try {
                // One byte far past the data: excludes other writers without blocking readers (Windows locks
                // are mandatory, so locking the data itself would stop `audit verify` on a live file).
                lock = ch.tryLock(Long.MAX_VALUE - 1, 1, false);
            } catch (OverlappingFileLockException e) {
                throw new IOException(path + " is already written by another audit trail in this JVM", e);
            }
            if (lock == null) {
                throw new IOException(path + " is locked by another process writing an audit trail");
            }
            Tail tail = Tail.read(ch);
            if (tail.tornFrom >= 0) {
                keepTornBytes(ch, tail.tornFrom);
                ch.truncate(tail.tornFrom);
                ch.force(true);
            }
            liveFirstSeq = -1;
            liveStartedAt = null;
            if (tail.lastLine != null) {
                continueAfter(tail.lastLine, path.toString());
                JsonNode first = MAPPER.readTree(firstLine(ch));
                liveFirstSeq = first.path("seq").asLong();
                liveStartedAt = parseTs(first.path("ts").asText(null));
            } else if (!continueInMemory) {
                continueAfterClosedSegments();
            }
            committedSize = ch.size();
            ch.position(committedSize);
            channel = ch;
            housekeeper.schedule(); // finishes compression or retention a crash cut short
            return lastSeq;
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                try {
                    lock.release();
                } catch (IOException ignored) {
                    // the channel is closed next anyway
                }
                lock = null;
            }
            ch.close();
            throw e;
        }
    }

    /** The chain continues after this record (the last of the live file or of the newest closed segment). */
    private void continueAfter(byte[] line, String where) throws IOException {
        JsonNode last = MAPPER.readTree(line);
        HashChain.Split split = HashChain.split(line, 0, line.length);
        if (split == null || !last.path("seq").canConvertToLong()) {
            throw new IOException(where + ": the last record is not a chained audit record;"
                    + " run `audit verify` and move the file aside");
        }
        lastSeq = last.path("seq").asLong();
        lastHash = split.hash();
    }

    /** An empty live file (just rotated, or a crash between rename and create): continue the newest segment. */
    private void continueAfterClosedSegments() throws IOException {
        AuditFiles.Trail trail = AuditFiles.trail(path);
        List<AuditFiles.Segment> closed = trail.closed();
        for (int i = closed.size() - 1; i >= 0; i--) {
            byte[] line = SegmentHousekeeper.lastLine(closed.get(i));
            if (line != null) {
                continueAfter(line, closed.get(i).path().toString());
                return;
            }
        }
        AuditFiles.Retired retired = trail.lastRetired();
        lastSeq = retired == null ? 0 : retired.lastSeq();
        lastHash = retired == null ? HashChain.GENESIS : retired.lastHash();
    }

    private static byte[] firstLine(FileChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 20));
        ch.read(head, 0);
        byte[] bytes = head.array();
        for (int i = 0; i < head.position(); i++) {
            if (bytes[i] == '\n') {
                return java.util.Arrays.copyOf(bytes, i);
            }
        }
        throw new IOException("the first audit record is implausibly long");
    }

    private static Instant parseTs(String ts) {
        try {
            return ts == null ? null : Instant.parse(ts);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Past the size or age of {@link SegmentPolicy}: close the live file as a segment named by its first seq. */
    private boolean rotationDue() {
        if (channel == null || liveFirstSeq < 0 || !policy.rotates()) {
            return false;
        }
        return (policy.maxBytes() > 0 && committedSize >= policy.maxBytes())
                || (policy.period() != null && liveStartedAt != null
                    && !Instant.now().isBefore(liveStartedAt.plus(policy.period())));
    }

    /**
     * Crash-safe at every step: the live file is forced, renamed (atomically) to its segment name, the folder
     * forced; a fresh live file is opened and continues the chain from the segment's last record. A crash
     * after the rename leaves no live file, and the next open continues from the newest segment.
     */
    private void rotate() throws IOException {
        channel.force(true);
        Path closed = AuditFiles.segmentPath(path, liveFirstSeq, false);
        if (Files.exists(closed) || Files.exists(closed.resolveSibling(closed.getFileName() + AuditFiles.GZ))) {
            throw new IOException("can't rotate " + path + ": " + closed + " already exists");
        }
        Files.move(path, closed, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(path.getParent());
        unforcedSince = -1;
        closeQuietly();
        continueInMemory = true;
        try {
            open();
        } finally {
            continueInMemory = false;
        }
        rotated = true;
    }

    /** The chain head (newest record), or null while the trail is empty. */
    ChainAnchor head() {
        return lastSeq == 0 ? null : AnchorPublisher.anchor(path.getFileName().toString(), lastSeq, lastHash);
    }

    /** True once after each rotation (the anchor is published at rotation). */
    boolean takeRotated() {
        boolean r = rotated;
        rotated = false;
        return r;
    }

    /** Makes a rename durable (a no-op where folders can't be opened, as on Windows). */
    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not supported on this platform; the rename itself is atomic
        }
    }

    @Override
    public void write(List<SequencedEvent> batch, boolean durable) throws IOException {
        if (channel == null) {
            open();
        }
        if (rotationDue()) {
            rotate();
        }
        out.reset();
        // The chain head as ASCII hex bytes while the batch is encoded: a String only once per batch.
        byte[] prev = prevHex;
        byte[] next = nextHex;
        lastHash.getBytes(0, 64, prev, 0); // hex digits are ASCII
        long seq = lastSeq;
        for (SequencedEvent s : batch) {
            if (s.seq() <= seq) {
                continue; // already in the file (a sink that was ahead when the trail started)
            }
            int length = json.encode(s.seq(), s.event(), prev);
            byte[] canonical = json.buffer();
            chain.hash(prev, canonical, length, next);
            out.write(canonical, 0, length - 1);
            out.write(HashChain.HASH_PREFIX, 0, HashChain.HASH_PREFIX.length);
            out.write(next, 0, 64);
            out.write(LINE_END, 0, LINE_END.length);
            byte[] swap = prev;
            prev = next;
            next = swap;
            seq = s.seq();
        }
        if (out.size() == 0) {
            return;
        }
        String head = new String(prev, 0, 64, java.nio.charset.StandardCharsets.US_ASCII);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(out.array(), 0, out.size());
            long position = committedSize;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            long now = System.nanoTime();
            // force(false) is fdatasync on Linux: it writes the data and the metadata needed to read it back, which
            // for an append includes the new file size, so a forced record survives a machine crash; it skips only
            // the times (what force(true) adds). Preallocating would not make it cheaper: appending inside
            // allocated space still changes the size (or converts unwritten extents), a journal commit either way,
            // and a file of zeros beyond the last record would change what readers of the trail see.
            if (durable || (unforcedSince >= 0 && now - unforcedSince > FORCE_INTERVAL_NANOS)) {
                channel.force(false);
                unforcedSince = -1;
            } else if (unforcedSince < 0) {
                unforcedSince = now;
            }
            committedSize = position;
        } catch (IOException e) {
            // All-or-nothing: cut a partial batch off so a retry continues the chain from the last whole line.
            try {
                channel.truncate(committedSize);
            } catch (IOException ignored) {
                closeQuietly(); // re-opening reads the tail and drops a torn line
            }
            throw e;
        }
        if (liveFirstSeq < 0) {
            for (SequencedEvent s : batch) {
                if (s.seq() > lastSeq) {
                    liveFirstSeq = s.seq();
                    liveStartedAt = s.event().ts();
                    break;
                }
            }
        }
        lastHash = head;
        lastSeq = seq;
    }

    /** Forces what was written and not yet forced (flush, idle, close). */
    @Override
    public void flush() throws IOException {
        if (rotationDue() && (policy.maxBytes() == 0 || committedSize < policy.maxBytes())) {
            rotate(); // by period: a quiet trail still closes its segment on time (by size: at the next write)
        }
        if (channel != null && unforcedSince >= 0) {
            channel.force(false);
            unforcedSince = -1;
        }
    }

    /** Forces and closes; waits a little for compression and retention in progress (a cut-off run resumes at the next open). */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            closeQuietly();
            housekeeper.await(CLOSE_HOUSEKEEPING_MILLIS);
        }
    }

    private void closeQuietly() {
        FileChannel ch = channel;
        channel = null;
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        lock = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to do with a channel we are abandoning
            }
        }
    }

    private void keepTornBytes(FileChannel ch, long from) throws IOException {
        int length = (int) Math.min(ch.size() - from, 16L * 1024 * 1024);
        ByteBuffer torn = ByteBuffer.allocate(length + 1);
        ch.read(torn, from);
        torn.put((byte) '\n');
        Files.write(Path.of(path + ".torn"), java.util.Arrays.copyOf(torn.array(), torn.position()),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The end of a trail file: where a torn last line starts (or -1) and the last whole line (or null). */
    record Tail(long tornFrom, byte[] lastLine) {
        static Tail read(FileChannel ch) throws IOException {
            long size = ch.size();
            if (size == 0) {
                return new Tail(-1, null);
            }
            long lastNewline = previousNewline(ch, size - 1);
            long tornFrom = lastNewline == size - 1 ? -1 : lastNewline + 1;
            if (lastNewline < 0) {
                return new Tail(tornFrom, null);
            }
            long lineStart = previousNewline(ch, lastNewline - 1) + 1;
            long length = lastNewline - lineStart;
            if (length > Integer.MAX_VALUE - 16) {
                throw new IOException("the last audit record is implausibly long");
            }
            ByteBuffer line = ByteBuffer.allocate((int) length);
            while (line.hasRemaining()) {
                if (ch.read(line, lineStart + line.position()) < 0) {
                    break;
                }
            }
            return new Tail(tornFrom, line.array());
        }

        /** Position of the last '\n' at or before {@code from}, or -1. Reads backwards in blocks. */
        private static long previousNewline(FileChannel ch, long from) throws IOException {
            ByteBuffer block = ByteBuffer.allocate(8192);
            long end = from + 1;
            while (end > 0) {
                long start = Math.max(0, end - block.capacity());
                block.clear().limit((int) (end - start));
                while (block.hasRemaining()) {
                    if (ch.read(block, start + block.position()) < 0) {
                        break;
                    }
                }
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (block.get(i) == '\n') {
                        return start + i;
                    }
                }
                end = start;
            }
            return -1;
        }
    }

    /** A growable byte buffer whose array we can hand to one write call (ByteArrayOutputStream copies). */
    static final class ByteArrayBuilder {
        private byte[] bytes = new byte[8192];
        private int size;

        void reset() {
            size = 0;
        }

        int size() {
            return size;
        }

        byte[] array() {
            return bytes;
        }

        void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        void writeAscii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
