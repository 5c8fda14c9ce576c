package dev.governance.jdbc.gate;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.masking.MaskingPlanner;
import dev.governance.jdbc.policy.MaskingPolicy;
import dev.governance.jdbc.policy.Mode;
import dev.governance.jdbc.policy.PolicyEngine;
import dev.governance.jdbc.policy.PolicyHolder;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.JdbcEscapes;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.lineage.ColumnsRead;

import java.sql.SQLException;
import java.util.List;

/**
 * The one choke point: every SQL text that can reach the database, from every entry point of every wrapper,
 * is analysed and decided here, and refused before the real driver sees it when the policy says so.
 */
public final class StatementGate {
    private final SqlAnalyzer analyzer;
    private final PolicyHolder policies;
    private final Recorder recorder;
    private final ApprovalFlow approvalFlow;
    private final MaskingPlanner planner;
    /** Handed to every admission: what it uses while the statement runs. */
    private final Admission.Parts admitted;

    StatementGate(SqlAnalyzer analyzer, ApprovalFlow approvalFlow, Admission.Parts admitted) {
        this.analyzer = analyzer;
        this.approvalFlow = approvalFlow;
        this.admitted = admitted;
        this.policies = admitted.policies();
        this.recorder = admitted.recorder();
        this.planner = admitted.planner();
    }

    /** Decides on a SQL text about to run now. */
    public Admission admit(Session session, EntryPoint entry, String sql) throws SQLException {
        Identity identity = identity(session, sql, null);
        Analysis analysis = analyze(session, sql);
        return enforce(session, identity, entry, analysis, List.of());
    }

    /**
     * Decides on a SQL text being prepared: a refused text is never prepared on the database. The analysis is
     * kept, so executions never parse again.
     */
    public PreparedSql prepare(Session session, EntryPoint entry, String sql) throws SQLException {
        Identity identity = identity(session, sql, null);
        Analysis analysis = analyze(session, sql);
        Decision decision = decide(session, identity, analysis);
        // Parameters may still make the text unbounded (WHERE ? = ?); then it is decided again at execution.
        // Approval is asked for at execution, where the bound parameters are known (a grant is for a statement with
        // its parameters): preparing such a text is not yet running it.
        // A session restore (SET ROLE back, settings put back to the values they had) is decided when it runs.
        boolean restore = decision.blocks() && SessionRestores.shaped(session, analysis);
        if (!analysis.dependsOnParameters() && !decision.needsApproval() && !restore) {
            refuseIfBlocked(session, identity, analysis, decision, null);
        }
        return new PreparedSql(analysis, entry, JdbcEscapes.isCall(sql));
    }

    /** Admits one execution of a prepared statement with its bound parameters (no parse: re-decided only). */
    public Admission admitPrepared(Session session, PreparedSql prepared, Parameters parameters) throws SQLException {
        Identity identity = identity(session, null, prepared.analysis());
        Analysis analysis = prepared.analysis();
        List<Object> values = parameters.snapshot();
        if (analysis.dependsOnParameters()) {
            analysis = analysis.bind(values);
        }
        return enforce(session, identity, prepared.entry(), analysis, values);
    }

    /** Checks a text handed to {@code nativeSQL}: it does not run, but what is refused to run is refused here too. */
    public void inspect(Session session, String sql) throws SQLException {
        Identity identity = identity(session, sql, null);
        Analysis analysis = analyze(session, sql);
        Decision decision = decide(session, identity, analysis);
        // nativeSQL runs nothing: a text that needs approval is asked for when it is executed, not here.
        if (!decision.needsApproval()) {
            refuseIfBlocked(session, identity, analysis, decision, null);
        }
    }

    /** The decision on a SQL text for the session's identity, for display only: nothing runs, nothing is asked. */
    public Decision decideOnly(Session session, String sql) throws SQLException {
        Identity identity = session.identity();
        return decide(session, identity, analyze(session, sql));
    }

