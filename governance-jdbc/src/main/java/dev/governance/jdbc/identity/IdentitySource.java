package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;

/** Where the configured identity comes from; called on every statement, so it must be cheap. */
@FunctionalInterface
interface IdentitySource {
    Identity current() throws IdentityException;
}
