package dev.governance.jdbc.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * When a {@code jsonl:} trail starts a new segment, which closed segments it keeps, and whether it compresses
 * them: {@code governance.audit.rotate}, {@code governance.audit.retain}, {@code governance.audit.compress}.
 *
 * @param maxBytes  rotate once the live file holds this many bytes (0: never by size)
 * @param period    rotate once the live file's first record is this old (null: never by time)
 * @param keepCount keep this many closed segments (0: no limit by count)
 * @param keepFor   keep closed segments written within this long (null: no limit by age)
 * @param gzip      compress closed segments ({@code .jsonl.gz}); the reader and verifier read both forms
 */
public record SegmentPolicy(long maxBytes, Duration period, int keepCount, Duration keepFor, boolean gzip) {
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** The defaults: 256MB segments, every one kept, compressed once closed. */
    public static final SegmentPolicy DEFAULT = new SegmentPolicy(DEFAULT_MAX_BYTES, null, 0, null, true);
    /** One file for ever (tests and tools that write a single chain). */
    public static final SegmentPolicy NEVER = new SegmentPolicy(0, null, 0, null, false);

    public SegmentPolicy {
        if (maxBytes < 0 || keepCount < 0) {
            throw new IllegalArgumentException("negative size or count");
        }
    }

    public boolean rotates() {
        return maxBytes > 0 || period != null;
    }

    public boolean retains() {
        return keepCount > 0 || keepFor != null;
    }

    /**
     * {@code rotate}: a size ({@code 256MB}, {@code 1GB}, {@code 500KB}, bytes), an ISO-8601 period
     * ({@code PT24H}, {@code P1D}), both comma-separated (whichever comes first), or {@code never}.
     */
    public static SegmentPolicy parse(String rotate, String retain, String compress) {
        long maxBytes = 0;
        Duration period = null;
        for (String part : rotate.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.equals("NEVER")) {
                continue;
            }
            if (p.startsWith("P")) {
                period = positive(duration(p, "rotate"), "rotate");
            } else {
                maxBytes = size(p);
            }
        }
        int keepCount = 0;
        Duration keepFor = null;
        String r = retain.trim().toUpperCase(Locale.ROOT);
        if (r.startsWith("P")) {
            keepFor = positive(duration(r, "retain"), "retain");
        } else if (!r.equals("ALL")) {
            try {
                keepCount = Integer.parseInt(r);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a count of segments (30), an ISO-8601 duration (P90D) or all");
            }
            if (keepCount < 1) {
                throw new IllegalArgumentException("must keep at least 1 segment (or all)");
            }
        }
        boolean gzip = switch (compress.trim().toLowerCase(Locale.ROOT)) {
            case "gzip" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException("must be gzip or none");
        };
        return new SegmentPolicy(maxBytes, period, keepCount, keepFor, gzip);
    }

    private static long size(String text) {
        long unit = 1;
        String number = text;
        for (String[] u : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}}) {
            if (text.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                number = text.substring(0, text.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            long n = Long.parseLong(number);
            if (n <= 0) {
                throw new IllegalArgumentException("a size must be positive");
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a size (256MB, 1GB), an ISO-8601 period (PT24H), both, or never");
        }
    }

    private static Duration duration(String text, String what) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            if (text.contains("D") && !text.contains("T")) {
                try {
                    return Duration.parse(text.replace("D", "DT0S")); // P90D is a Duration too
                } catch (DateTimeParseException ignored) {
                    // fall through to the message
                }
            }
            throw new IllegalArgumentException("is not an ISO-8601 duration such as " + (what.equals("rotate") ? "PT24H" : "P90D"));
        }
    }

    private static Duration positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + what + " period must be positive");
        }
        return d;
    }
}
