package dev.governance.jdbc.gate;

import dev.governance.jdbc.AuditUnavailableException;
import dev.governance.jdbc.approval.ApprovalEvents;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.audit.EventType;
import dev.governance.jdbc.audit.Phase;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.policy.Policy;
import dev.governance.jdbc.sql.NormalizedTextCache;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.TableName;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Turns what the gate saw and decided into audit events, and hands them to the trail. */
public final class Recorder {
    private final Settings.AuditSettings settings;
    private volatile AuditTrail trail;
    /** Each database as recorded: its URL is sanitized once, not for every event. */
    private final Map<DatabaseInfo, AuditEvent.Database> databases = new ConcurrentHashMap<>();

    Recorder(Settings.AuditSettings settings) {
        this.settings = settings;
        this.trail = AuditTrail.of(settings);
    }

    /** The shared trail; a new one when the old was closed (driver deregistered and registered again). */
    AuditTrail trail() {
        AuditTrail current = trail;
        if (current.closed()) {
            current = AuditTrail.of(settings);
            trail = current;
        }
        return current;
    }

    /** Refuses (VG010) while a fail-closed trail can't be written, so nothing runs unrecorded. */
    void requireAvailable() throws AuditUnavailableException {
        trail().checkAvailable();
    }

    public void connected(Session session, Identity identity) throws AuditUnavailableException {
        trail().record(base(EventType.CONNECT, session, identity).build());
    }

    /** A refused connection; recorded best effort (the refusal itself is what the caller sees). */
    public void connectDenied(String environment, DatabaseInfo database, String error) {
        AuditEvent event = AuditEvent.builder(EventType.CONNECT_DENIED).environment(environment)
                .database(database.product(), database.url()).error(error).build();
        recordQuietly(event);
    }

    /** A call of the acting client that runs no SQL of its own (an MCP tool call). */
    public void call(Session session, Identity identity, String error) throws AuditUnavailableException {
        trail().record(base(EventType.TOOL_CALL, session, identity).error(error).build());
    }

    public void closed(Session session, Identity identity) {
        recordQuietly(base(EventType.CLOSE, session, identity).build());
    }

    void policyLoaded(Policy policy) {
        recordQuietly(AuditEvent.builder(EventType.POLICY_LOADED)
                .policy(policy.source(), String.valueOf(policy.version()), policy.sha256()).build());
    }

    void policyRejected(String source, String error) {
        recordQuietly(AuditEvent.builder(EventType.POLICY_LOADED).policy(source, null, null)
                .error("rejected, last good policy kept: " + error).build());
    }

    void approvalRequested(Session session, Identity identity, Analysis analysis, Decision decision, String requestId) {
        recordQuietly(statement(EventType.APPROVAL_REQUESTED, session, identity, analysis, decision)
                .requestId(requestId).reason(session.reason()).build());
    }

    /** An approval grant was used: the statement it was for is about to run. */
    void approvalUsed(Session session, Identity identity, Analysis analysis, Decision decision, String requestId) {
        recordQuietly(statement(EventType.APPROVAL_DECIDED, session, identity, analysis, decision)
                .decision("used", decision.ruleIds(), decision.mode().label()).requestId(requestId).build());
    }

    /** {@code auto-approve} matched: granted at once, without a request, and recorded as such. */
    void autoApproved(Session session, Identity identity, Analysis analysis, Decision decision) {
        recordQuietly(statement(EventType.APPROVAL_DECIDED, session, identity, analysis, decision)
                .decision("auto-approved", decision.ruleIds(), decision.mode().label()).reviewer("auto-approve")
                .build());
    }

    /** A reviewer's verdict on a request (see {@link ApprovalEvents#decided}). */
    void approvalDecided(ApprovalRequest request, Identity reviewer) {
        recordQuietly(ApprovalEvents.decided(request, reviewer));
    }

    /** A statement that was refused before it ran. */
    void refused(Session session, Identity identity, Analysis analysis, Decision decision, SQLException error) {
        String requestId = error instanceof dev.governance.jdbc.ApprovalPendingException pending ? pending.requestId()
                : error instanceof dev.governance.jdbc.ApprovalRefusedException refused ? refused.requestId()
                : error instanceof dev.governance.jdbc.ApprovalTimeoutException late ? late.requestId() : null;
        recordQuietly(statement(EventType.STATEMENT, session, identity, analysis, decision).requestId(requestId)
                .error(error.getSQLState() + ": " + error.getMessage()).build());
    }

    /** A statement refused because its connection has no valid identity now (28000); {@code analysis} may be null. */
    void identityRefused(Session session, Analysis analysis, SQLException error) {
        AuditEvent.Builder b = base(EventType.STATEMENT, session, null);
        if (analysis != null) {
            b.sql(settings.literals() ? analysis.sql() : analysis.normalizedSql()).fingerprint(analysis.fingerprint())
                    .type(shape(session, analysis).type());
        }
        recordQuietly(b.decision("deny", List.of(), "enforce").error(error.getSQLState() + ": " + error.getMessage())
                .build());
    }

