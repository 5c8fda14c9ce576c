package dev.governance.jdbc.approval;

import dev.governance.jdbc.audit.JdbcTables;
import dev.governance.jdbc.audit.UrlSanitizer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code jdbc:<url>}: requests in the table {@code governance_approvals} (created if missing) of a database every
 * instance and the command line reach. Plain portable SQL: VARCHAR columns (times as ISO-8601 UTC text, lists
 * comma-separated) and one long-text column type chosen per product. Each operation opens its own connection through
 * {@link DriverManager}; decisions and uses are conditional updates, so two instances can't both use one grant.
 */
public final class JdbcApprovalStore implements ApprovalStore {
    static final String TABLE = "governance_approvals";
    private static final String COLUMNS = "id, status, subject, kind, requester_groups, environment, sql_text, full_sql,"
            + " fingerprint, parameters_hash, rule_ids, approver_groups, reason, created_at, reviewer, decided_at,"
            + " on_behalf_of, database_product, database_url, grant_key";
    /** Columns added after the first release: a table created before them gets them on first use. */
    private static final String[][] ADDED_COLUMNS = {
            {"on_behalf_of", "VARCHAR(512)"}, {"database_product", "VARCHAR(256)"}, {"database_url", "VARCHAR(2048)"},
            {"grant_key", "VARCHAR(64)"}};

    private final String url;
    private final String table;
    private final Clock clock;
    private volatile boolean tableReady;

    /** @param url the JDBC URL of the approvals database, e.g. {@code jdbc:h2:file:/var/approvals} */
    public JdbcApprovalStore(String url) {
        this(url, Clock.systemUTC());
    }

    public JdbcApprovalStore(String url, Clock clock) {
        this(url, TABLE, clock);
    }

