package dev.governance.archfixture.gate;

/** Breaks "the gate gets its collaborators injected": looks its rules up in Governance on every call. */
public final class Gate {
    private final Governance governance;

    public Gate(Governance governance) {
        this.governance = governance;
    }

    public Object decide() {
        return governance.rules();
    }
}
