package dev.governance.jdbc.gate;

import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.audit.AuditEvent;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityResolver;
import dev.governance.jdbc.masking.ErrorScrubber;
import dev.governance.jdbc.masking.Masker;
import dev.governance.jdbc.masking.OutParameterMasking;
import dev.governance.jdbc.masking.ViewLookup;
import dev.governance.jdbc.policy.PolicyHolder;
import dev.governance.jdbc.policy.PrimaryKeys;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.TableResolver;
import dev.governance.jdbc.sql.lineage.SchemaLookup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The governance state of one connection: who it acts for, where it is connected, and the shared machinery.
 * The JDBC wrappers hold one and hand it to the gate with every statement.
 */
public final class Session {
    // the shared parts this connection uses, taken from its Governance once
    private final StatementGate gate;
    private final MetadataCache metadata;
    private final SqlAnalyzer analyzer;
    private final PolicyHolder policies;
    private final Masker masker;
    private final Recorder recorder;
    private final Approvals approvals;
    private final String environment;
    private final boolean allowUnwrap;
    private final IdentityResolver identities;
    private final Connection physical;
    private final String connectionId = UUID.randomUUID().toString();
    private final Dialect dialect;
    private final DatabaseInfo database;
    private final Deque<Identity> runAsStack = new ArrayDeque<>();
    private final DecisionMemo decisions = new DecisionMemo();
    private volatile String reason;
    private volatile AuditEvent.Client client;
    /** How unqualified names resolve: the server's search path, read at connect and again after it may change. */
    private volatile ServerNames names;
    /** A statement may have changed the search path (or a transaction that did was ended): read it again. */
    private volatile boolean pathStale = true;
    /** The schema a statement switched to, for when the server's path can't be read. */
    private volatile String switchedSchema;
    /** A statement changed the path inside the current transaction (its end may undo that). */
    private volatile boolean switchedInTransaction;
    private volatile PrimaryKeys primaryKeys;
    private volatile SchemaLookup schema;
    private volatile ViewLookup views;

    Session(Governance governance, IdentityResolver identities, Connection physical, Dialect dialect,
                   DatabaseInfo database) {
        this.gate = governance.gate();
        this.metadata = governance.metadata();
        this.analyzer = governance.analyzer();
        this.policies = governance.policies();
        this.masker = governance.masker();
        this.recorder = governance.recorder();
        this.approvals = governance.approvals();
        this.environment = governance.settings().environment();
        this.allowUnwrap = governance.settings().allowUnwrap();
        this.identities = identities;
        this.physical = physical;
        this.dialect = dialect;
        this.database = database;
    }

    /**
     * Session variables ({@code @x}; PostgreSQL custom settings) that hold a value computed from sensitive data:
     * reading one back is reading sensitive data. Only grows: a variable stays tainted for the connection's life.
     */
    private final java.util.Set<String> taintedVariables = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Remembers that these variables may now hold sensitive values. */
    public void taintVariables(java.util.Set<String> names) {
        taintedVariables.addAll(names);
    }

