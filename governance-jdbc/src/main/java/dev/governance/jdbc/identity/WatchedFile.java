package dev.governance.jdbc.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

/**
 * A file read again only when it changed. Not thread-safe: its owner serialises calls.
 * mtime and size decide, except for a file read less than two seconds after it was modified: a rewrite of the
 * same size within one timestamp tick would look unchanged, so such a "racy" file is compared by content
 * (as git does).
 */
final class WatchedFile {
    private static final long RACY_MILLIS = 2_000;

    private final Path path;
    private FileTime modified;
    private long size = -1;
    private long readAtMillis;
    private byte[] content;

    WatchedFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The content when it differs from what was last returned (always on the first call), else null. */
    byte[] readIfChanged() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        boolean unchanged = content != null
                && attributes.lastModifiedTime().equals(modified)
                && attributes.size() == size
                && readAtMillis - modified.toMillis() >= RACY_MILLIS;
        if (unchanged) {
            return null;
        }
        long readAt = System.currentTimeMillis(); // compared with file times, so the real clock
        byte[] now = Files.readAllBytes(path);
        modified = attributes.lastModifiedTime();
        size = attributes.size();
        readAtMillis = readAt;
        if (content != null && Arrays.equals(now, content)) {
            return null;
        }
        content = now;
        return now;
    }
}
