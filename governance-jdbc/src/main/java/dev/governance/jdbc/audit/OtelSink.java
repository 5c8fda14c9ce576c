package dev.governance.jdbc.audit;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code otel}: one CLIENT span per executed or refused statement (the {@code intent} half of an agent write
 * makes none; its outcome does), named {@code <TYPE> <table>} and carrying the database semantic-convention
 * attributes plus {@code governance.*}. Refusals and failures get ERROR status.
 *
 * <p>Without an injected {@link OpenTelemetry} the sink uses the global one only once the application (or the
 * Java agent) has installed it: calling {@code GlobalOpenTelemetry.get()} early would freeze the global to a
 * no-op and break the application's own later {@code set}.
 */
public final class OtelSink implements AuditSink {
    static final String SCOPE = "dev.governance.jdbc";

    static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    static final AttributeKey<String> DB_OPERATION_NAME = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> DB_COLLECTION_NAME = AttributeKey.stringKey("db.collection.name");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SUBJECT = AttributeKey.stringKey("governance.subject");
    static final AttributeKey<String> KIND = AttributeKey.stringKey("governance.kind");
    static final AttributeKey<String> ON_BEHALF_OF = AttributeKey.stringKey("governance.on_behalf_of");
    static final AttributeKey<Boolean> VERIFIED = AttributeKey.booleanKey("governance.verified");
    static final AttributeKey<String> ENVIRONMENT = AttributeKey.stringKey("governance.environment");
    static final AttributeKey<String> CONNECTION_ID = AttributeKey.stringKey("governance.connection.id");
    static final AttributeKey<String> DECISION = AttributeKey.stringKey("governance.decision");
    static final AttributeKey<String> MODE = AttributeKey.stringKey("governance.mode");
    static final AttributeKey<List<String>> RULES = AttributeKey.stringArrayKey("governance.rules");
    static final AttributeKey<List<String>> TABLES_READ = AttributeKey.stringArrayKey("governance.tables.read");
    static final AttributeKey<List<String>> TABLES_WRITTEN = AttributeKey.stringArrayKey("governance.tables.written");
    static final AttributeKey<List<String>> MASKED = AttributeKey.stringArrayKey("governance.masked");
    static final AttributeKey<String> FINGERPRINT = AttributeKey.stringKey("governance.fingerprint");
    static final AttributeKey<Long> ROWS = AttributeKey.longKey("governance.rows");
    static final AttributeKey<Long> SEQ = AttributeKey.longKey("governance.audit.seq");
    static final AttributeKey<String> EVENT = AttributeKey.stringKey("governance.event");
    static final AttributeKey<String> PHASE = AttributeKey.stringKey("governance.phase");
    static final AttributeKey<List<String>> GROUPS = AttributeKey.stringArrayKey("governance.groups");
    static final AttributeKey<List<String>> COLUMNS = AttributeKey.stringArrayKey("governance.columns");
    static final AttributeKey<String> DB_URL = AttributeKey.stringKey("governance.database.url");
    static final AttributeKey<Long> DURATION_MICROS = AttributeKey.longKey("governance.duration_micros");
    static final AttributeKey<String> ERROR = AttributeKey.stringKey("governance.error");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("governance.approval.request_id");
    static final AttributeKey<String> REVIEWER = AttributeKey.stringKey("governance.approval.reviewer");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("governance.reason");
    static final AttributeKey<String> COMMENT = AttributeKey.stringKey("governance.comment");
    static final AttributeKey<String> CLIENT_NAME = AttributeKey.stringKey("governance.client.name");
    static final AttributeKey<String> CLIENT_VERSION = AttributeKey.stringKey("governance.client.version");
    static final AttributeKey<String> CLIENT_TOOL = AttributeKey.stringKey("governance.client.tool");
    static final AttributeKey<String> POLICY_SOURCE = AttributeKey.stringKey("governance.policy.source");
    static final AttributeKey<String> POLICY_VERSION = AttributeKey.stringKey("governance.policy.version");
    static final AttributeKey<String> POLICY_SHA256 = AttributeKey.stringKey("governance.policy.sha256");
    static final AttributeKey<Long> GAP_FROM = AttributeKey.longKey("governance.gap.from");
    static final AttributeKey<Long> GAP_TO = AttributeKey.longKey("governance.gap.to");
    static final AttributeKey<Long> GAP_LOST = AttributeKey.longKey("governance.gap.lost");
    static final AttributeKey<String> ANCHOR_FILE = AttributeKey.stringKey("governance.audit.file");
    static final AttributeKey<String> ANCHOR_HASH = AttributeKey.stringKey("governance.audit.hash");

