package dev.governance.jdbc.gate;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.ResultLimitExceededException;
import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.policy.Mode;
import dev.governance.jdbc.policy.Policy;
import dev.governance.jdbc.masking.ErrorScrubber;
import dev.governance.jdbc.masking.ErrorValues;
import dev.governance.jdbc.masking.MaskedCells;
import dev.governance.jdbc.masking.Masker;
import dev.governance.jdbc.masking.MaskingPlan;
import dev.governance.jdbc.masking.MaskingPlanner;
import dev.governance.jdbc.policy.PolicyHolder;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.AnalyzedStatement;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.governance.jdbc.sql.UserVariables;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One statement the gate let through: it runs the real call (under a row limit when the policy sets one) and
 * completes the statement's audit record exactly once — at once for changes, when its result is closed for
 * queries (so the rows read are known). Obtained only from {@link StatementGate}.
 */
public final class Admission {
    /**
     * What an admitted statement uses while it runs and its results are read, shared by every statement of a
     * {@link Governance}: handed in by the gate, so an admission never looks anything up.
     */
    record Parts(PolicyHolder policies, MaskingPlanner planner, Masker masker, Recorder recorder,
                 MetadataCache metadata) {
    }

    private final Parts parts;
    private final Session session;
    private final Identity identity;
    private final EntryPoint entry;
    private final Analysis analysis;
    private final Decision decision;
    private final AuditEvent record;
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile List<AuditEvent.Masked> masked = List.of();
    private long started;

    Admission(Parts parts, Session session, Identity identity, EntryPoint entry, Analysis analysis,
              Decision decision, AuditEvent record) {
        this.parts = parts;
        this.session = session;
        this.identity = identity;
        this.entry = entry;
        this.analysis = analysis;
        this.decision = decision;
        this.record = record;
    }

