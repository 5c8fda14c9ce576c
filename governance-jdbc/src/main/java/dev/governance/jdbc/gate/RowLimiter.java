package dev.governance.jdbc.gate;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.RowLimitExceededException;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.StatementFacts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * Runs a change under a {@code max-rows} limit: inside a savepoint when a transaction is open, else inside a
 * transaction the driver opens and ends; rolled back (VG020) when it changed more rows than allowed — its own,
 * and those changed by cascades and triggers ({@link BlastRadius}) — or when the driver can't tell how many it
 * changed. A change whose cascades or triggers can't be counted is refused before it runs (42501).
 */
final class RowLimiter {
    private RowLimiter() {
    }

    static <T> T run(Connection physical, Dialect dialect, List<StatementFacts> statements, Decision.RowLimit limit,
                     JdbcCall<T> call, RowCount<T> rows) throws SQLException {
        boolean driverTransaction = physical.getAutoCommit();
        Savepoint savepoint = null;
        if (driverTransaction) {
            physical.setAutoCommit(false);
        } else {
            savepoint = physical.setSavepoint();
        }
        boolean done = false;
        try {
            BlastRadius.Meter meter;
            try {
                meter = BlastRadius.open(physical, dialect, statements);
            } catch (BlastRadius.Uncountable why) {
                throw new PolicyViolationException(List.of(limit.ruleId()), "at most " + limit.limit()
                        + " rows may change, and this change cannot be counted: " + why.getMessage());
            }
            T result = call.call();
            long changed = rows.of(result);
            if (changed >= 0) {
                changed = meter.total(changed);
            }
            if (changed < 0 || changed > limit.limit()) {
                rollback(physical, savepoint);
                done = true;
                throw new RowLimitExceededException(limit.ruleId(), limit.limit(), changed);
            }
            if (driverTransaction) {
                physical.commit();
            } else {
                release(physical, savepoint);
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                rollback(physical, savepoint); // the call failed: leave nothing half-done
            }
            if (driverTransaction) {
                physical.setAutoCommit(true);
            }
        }
    }

    private static void rollback(Connection physical, Savepoint savepoint) throws SQLException {
        if (savepoint == null) {
            physical.rollback();
        } else {
            physical.rollback(savepoint);
        }
    }

    private static void release(Connection physical, Savepoint savepoint) {
        try {
            physical.releaseSavepoint(savepoint);
        } catch (SQLException ignored) {
            // Some drivers don't release savepoints; the transaction end does.
        }
    }
}