    /** Runs a batch whose statements were each admitted when they were added. */
    public <T> T executeBatch(Session session, List<Admission> queued, JdbcCall<T> call, RowCount<T> rows)
            throws SQLException {
        try {
            session.identity();
        } catch (dev.governance.jdbc.IdentityException refused) {
            Admission.notRun(queued, refused);
            throw refused;
        }
        try {
            recorder.requireAvailable();
        } catch (dev.governance.jdbc.AuditUnavailableException unavailable) {
            Admission.notRun(queued, unavailable); // each queued record says the batch never ran
            throw unavailable;
        }
        return Admission.executeBatch(session, queued, call, rows);
    }

    /**
     * The identity the statement runs as, taken once as it starts; when there is none (an expired token, a rotated
     * token that fails verification) the statement is refused with 28000 and the refusal recorded.
     */
    private Identity identity(Session session, String sql, Analysis analysis) throws SQLException {
        try {
            return session.identity();
        } catch (dev.governance.jdbc.IdentityException refused) {
            Analysis recorded = analysis;
            if (recorded == null && sql != null) {
                try {
                    recorded = analyze(session, sql);
                } catch (SQLException | RuntimeException unreadable) {
                    recorded = null; // recorded without its SQL: the refusal is what matters
                }
            }
            recorder.identityRefused(session, recorded, refused);
            throw refused;
        }
    }

    private Analysis analyze(Session session, String sql) throws SQLException {
        if (sql == null) {
            throw new SQLException("SQL text is null", "HY009");
        }
        // JDBC escapes ({call f(?)}, {fn ...}, {d '...'}) are translated by the real driver before it sends the
        // text: decide on that translation, i.e. on what the database will run.
        String text = JdbcEscapes.mayContain(sql) ? JdbcEscapes.translate(sql) : sql;
        try {
            return analyzer.analyze(text, session.dialect(), session.names());
        } catch (RuntimeException e) {
            throw internal("analysed", e);
        }
    }

    private Decision decide(Session session, Identity identity, Analysis analysis) throws SQLException {
        try {
            PolicyEngine engine = policies.engine();
            Object reuse = analysis.reuseKey();
            Decision known = reuse == null ? null : session.decidedBefore(reuse, identity, engine);
            if (known != null) {
                return known;
            }
            // A call to a user-defined function reads what its body reads (or the function itself, when opaque).
            WithFunctionReads.Widened calls = WithFunctionReads.of(analysis, session.functionReads());
            Analysis decided = calls.analysis();
            boolean settled = calls.settled();
            if (engine.limitsAccess(identity, session.environment())) {
                // access lists count a view as the tables behind it
                WithViewReads.Widened views = WithViewReads.of(decided, session.viewTables());
                decided = views.analysis();
                settled &= views.settled();
            }
            if (engine.matchesColumns()) {
                // columns rules see every column read or written: behind *, whole rows, joins, ordering, views
                decided = ColumnReads.of(decided, analysis, session::columnsRead);
            }
            Decision decision = engine.decide(identity, session.environment(), decided, session.primaryKeys());
            if (reuse != null && settled) { // a catalog that couldn't be asked is asked again next time
                session.rememberDecision(reuse, identity, engine, decision);
            }
            return decision;
        } catch (RuntimeException e) {
            throw internal("decided", e);
        }
    }

    /** The decision for a statement about to run: a refused session restore that changes nothing is allowed. */
    private Decision decideToRun(Session session, Identity identity, Analysis analysis, List<Object> parameters)
            throws SQLException {
        Decision decision = decide(session, identity, analysis);
        if (decision.blocks() && SessionRestores.changesNothing(session, analysis, parameters)) {
            return decision.allowedBy(SessionRestores.RULE, "sets the session to what is already in effect");
        }
        return decision;
    }

    /** A failure of our own while deciding: the statement is refused (fail closed), the caller gets a SQLException. */
    private static SQLException internal(String what, RuntimeException e) {
        return new PolicyViolationException(List.of("internal"), "the statement could not be " + what
                + " (internal " + e.getClass().getSimpleName() + "); refused");
    }

