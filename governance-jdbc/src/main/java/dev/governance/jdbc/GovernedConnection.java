package dev.governance.jdbc;

import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.identity.Identity;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What {@code connection.unwrap(GovernedConnection.class)} gives: the governed connection itself, never the real
 * driver's. It tells who the connection acts for and lets a pool lend one physical connection to another workload.
 */
public interface GovernedConnection extends Connection {

    /** The identity statements on this connection currently carry (the innermost open {@link #runAs} scope wins). */
    Identity identity() throws SQLException;

    /** A stable id for this connection, as written to the audit trail. */
    String connectionId();

    /**
     * Verifies {@code token} and makes statements on this connection carry its identity until the returned scope is
     * closed. Scopes nest; closing one restores the identity that was active when it was opened.
     *
     * @throws IdentityException when the token fails verification (SQLState 28000)
     */
    IdentityScope runAs(String token) throws SQLException;

    /**
     * Reviewing approval requests in this connection's store ({@code governance.approval.store}): the same store
     * every connection with equal settings uses (with {@code memory}), or the shared table (with {@code jdbc:}).
     * Reviewers pass their own identity to {@code approve}/{@code deny}; this connection's identity plays no part.
     */
    dev.governance.jdbc.approval.Approvals approvals();

    /**
     * Names the application acting through this connection for its identity (an MCP client, and the tool it
     * called): written as {@code client} into every later audit event of this connection; null clears it.
     */
    void client(AuditEvent.Client client);

    /**
     * Records a call the acting {@link #client} made that runs no SQL of its own (an MCP tool call, event
     * {@code tool-call}), as this connection's current identity.
     *
     * @param error the refusal or failure the call ended with (SQLState and message), or null
     * @throws SQLException when the identity is no longer valid (28000), or the trail can't be written (VG010)
     */
    void recordCall(String error) throws SQLException;

    /**
     * What the policy decides on {@code sql} for this connection's current identity, environment and database,
     * without running it, preparing it or asking for approval (what {@code check} prints).
     *
     * @throws SQLException 28000 when the identity is no longer valid
     */
    dev.governance.jdbc.policy.Decision decide(String sql) throws SQLException;

    /** An open {@link #runAs} scope; closing it never throws. */
    interface IdentityScope extends AutoCloseable {
        Identity identity();

        @Override
        void close();
    }
}
