package dev.governance.jdbc.audit;

import dev.governance.jdbc.identity.Identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One audit event, in the field names of contract section 7. Plain values only (no policy or analyzer
 * types), so that every part of the driver and the command line can build one. {@code seq}, {@code prevHash}
 * and {@code hash} are not here: the trail assigns them when it orders the event.
 *
 * <p>The SQL must already be what may be recorded (literals replaced by {@code ?} unless
 * {@code audit.literals=true}); the database URL is passed through {@link UrlSanitizer} by the builder.
 *
 * @param event          the kind of event
 * @param ts             when it happened (microsecond precision)
 * @param phase          {@code intent} / {@code outcome} for agent writes, else null
 * @param connectionId   the governed connection's id, or null (policy-loaded, approval-decided by the CLI)
 * @param identity       who, or null when unknown (a connect-denied without any identity)
 * @param environment    {@code governance.environment}
 * @param database       product and credential-free URL, or null
 * @param sql            the recorded SQL text, or null
 * @param fingerprint    the SQL's fingerprint (stable across literal values), or null
 * @param type           statement type ({@code SELECT}, {@code UPDATE}, …), or null
 * @param tables         tables read and written, or null
 * @param columns        table columns touched ({@code schema.table.column}), or null
 * @param decision       action, rule ids and mode; for approval-decided the action is the verdict
 *                       ({@code approved}, {@code refused}, {@code expired})
 * @param masked         columns masked in the result, or null
 * @param rows           rows returned or changed, or null when not known
 * @param durationMicros execution time, or null
 * @param error          the error (SQLState and message) or the refusal, or null
 * @param requestId      approval request id (approval events, and a statement that raised VG001)
 * @param reviewer       who decided an approval
 * @param reason         the requester's or the reviewer's reason
 * @param policy         the loaded policy (policy-loaded)
 * @param gap            what a sink lost (gap events, written by the trail itself)
 * @param client         the application acting through the connection (an MCP client and the tool it called), or
 *                       null
 * @param comment        the reviewer's comment on an approval decision, or null
 */