    private Admission enforce(Session session, Identity identity, EntryPoint entry, Analysis analysis,
                              List<Object> parameters) throws SQLException {
        Decision decision = decideToRun(session, identity, analysis, parameters);
        refuseIfBlocked(session, identity, analysis, decision, parameters);
        try {
            recorder.requireAvailable(); // fail-closed: nothing runs unrecorded
        } catch (dev.governance.jdbc.AuditUnavailableException unavailable) {
            // Kept by the trail and written once it recovers: a refusal for want of a trail is a refusal too.
            recorder.refused(session, identity, analysis, decision, unavailable);
            throw unavailable;
        }
        AuditEvent record = recorder.intent(session, identity, analysis, decision,
                Admission.recordedAsIntent(identity, analysis));
        return new Admission(admitted, session, identity, entry, analysis, decision, record);
    }

    /**
     * Refuses a denied statement, or one waiting for approval, and records that it was refused. A statement that
     * needs approval runs on a grant (or, in wait mode, once approved); {@code parameters} are its bound values.
     */
    private void refuseIfBlocked(Session session, Identity identity, Analysis analysis, Decision decision,
                                 List<Object> parameters) throws SQLException {
        SQLException refusal = null;
        ColumnName predicate = decision.mode() == Mode.ENFORCE ? sensitivePredicate(session, analysis, decision) : null;
        if (predicate != null) {
            refusal = new PolicyViolationException(List.of("masking-predicates"), "a masked identity may filter, join,"
                    + " group or order on sensitive column " + predicate.key() + " only by plain equality ("
                    + Refusals.statement(analysis) + ")");
        } else if (decision.blocks()) {
            String rule = decision.decidingRule();
            refusal = new PolicyViolationException(rule != null ? List.of(rule) : decision.ruleIds(), decision.reason()
                    + " (" + Refusals.statement(analysis) + ")");
        } else if ((refusal = maskedWriteBack(session, analysis, decision, parameters)) != null) {
            // refused below: a masked identity writing what it was shown over the real values
        } else if (decision.needsApproval()) {
            try {
                approvalFlow.require(session, identity, analysis, decision,
                        parameters == null ? List.of() : parameters);
            } catch (SQLException pendingRefusedOrStoreDown) {
                refusal = pendingRefusedOrStoreDown;
            }
        } else if (decision.autoApproved() && decision.mode() == Mode.ENFORCE
                && decision.action() == dev.governance.jdbc.policy.Action.APPROVE) {
            recorder.autoApproved(session, identity, analysis, decision);
        }
        if (refusal != null) {
            recorder.refused(session, identity, analysis, decision, refusal);
            throw refusal;
        }
    }

    /** A masked identity's write that would store masked forms in columns it sees masked (see MaskWriteBack). */
    private SQLException maskedWriteBack(Session session, Analysis analysis, Decision decision,
                                         List<Object> parameters) {
        if (!decision.masking() || decision.mode() != Mode.ENFORCE) {
            return null;
        }
        return MaskWriteBack.check(session, planner, policies.current().masking(), analysis,
                parameters);
    }

    /** With {@code masking.predicates: deny}: a sensitive column this masked identity filters on other than by =. */
    private ColumnName sensitivePredicate(Session session, Analysis analysis, Decision decision) {
        if (!decision.masking()) {
            return null;
        }
        MaskingPolicy masking = policies.current().masking();
        if (masking.predicates() != MaskingPolicy.Predicates.DENY) {
            return null;
        }
        try {
            // the same per-shape trace columns rules use: no lineage walk when the statement runs again
            for (ColumnsRead read : ColumnReads.traced(analysis, session::columnsRead)) {
                ColumnName column = planner.sensitivePredicate(masking, read.predicates(),
                        session.schema(), session.views());
                if (column == null && !read.followed()) {
                    // what it filters on can't be traced: any column of a sensitive table it touches may be
                    column = planner.sensitiveTable(masking, read.tables(), session.schema(),
                            session.views());
                }
                if (column != null) {
                    return column;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return new ColumnName(null, "(untraceable)"); // what it filters on can't be told: refused like a sensitive predicate
        }
    }
}
