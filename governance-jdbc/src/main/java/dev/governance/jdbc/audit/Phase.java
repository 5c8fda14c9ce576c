package dev.governance.jdbc.audit;

/**
 * Where a {@code statement} event sits relative to execution. Writes by agents are recorded twice: an
 * {@link #INTENT} made durable before the statement runs, then an {@link #OUTCOME} with rows, duration
 * and error. Every other statement gets a single event without a phase.
 */
public enum Phase {
    INTENT("intent"),
    OUTCOME("outcome");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
