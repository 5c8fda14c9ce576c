package dev.governance.jdbc.gate;

import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.identity.Identity;

/** Where a connection's identity comes from: the configured token, token file or static identity. */
public interface IdentitySource {

    /** The identity for the next statement; fails (28000) once the token expired and no fresh one is available. */
    Identity current() throws IdentityException;

    /** Verifies a token handed to {@code runAs}. */
    Identity verify(String token) throws IdentityException;
}