    /** True when any of these variables may hold a sensitive value. */
    public boolean anyTainted(java.util.Set<String> names) {
        if (taintedVariables.isEmpty()) {
            return false;
        }
        for (String name : names) {
            if (taintedVariables.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The real driver's connection: only the gate uses it (savepoints, metadata), never handed out. */
    public Connection physical() {
        return physical;
    }

    /** Verifies a token for {@code runAs} with this connection's identity configuration. */
    public Identity verify(String token) throws IdentityException {
        return identities.verify(token);
    }

    public String connectionId() {
        return connectionId;
    }

    /** {@code Connection.setCatalog}: on MySQL/MariaDB a database is what a schema is elsewhere. */
    public void catalogSwitched(String name) {
        if (dialect == Dialect.MYSQL) {
            defaultSchema(name);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DatabaseInfo database() {
        return database;
    }

    public String environment() {
        return environment;
    }

    /** Primary keys as this connection's database reports them (cached across connections to it). */
    public PrimaryKeys primaryKeys() {
        PrimaryKeys keys = primaryKeys;
        if (keys == null) {
            keys = metadata.primaryKeys(database.url(), physical, dialect);
            primaryKeys = keys;
        }
        return keys;
    }

    /**
     * Table columns as this connection's database reports them (cached across connections to it), with unqualified
     * names resolved by this connection's search path.
     */
    public SchemaLookup schema() {
        SchemaLookup lookup = schema;
        if (lookup == null) {
            SchemaLookup columns = metadata.schema(database.url(), physical, dialect);
            lookup = new SchemaLookup() {
                @Override
                public java.util.List<String> columnsOf(dev.governance.jdbc.sql.TableName table) {
                    return columns.columnsOf(table);
                }

                @Override
                public dev.governance.jdbc.sql.TableName resolve(String schemaName, String table, Dialect d) {
                    return new dev.governance.jdbc.sql.TableName(schemaName != null ? schemaName
                            : names().schemaOf(folded(table)), table);
                }
            };
            schema = lookup;
        }
        return lookup;
    }

    /** Lineage hands names without their quotes: unquoted is the usual spelling, folded as the server folds it. */
    private String folded(String table) {
        return dialect == Dialect.POSTGRESQL && table != null ? table.toLowerCase(java.util.Locale.ROOT) : table;
    }

    /**
     * How this connection's unqualified table names resolve, as its server resolves them (the search path read
     * from the server, each name looked up in the catalog when the path has several schemas).
     */
    public TableResolver names() {
        ServerNames current = names;
        if (current == null || pathStale) {
            current = readNames();
        }
        return current;
    }

    /** The schema new unqualified tables go to, as the server reports it (null: none, as MySQL without a database). */
    public String defaultSchema() {
        return ((ServerNames) names()).path().current();
    }

    /**
     * The connection may now resolve names elsewhere (setSchema, setCatalog, SET search_path, set_config, USE, SET
     * SCHEMA): the path is read from the server before the next statement. {@code schema}, when known, stands in
     * should the server's path not be readable.
     */
    public void defaultSchema(String schema) {
        if (schema != null && !schema.isBlank()) {
            switchedSchema = schema;
        }
        switchedInTransaction = true;
        pathStale = true;
    }

    /** A transaction ended: a path set inside it ({@code SET LOCAL}, or undone by rollback) may be gone. */
    public void transactionEnded() {
        if (switchedInTransaction) {
            switchedInTransaction = false;
            pathStale = true;
        }
    }

    /** The decision this connection made moments ago on the same grounds (see {@link DecisionMemo}), or null. */
    dev.governance.jdbc.policy.Decision decidedBefore(Object key, Identity identity,
                                                      dev.governance.jdbc.policy.PolicyEngine engine) {
        return decisions.find(key, identity, engine, names(), metadata.epoch());
    }

    void rememberDecision(Object key, Identity identity, dev.governance.jdbc.policy.PolicyEngine engine,
                          dev.governance.jdbc.policy.Decision decision) {
        decisions.remember(key, identity, engine, names(), metadata.epoch(), decision);
    }

    /** A schema change ran through this connection: tables may have appeared, moved or gone. */
    public void schemaChanged() {
        metadata.invalidate();
        pathStale = true; // a temporary table creates the session's temporary schema
    }

    /** Reads the search path from the server now (at connect, and lazily after it may have changed). */
    public ServerNames readNames() {
        SearchPath path = SearchPath.read(physical, dialect);
        if (path == null) {
            ServerNames known = names;
            path = switchedSchema != null ? SearchPath.of(switchedSchema)
                    : known != null ? known.path() : SearchPath.of(dialect.defaultSchema());
        }
        ServerNames fresh = new ServerNames(path, metadata.holders(database.url(), physical, dialect),
                dialect);
        names = fresh;
        pathStale = false;
        return fresh;
    }

    private volatile java.util.function.Function<String, java.util.Set<dev.governance.jdbc.sql.TableName>> functions;

    /** What a call to a function reads on this connection's database (cached across connections). */
    public java.util.function.Function<String, java.util.Set<dev.governance.jdbc.sql.TableName>> functionReads() {
        java.util.function.Function<String, java.util.Set<dev.governance.jdbc.sql.TableName>> lookup = functions;
        if (lookup == null) {
            lookup = metadata.functionReads(database.url(), physical, dialect, analyzer);
            functions = lookup;
        }
        return lookup;
    }

    /**
     * The columns a parse tree reads or writes on this connection (its search path and database), views followed;
     * traced once per statement shape and cached across connections until DDL or the name lookups expire.
     */
    public dev.governance.jdbc.sql.lineage.ColumnsRead columnsRead(net.sf.jsqlparser.statement.Statement tree) {
        ServerNames current = (ServerNames) names();
        return metadata.columnsRead(database.url(), current.path(), tree,
                () -> ColumnReads.trace(tree, dialect, schema(), views()));
    }

    /**
     * What reading each table reads when it is a view (its definition's tables, views and function reads; empty
     * when it is not a view), on this connection's database and search path; cached across connections.
     */
    public java.util.function.Function<dev.governance.jdbc.sql.TableName,
            java.util.Optional<java.util.Set<dev.governance.jdbc.sql.TableName>>> viewTables() {
        ServerNames current = (ServerNames) names();
        return metadata.viewTables(database.url(), current.path(), physical, dialect, analyzer, current,
                functionReads());
    }

    /** Views as this connection's database defines them, traced to their sources (cached across connections). */
    public ViewLookup views() {
        ViewLookup lookup = views;
        if (lookup == null) {
            lookup = metadata.views(database.url(), physical, dialect, analyzer);
            views = lookup;
        }
        return lookup;
    }

    /** The application acting through this connection (an MCP client and its tool), recorded with its events. */
    public AuditEvent.Client client() {
        return client;
    }

    public void client(AuditEvent.Client client) {
        this.client = client;
    }

    /** The requester's reason ({@code setClientInfo("governance.reason", ...)}), or null. */
    public String reason() {
        return reason;
    }

    public void reason(String reason) {
        this.reason = reason;
    }

    /**
     * The identity the next statement carries: the innermost {@code runAs} scope, else the configured source.
     * Checked on every statement, so an expired token stops statements until a fresh one is available.
     */
    public Identity identity() throws IdentityException {
        Identity scoped;
        synchronized (runAsStack) {
            scoped = runAsStack.peek();
        }
        if (scoped == null) {
            return identities.current();
        }
        identities.requireUnexpired(scoped);
        return scoped;
    }

    /** The last identity recorded and its audit form: built once per identity, not per statement. */
    private record Recorded(Identity identity, AuditEvent.Who who) {
    }

    private volatile Recorded recorded;

    /** {@code identity} as the audit trail records it. */
    public AuditEvent.Who recordedIdentity(Identity identity) {
        Recorded last = recorded;
        if (last == null || last.identity() != identity) {
            last = new Recorded(identity, AuditEvent.Who.of(identity));
            recorded = last;
        }
        return last.who();
    }

    /** A request ends (or begins) on a pooled connection: every open {@code runAs} scope and the reason go. */
    public void resetRequest() {
        synchronized (runAsStack) {
            runAsStack.clear();
        }
        reason = null;
    }

    public void pushIdentity(Identity identity) {
        synchronized (runAsStack) {
            runAsStack.push(identity);
        }
    }

    /** Removes {@code identity} (and any scope opened inside it that was left open). */
    public void popIdentity(Identity identity) {
        synchronized (runAsStack) {
            if (!runAsStack.contains(identity)) {
                return;
            }
            while (!runAsStack.isEmpty()) {
                if (runAsStack.pop() == identity) {
                    return;
                }
            }
        }
    }

    // ---- the wrappers' one way in: every statement, result and record of this connection goes through here ----

    /** Decides a plain statement and admits it, or throws the refusal. */
    public Admission admit(EntryPoint entry, String sql) throws SQLException {
        return gate.admit(this, entry, sql);
    }

    /** Decides a text at prepare time: a refused text is never prepared. */
    public PreparedSql prepare(EntryPoint entry, String sql) throws SQLException {
        return gate.prepare(this, entry, sql);
    }

    /** Decides one execution of a prepared text with its bound parameters. */
    public Admission admitPrepared(PreparedSql prepared, Parameters parameters) throws SQLException {
        return gate.admitPrepared(this, prepared, parameters);
    }

    /** What the policy decides on {@code sql} for the current identity, without running or recording it. */
    public dev.governance.jdbc.policy.Decision decide(String sql) throws SQLException {
        return gate.decideOnly(this, sql);
    }

    /** Decides a text that is not run ({@code nativeSQL}). */
    public void inspect(String sql) throws SQLException {
        gate.inspect(this, sql);
    }

    /** Runs a batch of admitted statements under their decisions. */
    public <T> T executeBatch(List<Admission> queued, JdbcCall<T> call, RowCount<T> rows) throws SQLException {
        return gate.executeBatch(this, queued, call, rows);
    }

    /** True when the current identity's results are masked. */
    public boolean masksResults() throws SQLException {
        return policies.engine().masks(identity());
    }

    /**
     * Whether the real driver's objects may be handed out: only with {@code allow-unwrap=true}, and never to an
     * identity whose results are masked (through the real objects masking could be undone).
     */
    public boolean mayUnwrap() {
        if (!allowUnwrap) {
            return false;
        }
        try {
            return !masksResults();
        } catch (SQLException noIdentity) {
            return false;
        }
    }

    /** Connection warnings as the current identity may see them (data values scrubbed when it is masked). */
    public SQLWarning visibleWarnings(SQLWarning warnings) throws SQLException {
        return warnings != null && masksResults() ? ErrorScrubber.scrub(warnings, masker) : warnings;
    }

    /** Masking of CallableStatement OUT parameters with this connection's masker. */
    OutParameterMasking outParameterMasking() {
        return new OutParameterMasking(masker);
    }

    /** The approval workflow shared by every connection of this configuration. */
    public Approvals approvals() {
        return approvals;
    }

    /** Records a call made through this connection by an application acting on it (an MCP tool call). */
    public void recordCall(String error) throws SQLException {
        recorder.call(this, identity(), error);
    }

    /** Records that the connection closed ({@code identity} null when its token had expired). */
    public void recordClosed(Identity identity) {
        recorder.closed(this, identity);
    }
}