    private final OpenTelemetry injected;
    private Tracer tracer;
    private Logger logger;
    private volatile String disabled;

    /** Uses the application's global OpenTelemetry once it is installed. */
    public OtelSink() {
        this(null);
    }

    /** Uses the given OpenTelemetry (the application's SDK). */
    public OtelSink(OpenTelemetry openTelemetry) {
        this.injected = openTelemetry;
    }

    @Override
    public String name() {
        return "otel";
    }

    /** A log record {@code governance.audit.anchor}: the JSONL chain head, kept where the file's owner can't reach. */
    @Override
    public void anchor(ChainAnchor anchor) {
        if (disabled != null) {
            return;
        }
        try {
            if (tracer() == null) {
                return;
            }
            logger.logRecordBuilder()
                    .setTimestamp(anchor.at())
                    .setSeverity(Severity.INFO)
                    .setSeverityText("INFO")
                    .setEventName("governance.audit.anchor")
                    .setBody("anchor " + anchor.trail() + " seq " + anchor.seq() + " hash " + anchor.hash())
                    .setAttribute(EVENT, "anchor")
                    .setAttribute(ANCHOR_FILE, anchor.trail())
                    .setAttribute(SEQ, anchor.seq())
                    .setAttribute(ANCHOR_HASH, anchor.hash())
                    .emit();
        } catch (LinkageError e) {
            disable(e);
        }
    }

    /** Checks that the OpenTelemetry API on the classpath is one this sink can call (see {@link #disabled()}). */
    @Override
    public long open() {
        if (disabled == null) {
            try {
                tracer();
            } catch (LinkageError e) {
                disable(e);
            }
        }
        return 0;
    }

    @Override
    public void write(List<SequencedEvent> batch, boolean durable) {
        if (disabled != null) {
            return;
        }
        try {
            Tracer t = tracer();
            if (t == null) {
                return;
            }
            for (SequencedEvent s : batch) {
                AuditEvent e = s.event();
                Attributes attributes = attributes(s);
                if (e.event() == EventType.STATEMENT && e.phase() != Phase.INTENT) {
                    emit(t, s, attributes);
                }
                log(logger, s, attributes);
            }
        } catch (LinkageError e) {
            disable(e);
        }
    }

    /**
     * An OpenTelemetry API of another version ahead of ours on the classpath (an application's own older
     * {@code opentelemetry-api} before the -all jar) lacks methods this sink calls. That won't pass while the
     * process runs: the sink stops, says so once, and leaves the events to the trail's other sinks.
     */
    @Override
    public String disabled() {
        return disabled;
    }

    private void disable(LinkageError e) {
        String where = apiLocation();
        disabled = "otel: the OpenTelemetry API loaded from " + where + " is not compatible with this driver ("
                + e + "); spans and log records are off, the other audit sinks keep every event";
        System.getLogger(OtelSink.class.getName()).log(System.Logger.Level.ERROR, disabled);
    }

    @Override
    public void close() {
    }

    private static String apiLocation() {
        try {
            java.security.CodeSource source = GlobalOpenTelemetry.class.getProtectionDomain().getCodeSource();
            return source == null ? "the classpath" : String.valueOf(source.getLocation());
        } catch (RuntimeException | LinkageError e) {
            return "the classpath";
        }
    }

    private Tracer tracer() {
        if (tracer == null) {
            OpenTelemetry otel = injected != null ? injected : GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.get() : null;
            if (otel != null) {
                logger = otel.getLogsBridge().get(SCOPE);
                tracer = otel.getTracer(SCOPE);
            }
        }
        return tracer;
    }

