package dev.governance.jdbc.identity;

import java.util.Locale;

/** Who or what is behind a connection. */
public enum IdentityKind {
    HUMAN, AGENT, SERVICE;

    /** The lower-case name used in tokens, policies and audit records. */
    public String label() {
        return label;
    }

    /** Computed once: every audit record carries it. */
    private final String label = name().toLowerCase(Locale.ROOT);

    /** Parses {@code human}, {@code agent} or {@code service} (any case); null when it is none of them. */
    public static IdentityKind parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "human" -> HUMAN;
            case "agent" -> AGENT;
            case "service" -> SERVICE;
            default -> null;
        };
    }
}
