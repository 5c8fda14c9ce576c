package dev.governance.jdbc.policy;

import java.util.Locale;

/** What a rule (or the policy as a whole) says about a statement; declared from weakest to strictest. */
public enum Action {
    ALLOW, APPROVE, DENY;

    public boolean stricterThan(Action other) {
        return compareTo(other) > 0;
    }

    /** The lower-case name used in policies and audit records. */
    public String label() {
        return label;
    }

    /** Computed once: every audit record carries it. */
    private final String label = name().toLowerCase(Locale.ROOT);
}
