package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;

/** Verifies a compact token (through the resolver's cache). */
@FunctionalInterface
interface TokenCheck {
    VerifiedToken verify(String compact) throws IdentityException;
}
