package dev.governance.jdbc.masking;

import java.util.Locale;

/** How a masked value is replaced (contract 4.4). Names in policies are the lower-case constant names. */
public enum MaskingStrategy {
    /** {@code ****}. */
    REDACT,
    /** {@code <email:8f3a1c2e>}: 8 hex characters of a keyed hash of the lower-cased value. */
    EMAIL,
    /** Keeps the last 4 letters or digits, the rest {@code *}; values with fewer than 8 are fully redacted. */
    PARTIAL,
    /** {@code tok_} + 16 hex characters of HMAC-SHA256(key, value): equal inputs give equal tokens. */
    HASH,
    /** SQL NULL. */
    NULL,
    /** Type-preserving: 0 of the same number type, the epoch for dates and times, false, empty bytes; text is redacted. */
    DEFAULT;

    /** The name used in policies: {@code redact}, {@code email}, {@code partial}, {@code hash}, {@code null}, {@code default}. */
    public String policyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a policy name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException for null or an unknown name (the policy loader reports it as VG000)
     */
    public static MaskingStrategy parse(String name) {
        if (name != null) {
            String n = name.trim();
            for (MaskingStrategy s : values()) {
                if (s.name().equalsIgnoreCase(n)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown masking strategy '" + name
                + "' (expected redact, email, partial, hash, null or default)");
    }
}
