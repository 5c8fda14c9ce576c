package dev.governance.jdbc.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a trail file line by line as bytes (hashes are over the exact bytes), streaming, and tells whether
 * the last line ended with a newline.
 */
final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[4096];
    private int lineLen;
    private boolean terminated;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next line into {@link #bytes()}/{@link #length()}; false at the end of the file. */
    boolean next() throws IOException {
        lineLen = 0;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    terminated = false;
                    return lineLen > 0;
                }
            }
            byte b = chunk[chunkPos++];
            if (b == '\n') {
                terminated = true;
                return true;
            }
            if (lineLen == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[lineLen++] = b;
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLen;
    }

    /** False for a last line that ended without a newline (a torn write, or a hand edit). */
    boolean terminated() {
        return terminated;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