    /** A store in another table than {@value #TABLE} (tests that must not touch the real one). */
    JdbcApprovalStore(String url, String table, Clock clock) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("an approval store URL starts with jdbc:, not " + url);
        }
        if (url.startsWith("jdbc:governed:")) {
            throw new IllegalArgumentException("the approval store can't itself be governed (recursion): " + url);
        }
        this.url = url;
        this.table = table;
        this.clock = clock;
    }

    /** The JDBC URL (with whatever credentials it holds: never print it, see {@link #name()}). */
    public String url() {
        return url;
    }

    @Override
    public String name() {
        return UrlSanitizer.sanitize(url);
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try {
            // Checked on every use, not once: the approvals database may be recreated empty while we run (a restore,
            // a reset test database), and a store that only remembered its table would fail until restarted.
            if (!tableReady || !JdbcTables.exists(c, table)) {
                createTableIfMissing(c);
                tableReady = true;
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private synchronized void createTableIfMissing(Connection c) throws SQLException {
        String text = JdbcTables.longText(c);
        boolean existed = JdbcTables.createIfMissing(c, table, "CREATE TABLE " + table + " (id VARCHAR(64) NOT NULL"
                + " PRIMARY KEY, status VARCHAR(16) NOT NULL,"
                + " subject VARCHAR(512) NOT NULL, kind VARCHAR(16), requester_groups VARCHAR(2048),"
                + " environment VARCHAR(128), sql_text " + text + ", full_sql " + text + ","
                + " fingerprint VARCHAR(128) NOT NULL, parameters_hash VARCHAR(64) NOT NULL,"
                + " rule_ids VARCHAR(1024), approver_groups VARCHAR(1024), reason VARCHAR(2048),"
                + " created_at VARCHAR(40) NOT NULL, reviewer VARCHAR(512), decided_at VARCHAR(40),"
                + " on_behalf_of VARCHAR(512), database_product VARCHAR(256), database_url VARCHAR(2048),"
                + " grant_key VARCHAR(64))");
        if (existed) {
            // A table from before grants matched identity, database and full text: its old requests have no grant
            // key, so they grant nothing (they are shown, and may be decided, but never used).
            JdbcTables.addMissingColumns(c, table, ADDED_COLUMNS);
        }
    }

    @Override
    public void create(ApprovalRequest r) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                     + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.status().name());
            ps.setString(3, r.subject());
            ps.setString(4, r.kind());
            ps.setString(5, String.join(",", r.groups()));
            ps.setString(6, r.environment());
            ps.setString(7, r.sql());
            ps.setString(8, r.fullSql());
            ps.setString(9, r.fingerprint());
            ps.setString(10, r.parametersHash());
            ps.setString(11, String.join(",", r.ruleIds()));
            ps.setString(12, String.join(",", r.approverGroups()));
            ps.setString(13, r.reason());
            ps.setString(14, time(r.created()));
            ps.setString(15, r.reviewer());
            ps.setString(16, r.decided() == null ? null : time(r.decided()));
            ps.setString(17, r.onBehalfOf());
            ps.setString(18, r.database().product());
            ps.setString(19, r.database().url());
            ps.setString(20, r.grantKey());
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<ApprovalRequest> find(String id) throws SQLException {
        try (Connection c = connect()) {
            return find(c, id);
        }
    }

    private Optional<ApprovalRequest> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<ApprovalRequest> findPending(String grantKey) throws SQLException {
        List<ApprovalRequest> found = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                     + " WHERE status = ? AND grant_key = ?")) {
            ps.setString(1, ApprovalStatus.PENDING.name());
            ps.setString(2, grantKey);
            readAll(ps, found);
        }
        return ApprovalStore.pendingFirst(found).stream().findFirst();
    }

    /** Reads only what is listed (the console asks twice a second): the pending, and the latest of the rest. */
    @Override
    public List<ApprovalRequest> list() throws SQLException {
        List<ApprovalRequest> out = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement pending = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                     + " WHERE status = ?");
             PreparedStatement recent = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                     + " WHERE status <> ? ORDER BY created_at DESC, id DESC")) {
            pending.setString(1, ApprovalStatus.PENDING.name());
            readAll(pending, out);
            recent.setString(1, ApprovalStatus.PENDING.name());
            recent.setMaxRows(RECENT);
            readAll(recent, out);
        }
        return ApprovalStore.pendingFirst(out);
    }

    private static void readAll(PreparedStatement query, List<ApprovalRequest> out) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
    }

    @Override
    public Optional<ApprovalRequest> decide(String id, ApprovalStatus verdict, String reviewer) throws SQLException {
        MemoryApprovalStore.requireVerdict(verdict);
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("UPDATE " + table
                     + " SET status = ?, reviewer = ?, decided_at = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, verdict.name());
            ps.setString(2, reviewer);
            ps.setString(3, time(clock.instant()));
            ps.setString(4, id);
            ps.setString(5, ApprovalStatus.PENDING.name());
            if (ps.executeUpdate() != 1) {
                return Optional.empty();
            }
            return find(c, id);
        }
    }

    @Override
    public Optional<String> consumeGrant(String grantKey) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = connect()) {
            List<ApprovalRequest> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE status = ? AND grant_key = ?")) {
                ps.setString(1, ApprovalStatus.APPROVED.name());
                ps.setString(2, grantKey);
                readAll(ps, candidates);
            }
            try (PreparedStatement use = c.prepareStatement("UPDATE " + table
                    + " SET status = ? WHERE id = ? AND status = ?")) {
                for (ApprovalRequest r : candidates) {
                    // The key is recomputed from the row: a row whose columns disagree with its key grants nothing.
                    if (!r.grantUsableAt(now) || !r.grantKey().equals(grantKey)) {
                        continue;
                    }
                    use.setString(1, ApprovalStatus.USED.name());
                    use.setString(2, r.id());
                    use.setString(3, ApprovalStatus.APPROVED.name());
                    if (use.executeUpdate() == 1) { // the condition on status makes the use single, across instances
                        return Optional.of(r.id());
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static ApprovalRequest read(ResultSet rs) throws SQLException {
        String decided = rs.getString("decided_at");
        return new ApprovalRequest(rs.getString("id"), rs.getString("subject"), rs.getString("kind"),
                split(rs.getString("requester_groups")), rs.getString("on_behalf_of"), rs.getString("environment"),
                new ApprovalRequest.Database(rs.getString("database_product"), rs.getString("database_url")),
                rs.getString("sql_text"),
                rs.getString("full_sql"), rs.getString("fingerprint"), rs.getString("parameters_hash"),
                split(rs.getString("rule_ids")), split(rs.getString("approver_groups")), rs.getString("reason"),
                Instant.parse(rs.getString("created_at")), ApprovalStatus.valueOf(rs.getString("status")),
                rs.getString("reviewer"), decided == null || decided.isEmpty() ? null : Instant.parse(decided));
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(joined.split(","));
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
