package dev.governance.archfixture.wrapper;

import dev.governance.archfixture.gate.Governance;
import dev.governance.archfixture.sql.Parser;

/** Breaks "wrappers reach the inner packages only through the gate's session": uses sql and Governance. */
public final class Wrapper {
    public Object decide(Governance governance) {
        return governance.rules().parse(this) == null ? new Parser() : null;
    }
}
