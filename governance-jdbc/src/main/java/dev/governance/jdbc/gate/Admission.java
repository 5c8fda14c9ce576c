package dev.governance.jdbc.gate;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.StatementFacts;

import java.sql.SQLException;
import java.util.List;

/**
 * One statement the gate let through: it runs the real call (under a row limit when the policy sets one) and
 * completes the statement's record with the outcome. Obtained only from {@link StatementGate}.
 */
public final class Admission {
    private final Session session;
    private final Identity identity;
    private final EntryPoint entry;
    private final Analysis analysis;
    private final Decision decision;

    Admission(Session session, Identity identity, EntryPoint entry, Analysis analysis, Decision decision) {
        this.session = session;
        this.identity = identity;
        this.entry = entry;
        this.analysis = analysis;
        this.decision = decision;
    }

    public Identity identity() {
        return identity;
    }

    public String sql() {
        return analysis.sql();
    }

    public Analysis analysis() {
        return analysis;
    }

    public Decision decision() {
        return decision;
    }

    public EntryPoint entry() {
        return entry;
    }

    Session session() {
        return session;
    }

    /** Runs the real call; {@code rows} tells how many rows it changed. */
    public <T> T execute(JdbcCall<T> call, RowCount<T> rows) throws SQLException {
        Decision.RowLimit limit = rowLimit();
        if (limit == null) {
            return call.call();
        }
        return RowLimiter.run(session.physical(), limit, call, rows);
    }

    /** The row limit that applies: only to statements that change rows, in enforce mode. */
    private Decision.RowLimit rowLimit() {
        Decision.RowLimit limit = decision.maxRows();
        if (limit == null || decision.mode() != dev.governance.jdbc.policy.Mode.ENFORCE || !changesRows()) {
            return null;
        }
        return limit;
    }

    private boolean changesRows() {
        for (StatementFacts facts : analysis.statements()) {
            if (facts.type().changesRows()) {
                return true;
            }
        }
        return false;
    }

    /** Runs a batch; the strictest row limit among its statements applies to the rows the batch changed. */
    static <T> T executeBatch(Session session, List<Admission> queued, JdbcCall<T> call, RowCount<T> rows)
            throws SQLException {
        Decision.RowLimit strictest = null;
        for (Admission admission : queued) {
            Decision.RowLimit limit = admission.rowLimit();
            if (limit != null && (strictest == null || limit.limit() < strictest.limit())) {
                strictest = limit;
            }
        }
        if (strictest == null) {
            return call.call();
        }
        return RowLimiter.run(session.physical(), strictest, call, rows);
    }
}