    /**
     * One log record per event, whatever the event, with the span's attributes plus the event's own: spans may
     * be sampled away, log records are not, so a Collector receives the whole trail from every instance.
     */
    private static void log(Logger logger, SequencedEvent s, Attributes attributes) {
        AuditEvent e = s.event();
        boolean bad = e.error() != null || (e.decision() != null && "deny".equals(e.decision().action()))
                || e.event() == EventType.CONNECT_DENIED || e.event() == EventType.GAP;
        logger.logRecordBuilder()
                .setTimestamp(e.ts())
                .setContext(s.parent())
                .setSeverity(bad ? Severity.WARN : Severity.INFO)
                .setSeverityText(bad ? "WARN" : "INFO")
                .setEventName("governance.audit." + e.event().label())
                .setBody(body(e))
                .setAllAttributes(attributes)
                .emit();
    }

    /** A one-line summary for log viewers; the attributes carry the fields. */
    private static String body(AuditEvent e) {
        StringBuilder b = new StringBuilder(e.event().label());
        if (e.phase() != null) {
            b.append('/').append(e.phase().label());
        }
        if (e.identity() != null) {
            b.append(' ').append(e.identity().subject());
        }
        if (e.decision() != null) {
            b.append(' ').append(e.decision().action());
        }
        if (e.sql() != null) {
            b.append(": ").append(e.sql());
        }
        if (e.error() != null) {
            b.append(" (").append(e.error()).append(')');
        }
        return b.toString();
    }

    /** The attributes of an event's span and log record (contract fields as {@code db.*} and {@code governance.*}). */
    static Attributes attributes(SequencedEvent s) {
        AuditEvent e = s.event();
        AttributesBuilder b = Attributes.builder();
        String system = dbSystem(e.database());
        b.put(SEQ, s.seq());
        b.put(EVENT, e.event().label());
        put(b, PHASE, e.phase() == null ? null : e.phase().label());
        if (e.database() != null) {
            b.put(DB_SYSTEM_NAME, system);
            b.put(DB_SYSTEM, system);
            put(b, DB_URL, e.database().url());
        }
        put(b, DB_QUERY_TEXT, e.sql());
        put(b, DB_OPERATION_NAME, e.type() == null ? null : e.type().toUpperCase(Locale.ROOT));
        put(b, DB_COLLECTION_NAME, primaryTable(e.tables()));
        put(b, ENVIRONMENT, e.environment());
        put(b, CONNECTION_ID, e.connectionId());
        put(b, FINGERPRINT, e.fingerprint());
        if (e.identity() != null) {
            put(b, SUBJECT, e.identity().subject());
            put(b, KIND, e.identity().kind());
            put(b, ON_BEHALF_OF, e.identity().onBehalfOf());
            b.put(VERIFIED, e.identity().verified());
            if (!e.identity().groups().isEmpty()) {
                b.put(GROUPS, e.identity().groups());
            }
        }
        if (e.decision() != null) {
            put(b, DECISION, e.decision().action());
            put(b, MODE, e.decision().mode());
            b.put(RULES, e.decision().rules());
        }
        if (e.tables() != null) {
            b.put(TABLES_READ, e.tables().read());
            b.put(TABLES_WRITTEN, e.tables().written());
        }
        if (e.columns() != null && !e.columns().isEmpty()) {
            b.put(COLUMNS, e.columns());
        }
        if (e.masked() != null && !e.masked().isEmpty()) {
            List<String> columns = new ArrayList<>(e.masked().size());
            for (AuditEvent.Masked m : e.masked()) {
                columns.add(m.column());
            }
            b.put(MASKED, columns);
        }
        if (e.rows() != null) {
            b.put(ROWS, e.rows());
        }
        if (e.durationMicros() != null) {
            b.put(DURATION_MICROS, e.durationMicros());
        }
        put(b, ERROR, e.error());
        put(b, REQUEST_ID, e.requestId());
        put(b, REVIEWER, e.reviewer());
        put(b, REASON, e.reason());
        put(b, COMMENT, e.comment());
        if (e.client() != null) {
            put(b, CLIENT_NAME, e.client().name());
            put(b, CLIENT_VERSION, e.client().version());
            put(b, CLIENT_TOOL, e.client().tool());
        }
        if (e.policy() != null) {
            put(b, POLICY_SOURCE, e.policy().source());
            put(b, POLICY_VERSION, e.policy().version());
            put(b, POLICY_SHA256, e.policy().sha256());
        }
        if (e.gap() != null) {
            b.put(GAP_FROM, e.gap().from());
            b.put(GAP_TO, e.gap().to());
            b.put(GAP_LOST, e.gap().lost());
        }
        return b.build();
    }

