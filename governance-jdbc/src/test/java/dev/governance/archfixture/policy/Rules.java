package dev.governance.archfixture.policy;

import dev.governance.archfixture.wrapper.Wrapper;
import dev.governance.archfixture.sql.Parser;

/** Breaks "no inner part uses the wrappers", and closes a cycle with sql. */
public final class Rules {
    public Object parse(Wrapper wrapper) {
        return new Parser();
    }
}