    /** The record of an admitted statement, before it runs: durable first when it is an agent's write. */
    AuditEvent intent(Session session, Identity identity, Analysis analysis, Decision decision, boolean durable)
            throws AuditUnavailableException {
        AuditEvent.Builder builder = statement(EventType.STATEMENT, session, identity, analysis, decision);
        if (!durable) {
            return builder.build();
        }
        AuditEvent intent = builder.phase(Phase.INTENT).build();
        try {
            trail().recordSync(intent);
        } catch (AuditUnavailableException unavailable) {
            // The intent stays queued for the failing sink: its outcome says the write never ran.
            recordQuietly(intent.outcome(null, 0L, unavailable.getSQLState() + ": " + unavailable.getMessage()
                    + " (the statement did not run)"));
            throw unavailable;
        }
        return intent;
    }

    /** Completes a statement's record; after the statement ran, a failing trail keeps the event for later. */
    void outcome(AuditEvent intent, Long rows, long durationMicros, String error, List<AuditEvent.Masked> masked) {
        recordQuietly(masked != null && !masked.isEmpty() ? intent.outcome(rows, durationMicros, error, masked)
                : intent.outcome(rows, durationMicros, error));
    }

    private void recordQuietly(AuditEvent event) {
        try {
            trail().record(event);
        } catch (AuditUnavailableException e) {
            // The trail keeps the event and writes it when the sink recovers; the caller's outcome stands.
        }
    }

    private AuditEvent.Builder base(EventType type, Session session, Identity identity) {
        AuditEvent.Builder b = AuditEvent.builder(type).connectionId(session.connectionId())
                .environment(session.environment()).client(session.client())
                .database(databases.computeIfAbsent(session.database(),
                        d -> new AuditEvent.Database(d.product(), d.url())));
        return identity == null ? b : b.identity(session.recordedIdentity(identity));
    }

    /** What a statement touched, as recorded: the same for every text with the same normalized form. */
    private record Shape(String type, AuditEvent.Tables tables, List<String> columns) {
        static Shape of(Analysis analysis) {
            Set<String> read = new LinkedHashSet<>();
            Set<String> written = new LinkedHashSet<>();
            Set<String> columns = new LinkedHashSet<>();
            String statementType = null;
            for (StatementFacts facts : analysis.statements()) {
                statementType = statementType == null ? facts.type().name() : statementType;
                for (TableName t : facts.tablesRead()) {
                    read.add(t.key());
                }
                for (TableName t : facts.tablesWritten()) {
                    written.add(t.key());
                }
                for (ColumnName c : facts.columns()) {
                    columns.add(c.key());
                }
            }
            return new Shape(statementType == null ? "OTHER" : statementType,
                    new AuditEvent.Tables(List.copyOf(read), List.copyOf(written)), List.copyOf(columns));
        }
    }

    /** Shapes by normalized text (and default schema): a repeated statement builds its record without re-walking. */
    private final NormalizedTextCache<ShapeKey, Shape> shapes = NormalizedTextCache.named("audit-shape");

    /** The normalized text is the cached analysis's own string: its hash is computed once, not per statement. */
    private record ShapeKey(String type, Object tables, String normalized) {
    }

    private Shape shape(Session session, Analysis analysis) {
        String normalized = analysis.normalizedSql();
        if (!NormalizedTextCache.cacheable(normalized)) {
            return Shape.of(analysis);
        }
        // The type joins the key: literals can change it (set_config('role', …) is OTHER, other settings are not).
        String type = analysis.statements().isEmpty() ? "" : analysis.statements().get(0).type().name();
        // The tables as resolved join it too: the same text names other tables under another search path.
        Object tables = analysis.statements().size() == 1
                ? List.of(analysis.statements().get(0).tablesRead(), analysis.statements().get(0).tablesWritten())
                : analysis.statements().stream().map(f -> List.of(f.tablesRead(), f.tablesWritten())).toList();
        return shapes.get(new ShapeKey(type, tables, normalized), k -> Shape.of(analysis));
    }

    private AuditEvent.Builder statement(EventType type, Session session, Identity identity, Analysis analysis,
                                         Decision decision) {
        Shape shape = shape(session, analysis);
        return base(type, session, identity)
                .sql(settings.literals() ? analysis.sql() : analysis.normalizedSql())
                .fingerprint(analysis.fingerprint())
                .type(shape.type())
                .tables(shape.tables())
                .columns(shape.columns())
                .decision(decision.action().label(), decision.ruleIds(), decision.mode().label())
                .reason(session.reason());
    }
}
