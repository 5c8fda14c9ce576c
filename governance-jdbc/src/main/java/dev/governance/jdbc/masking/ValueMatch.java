package dev.governance.jdbc.masking;

/** A sensitive value found in text: {@code text.substring(start, end)} is of the given kind. */
public record ValueMatch(SensitiveKind kind, int start, int end) {
    public ValueMatch {
        if (kind == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad match " + kind + " [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