public record AuditEvent(
        EventType event,
        Instant ts,
        Phase phase,
        String connectionId,
        Who identity,
        String environment,
        Database database,
        String sql,
        String fingerprint,
        String type,
        Tables tables,
        List<String> columns,
        Decision decision,
        List<Masked> masked,
        Long rows,
        Long durationMicros,
        String error,
        String requestId,
        String reviewer,
        String reason,
        PolicyInfo policy,
        Gap gap,
        Client client,
        String comment) {

    public AuditEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ts, "ts");
        columns = columns == null ? null : List.copyOf(columns);
        masked = masked == null ? null : List.copyOf(masked);
    }

    /** The identity as recorded (no issuer, no expiry: they say nothing about what was done). */
    public record Who(String subject, String kind, List<String> groups, boolean verified, String onBehalfOf) {
        public Who {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        public static Who of(Identity identity) {
            return identity == null ? null : new Who(identity.subject(), identity.kind().label(),
                    identity.groups(), identity.verified(), identity.onBehalfOf());
        }
    }

    /** The database behind the connection; the URL never carries credentials. */
    public record Database(String product, String url) {
        /** Sanitizes the URL, so no caller can put a password into the trail by accident. */
        public Database {
            url = url == null ? null : UrlSanitizer.sanitize(url);
        }
    }

    /** Tables read and written, as the analyzer resolved them ({@code schema.table}). */
    public record Tables(List<String> read, List<String> written) {
        public Tables {
            read = read == null ? List.of() : List.copyOf(read);
            written = written == null ? List.of() : List.copyOf(written);
        }
    }

    /** The policy decision: {@code allow}, {@code deny}, {@code approve}; rule ids; {@code enforce} or {@code dry-run}. */
    public record Decision(String action, List<String> rules, String mode) {
        public Decision {
            Objects.requireNonNull(action, "action");
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** One masked result column and the strategy applied (never the value). */
    public record Masked(String column, String strategy) {
    }

    /** What was loaded: file or {@code classpath:} source, the document's version, its SHA-256. */
    public record PolicyInfo(String source, String version, String sha256) {
    }

    /** The application acting for the identity: an MCP client's name and version, and the tool it called. */
    public record Client(String name, String version, String tool) {
    }

    /** Events {@code from}..{@code to} (inclusive) never reached one sink; {@code lost} of them. */
    public record Gap(long from, long to, long lost, String sink, String reason) {
    }

    public static Builder builder(EventType event) {
        return new Builder(event);
    }

    /** A copy with another phase, timestamp and outcome: turns an intent into its outcome. */
    public AuditEvent outcome(Long rows, Long durationMicros, String error) {
        return outcome(rows, durationMicros, error, masked);
    }

    /** As {@link #outcome(Long, Long, String)}, with what was masked in the result (one record made, not two). */
    public AuditEvent outcome(Long rows, Long durationMicros, String error, List<Masked> masked) {
        return new AuditEvent(event, Timestamps.now(), phase == null ? null : Phase.OUTCOME, connectionId,
                identity, environment, database, sql, fingerprint, type, tables, columns, decision, masked, rows,
                durationMicros, error, requestId, reviewer, reason, policy, gap, client, comment);
    }

    /** This event with its SQL and error replaced by {@code note} (when they can't be made safe to record). */
    AuditEvent withheld(String note) {
        return new AuditEvent(event, ts, phase, connectionId, identity, environment, database, sql == null ? null : note,
                fingerprint, type, tables, columns, decision, masked, rows, durationMicros, error == null ? null : note,
                requestId, reviewer, reason, policy, gap, client, comment);
    }

    /** This event with literal values scrubbed from sql and error (the writer's safety net). */
    AuditEvent scrubbed() {
        if (event == EventType.POLICY_LOADED) {
            return this; // a rejected policy's error names the operator's file and line: no database values to scrub
        }
        String cleanSql = LiteralScrubber.sql(sql);
        String cleanError = LiteralScrubber.error(error);
        if (java.util.Objects.equals(cleanSql, sql) && java.util.Objects.equals(cleanError, error)) {
            return this;
        }
        return new AuditEvent(event, ts, phase, connectionId, identity, environment, database, cleanSql, fingerprint,
                type, tables, columns, decision, masked, rows, durationMicros, cleanError, requestId, reviewer, reason,
                policy, gap, client, comment);
    }

    /** Fluent construction; every field is optional except the event type ({@code ts} defaults to now). */
    public static final class Builder {
        private final EventType event;
        private Instant ts;
        private Phase phase;
        private String connectionId;
        private Who identity;
        private String environment;
        private Database database;
        private String sql;
        private String fingerprint;
        private String type;
        private Tables tables;
        private List<String> columns;
        private Decision decision;
        private List<Masked> masked;
        private Long rows;
        private Long durationMicros;
        private String error;
        private String requestId;
        private String reviewer;
        private String reason;
        private PolicyInfo policy;
        private Client client;
        private Gap gap;
        private String comment;

        private Builder(EventType event) {
            this.event = Objects.requireNonNull(event, "event");
        }

        public Builder ts(Instant value) { this.ts = value; return this; }
        public Builder phase(Phase value) { this.phase = value; return this; }
        public Builder connectionId(String value) { this.connectionId = value; return this; }
        public Builder identity(Identity value) { this.identity = Who.of(value); return this; }
        public Builder identity(Who value) { this.identity = value; return this; }
        public Builder environment(String value) { this.environment = value; return this; }
        public Builder database(String product, String url) { this.database = new Database(product, url); return this; }
        /** A database already recorded once (its URL sanitized then): no work per event. */
        public Builder database(Database value) { this.database = value; return this; }
        public Builder sql(String value) { this.sql = value; return this; }
        public Builder fingerprint(String value) { this.fingerprint = value; return this; }
        public Builder type(String value) { this.type = value; return this; }
        public Builder tables(List<String> read, List<String> written) { this.tables = new Tables(read, written); return this; }
        /** Tables already in their recorded form (shared by every record of the same statement shape). */
        public Builder tables(Tables value) { this.tables = value; return this; }
        public Builder columns(List<String> value) { this.columns = value; return this; }
        public Builder decision(String action, List<String> rules, String mode) {
            this.decision = new Decision(action, rules, mode);
            return this;
        }
        public Builder masked(List<Masked> value) { this.masked = value; return this; }
        public Builder rows(Long value) { this.rows = value; return this; }
        public Builder durationMicros(Long value) { this.durationMicros = value; return this; }
        public Builder error(String value) { this.error = value; return this; }
        public Builder requestId(String value) { this.requestId = value; return this; }
        public Builder reviewer(String value) { this.reviewer = value; return this; }
        public Builder reason(String value) { this.reason = value; return this; }
        public Builder policy(String source, String version, String sha256) {
            this.policy = new PolicyInfo(source, version, sha256);
            return this;
        }
        Builder gap(Gap value) { this.gap = value; return this; }
        public Builder client(Client value) { this.client = value; return this; }
        public Builder comment(String value) { this.comment = value; return this; }

        public AuditEvent build() {
            return new AuditEvent(event, ts == null ? Timestamps.now() : ts, phase, connectionId, identity,
                    environment, database, sql, fingerprint, type, tables, columns, decision, masked, rows,
                    durationMicros, error, requestId, reviewer, reason, policy, gap, client, comment);
        }
    }
}