    /** True for what is recorded before it runs: writes by agents. */
    static boolean recordedAsIntent(Identity identity, Analysis analysis) {
        if (identity.kind() != IdentityKind.AGENT) {
            return false;
        }
        List<StatementFacts> statements = analysis.statements();
        for (int i = 0; i < statements.size(); i++) { // indexed: no iterator per statement run
            StatementFacts facts = statements.get(i);
            if (facts.type() != StatementType.SELECT || !facts.tablesWritten().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public Identity identity() {
        return identity;
    }

    public Analysis analysis() {
        return analysis;
    }

    /**
     * Masking for CallableStatement OUT parameters of this execution; null when its identity is not masked.
     * {@code callEscape}: the text was a JDBC call escape. OUT parameters of a query (H2 hands out its first row's
     * columns as OUT parameters) would bypass the result's masking plan: for a masked identity only a procedure
     * call's OUT parameters are read, value-scanned.
     */
    public dev.governance.jdbc.masking.OutParameterMasking outParameterMasking(boolean callEscape)
            throws SQLException {
        if (!decision.masking()) {
            return null;
        }
        boolean call = callEscape || analysis.statements().stream()
                .allMatch(s -> s.type() == dev.governance.jdbc.sql.StatementType.CALL);
        if (!call) {
            throw new SQLException("OUT parameters are masked for this identity and this statement is not a procedure"
                    + " call: read its result set instead", dev.governance.jdbc.SqlStates.POLICY_DENIED);
        }
        return session.outParameterMasking();
    }

    public Decision decision() {
        return decision;
    }

    public EntryPoint entry() {
        return entry;
    }

    public Session session() {
        return session;
    }

    /**
     * How to read this statement's result for its identity: null when the identity sees raw values or nothing in
     * the result needs masking (the result is then passed through untouched). Decided once per result.
     */
    public MaskedCells masking(ResultSet raw) throws SQLException {
        return masking(raw, true);
    }

    /** As {@link #masking(ResultSet)} for the generated keys of this statement (decided by their own metadata). */
    public MaskedCells maskingOfKeys(ResultSet raw) throws SQLException {
        return masking(raw, false);
    }

    private MaskedCells masking(ResultSet raw, boolean statementResult) throws SQLException {
        if (!decision.masking()) {
            return null;
        }
        Policy policy = parts.policies().current();
        MaskingPlan plan;
        try {
            plan = statementResult
                    ? parts.planner().plan(policy.masking(), policy.defaults(), analysis, session.dialect(),
                            raw.getMetaData(), session.schema(), session.views(),
                            session.anyTainted(variables()))
                    : parts.planner().planForKeys(policy.masking(), session.dialect(), raw.getMetaData(),
                            session.schema());
        } catch (SQLException e) {
            raw.close(); // unknown-lineage: deny, or no metadata: the caller never gets the result
            throw e;
        } catch (RuntimeException e) {
            raw.close(); // a plan that can't be made is no plan: a masked identity never gets the result unmasked
            throw new PolicyViolationException(List.of("masking"), "the result could not be planned for masking"
                    + " (internal " + e.getClass().getSimpleName() + "); refused");
        }
        if (plan == null) {
            return null;
        }
        if (statementResult && plan.masksAnyColumn()) { // a plan that only scans values masks no column yet
            List<AuditEvent.Masked> columns = new ArrayList<>();
            for (String[] column : plan.maskedColumns()) {
                columns.add(new AuditEvent.Masked(column[0], column[1]));
            }
            this.masked = List.copyOf(columns);
        }
        return new MaskedCells(plan, parts.masker());
    }

    /**
     * Runs the real call; {@code rows} tells how many rows it changed. A call that produces a result set leaves
     * the record open until {@link #completeResult(long)}.
     */
    public <T> T execute(JdbcCall<T> call, RowCount<T> rows) throws SQLException {
        taintVariables();
        started = System.nanoTime();
        T result;
        try {
            Decision.RowLimit limit = rowLimit();
            result = limit == null ? call.call()
                    : RowLimiter.run(session.physical(), session.dialect(), analysis.statements(), limit, call, rows);
        } catch (dev.governance.jdbc.GovernanceException ours) {
            complete(null, describe(ours, parts.masker()));
            throw ours; // our own refusal (VG020, an uncountable change): no data in it to scrub
        } catch (SQLException e) {
            complete(null, describe(e, parts.masker()));
            throw scrub(e);
        } catch (RuntimeException e) {
            complete(null, describe(e, parts.masker()));
            throw decision.masking() ? new SQLException("The database driver failed (" + e.getClass().getName() + ")", "HY000")
                    : new SQLException("The database driver failed: " + e, "HY000", e);
        }
        followSchemaSwitch();
        forgetFunctionsOnDdl();
        long changed = rows.of(result);
        if (changed >= 0) {
            complete(changed, null);
        }
        return result;
    }

    private Set<String> variables;

    /** The session variables this statement mentions (lexed once, only when the text can mention any). */
    private Set<String> variables() {
        Set<String> v = variables;
        if (v == null) {
            v = UserVariables.in(analysis.sql(), session.dialect());
            variables = v;
        }
        return v;
    }

    /**
     * A statement that puts a value computed from sensitive data into session variables ({@code SET @x = (SELECT
     * token …)}, {@code SELECT … INTO @x}, {@code @x := …}, {@code set_config}), or copies one tainted variable into
     * another, or reads diagnostics into them, taints every variable it mentions: reading them back is masked.
     * Done before the statement runs (fail closed), for every identity (the connection may change hands).
     */
    private void taintVariables() {
        Set<String> mentioned = variables();
        if (mentioned.isEmpty()) {
            return;
        }
        Policy policy = parts.policies().current();
        if (session.anyTainted(mentioned) || UserVariables.readsDiagnostics(analysis.sql())
                || parts.planner().computesFromSensitive(policy.masking(), analysis, session.schema(),
                        session.views(), UserVariables.identifiers(analysis.sql(), session.dialect()))) {
            session.taintVariables(mentioned);
        }
    }

    /** A function created, replaced or dropped: what calls to functions read is read again from the catalog. */
    private void forgetFunctionsOnDdl() {
        List<StatementFacts> statements = analysis.statements();
        for (int i = 0; i < statements.size(); i++) { // indexed: no iterator per statement run
            StatementFacts facts = statements.get(i);
            StatementType type = facts.type();
            if ((type == StatementType.CREATE || type == StatementType.ALTER || type == StatementType.DROP)
                    && facts.objectKind() != dev.governance.jdbc.sql.ObjectKind.TABLE
                    && facts.objectKind() != dev.governance.jdbc.sql.ObjectKind.INDEX) {
                parts.metadata().forgetFunctions();
                return;
            }
        }
    }

    /**
     * A statement that may have moved the connection to another schema (SET search_path in any spelling,
     * set_config, USE, SET SCHEMA, RESET, DISCARD) changes how later names resolve: the path is read from the server
     * again. A schema change (DDL) may create, move or drop tables: cached catalog lookups are dropped.
     */
    private void followSchemaSwitch() {
        List<StatementFacts> statements = analysis.statements();
        List<AnalyzedStatement> parsed = analysis.analyzedStatements();
        for (int i = 0; i < statements.size(); i++) {
            StatementFacts facts = statements.get(i);
            String switched = i < parsed.size() ? parsed.get(i).schemaSwitch() : null;
            StatementType type = facts.type();
            if (switched != null || type == StatementType.SET || type == StatementType.OTHER
                    || facts.functions().contains("set_config")) {
                session.defaultSchema(switched);
            }
            if (type == StatementType.CREATE || type == StatementType.ALTER || type == StatementType.DROP
                    || facts.unparseable()) {
                session.schemaChanged();
            }
        }
    }

    /**
     * An error or warning from the real driver as this identity may see it: a masked identity gets it without
     * quoted values (they may be the masked data itself).
     */
    public SQLException scrub(SQLException e) {
        return decision.masking() ? ErrorScrubber.scrub(e, parts.masker()) : e;
    }

    public SQLWarning scrub(SQLWarning w) {
        return decision.masking() ? ErrorScrubber.scrub(w, parts.masker()) : w;
    }

    /**
     * The most rows this statement's result may deliver ({@code max-result-rows}, enforce mode), or
     * {@link Long#MAX_VALUE} for no limit.
     */
    public long resultLimit() {
        Decision.RowLimit limit = decision.maxResultRows();
        return limit == null || decision.mode() != Mode.ENFORCE ? Long.MAX_VALUE : limit.limit();
    }

    /**
     * The caller asked for the row past {@link #resultLimit()}: the record is completed with the rows delivered so
     * far and the refusal, which is returned for the caller to raise.
     */
    public ResultLimitExceededException resultLimitReached(long delivered) {
        Decision.RowLimit limit = decision.maxResultRows();
        ResultLimitExceededException e = new ResultLimitExceededException(limit.ruleId(), limit.limit());
        complete(delivered, describe(e, parts.masker()));
        return e;
    }

    /** Completes a query's record with the rows the caller read; only the first call counts. */
    public void completeResult(long rowsRead) {
        complete(rowsRead, null);
    }

    /** Completes the record of a statement that produced no result set and no count. */
    public void completeWithoutRows() {
        complete(null, null);
    }

    private void complete(Long rows, String error) {
        if (completed.compareAndSet(false, true)) {
            long micros = started == 0 ? 0 : (System.nanoTime() - started) / 1_000;
            parts.recorder().outcome(record, rows, micros, error, masked);
        }
    }

    /**
     * The error as the audit trail records it, for every identity: SQLState and the message's shape, without the data
     * values it quotes (a failed conversion quotes the value: {@code invalid input syntax for type uuid: "tkn…"}).
     */
    private static String describe(Throwable e, Masker masker) {
        String message = masker.maskEmbedded(ErrorValues.scrub(e.getMessage()));
        if (e instanceof SQLException sql) {
            return sql.getSQLState() + ": " + message;
        }
        return e.getClass().getSimpleName() + ": " + message;
    }

    /** The row limit that applies: only to statements that change rows, in enforce mode. */
    private Decision.RowLimit rowLimit() {
        Decision.RowLimit limit = decision.maxRows();
        if (limit == null || decision.mode() != Mode.ENFORCE || !changesRows()) {
            return null;
        }
        return limit;
    }

    private boolean changesRows() {
        List<StatementFacts> statements = analysis.statements();
        for (int i = 0; i < statements.size(); i++) { // indexed: no iterator per statement run
            if (statements.get(i).changesRows()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a batch; the strictest row limit among its statements applies to the rows the batch changed, and each
     * queued statement's record is completed with its own count.
     */
    static <T> T executeBatch(Session session, List<Admission> queued, JdbcCall<T> call, RowCount<T> rows)
            throws SQLException {
        Decision.RowLimit strictest = null;
        long now = System.nanoTime();
        List<StatementFacts> statements = new ArrayList<>();
        for (Admission admission : queued) {
            admission.taintVariables();
            statements.addAll(admission.analysis.statements());
            admission.started = now;
            Decision.RowLimit limit = admission.rowLimit();
            if (limit != null && (strictest == null || limit.limit() < strictest.limit())) {
                strictest = limit;
            }
        }
        T result;
        try {
            result = strictest == null ? call.call()
                    : RowLimiter.run(session.physical(), session.dialect(), statements, strictest, call, rows);
        } catch (SQLException | RuntimeException e) {
            for (Admission admission : queued) {
                admission.complete(null, describe(e, admission.parts.masker()));
            }
            throw e;
        }
        for (int i = 0; i < queued.size(); i++) {
            queued.get(i).complete(countAt(result, i), null);
        }
        return result;
    }

    /** A batch refused before it ran (the trail can't be written): each queued record is completed with why. */
    static void notRun(List<Admission> queued, SQLException refusal) {
        for (Admission admission : queued) {
            admission.complete(null, describe(refusal, admission.parts.masker()) + " (the batch did not run)");
        }
    }

    private static Long countAt(Object counts, int i) {
        if (counts instanceof int[] ints && i < ints.length) {
            return (long) ints[i];
        }
        if (counts instanceof long[] longs && i < longs.length) {
            return longs[i];
        }
        return null;
    }
}
