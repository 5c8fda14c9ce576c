package dev.governance.archfixture.identity;

import dev.governance.archfixture.gate.Governance;

/** Stands for an identity type that configuration must not know; breaks "identity depends on config only". */
public enum Kind {
    AGENT;

    public Object machinery() {
        return new Governance();
    }
}
