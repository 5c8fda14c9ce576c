package dev.governance.jdbc.policy;

/** {@code enforce} blocks what is denied; {@code dry-run} decides and records, and never blocks. */
public enum Mode {
    ENFORCE, DRY_RUN;

    public String label() {
        return this == ENFORCE ? "enforce" : "dry-run";
    }
}
