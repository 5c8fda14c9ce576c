package dev.governance.archfixture.sql;

import dev.governance.archfixture.policy.Rules;

/** Breaks "sql depends on no other part", and closes a cycle with policy. */
public final class Parser {
    public Object rules() {
        return new Rules();
    }
}