    private static void put(AttributesBuilder b, AttributeKey<String> key, String value) {
        if (value != null) {
            b.put(key, value);
        }
    }

    private static void emit(Tracer tracer, SequencedEvent s, Attributes attributes) {
        AuditEvent e = s.event();
        String table = primaryTable(e.tables());
        String operation = e.type() == null ? null : e.type().toUpperCase(Locale.ROOT);
        String system = dbSystem(e.database());
        long endMicros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, e.ts());
        long startMicros = e.durationMicros() == null ? endMicros : endMicros - e.durationMicros();

        SpanBuilder b = tracer.spanBuilder(spanName(operation, table, system))
                .setParent(s.parent())
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(startMicros, TimeUnit.MICROSECONDS)
                .setAllAttributes(attributes)
                .setAttribute(DB_SYSTEM_NAME, system)
                .setAttribute(DB_SYSTEM, system);
        Span span = b.startSpan();
        boolean denied = e.decision() != null && "deny".equals(e.decision().action());
        if (denied) {
            span.setAttribute(ERROR_TYPE, "governance.denied");
            span.setStatus(StatusCode.ERROR, e.error() != null ? e.error()
                    : "denied by " + String.join(",", e.decision().rules()));
        } else if (e.error() != null) {
            span.setAttribute(ERROR_TYPE, errorType(e.error()));
            span.setStatus(StatusCode.ERROR, e.error());
        }
        span.end(endMicros, TimeUnit.MICROSECONDS);
    }

    /** Semconv: {@code {db.operation.name} {db.collection.name}}, else the operation, else the system. */
    static String spanName(String operation, String table, String system) {
        if (operation != null && table != null) {
            return operation + " " + table;
        }
        if (operation != null) {
            return operation;
        }
        return table != null ? table : system;
    }

    private static String primaryTable(AuditEvent.Tables tables) {
        if (tables == null) {
            return null;
        }
        if (!tables.written().isEmpty()) {
            return tables.written().get(0);
        }
        return tables.read().isEmpty() ? null : tables.read().get(0);
    }

    /** The SQLState when the error starts with one ({@code 42501: …}), else a generic type. */
    private static String errorType(String error) {
        int colon = error.indexOf(':');
        return colon == 5 ? error.substring(0, 5) : "java.sql.SQLException";
    }

    /** {@code db.system.name} from the product name, falling back to the JDBC sub-protocol. */
    static String dbSystem(AuditEvent.Database database) {
        String product = database == null || database.product() == null
                ? "" : database.product().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("mariadb")) {
            return "mariadb";
        }
        if (product.contains("mysql")) {
            return "mysql";
        }
        if (product.contains("oracle")) {
            return "oracle.db";
        }
        if (product.contains("sql server")) {
            return "microsoft.sql_server";
        }
        if (product.contains("db2")) {
            return "ibm.db2";
        }
        if (product.contains("hsql")) {
            return "hsqldb";
        }
        if (product.contains("derby")) {
            return "derby";
        }
        if (product.equals("h2") || product.contains("sqlite") || product.contains("clickhouse")) {
            return product.replace(' ', '_');
        }
        String url = database == null ? null : database.url();
        if (url != null && url.startsWith("jdbc:")) {
            int colon = url.indexOf(':', 5);
            if (colon > 5) {
                return url.substring(5, colon).toLowerCase(Locale.ROOT);
            }
        }
        return product.isEmpty() ? "other_sql" : product.replace(' ', '_');
    }
}
