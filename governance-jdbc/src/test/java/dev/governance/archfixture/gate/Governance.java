package dev.governance.archfixture.gate;

import dev.governance.archfixture.policy.Rules;

/** The shared machinery: wrappers must not reach through it. */
public final class Governance {
    public Rules rules() {
        return new Rules();
    }
}
