package dev.governance.jdbc.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * {@code jdbc:<url>}: one row per event in {@code governance_audit} in a separate database (created if
 * missing), for teams that query their trail with SQL, and a central table for many instances at once. The
 * main fields are columns; {@code record} holds the full JSON of the event. Each batch is one transaction
 * (multi-row batch insert), so a failed batch leaves nothing behind and is written again on recovery.
 *
 * <p>Many instances: every row carries its {@code instance} ({@code governance.audit.instance}); the key is
 * {@code (instance, seq)} and each instance keeps its own hash chain in {@code prev_hash}/{@code hash}, by the
 * JSONL rule over the {@code record} text, so each instance's rows verify on their own
 * ({@code audit verify jdbc:…}) however many write at once. Anchors of the instance's JSONL files go to
 * {@code governance_audit_anchors}.
 */
public final class JdbcSink implements AuditSink {
    static final String TABLE = "governance_audit";
    static final String ANCHORS = "governance_audit_anchors";
    private static final String INSERT = "INSERT INTO " + TABLE + " (instance, seq, ts, event, phase, connection_id,"
            + " subject, kind, environment, statement_type, decision, rules, tables_read, tables_written, sql_text,"
            + " row_count, duration_micros, error, record, prev_hash, hash)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /**
     * A table from before instances and chains gets these columns (rows already there: instance '' and no chain).
     * Its primary key stays {@code seq} alone, so only one instance can write it: recreate it, or drop that key and
     * add {@code PRIMARY KEY (instance, seq)}, before pointing several instances at it.
     */
    private static final String[][] CHAIN_COLUMNS = {
            {"instance", "VARCHAR(200) DEFAULT '' NOT NULL"}, {"prev_hash", "VARCHAR(64)"}, {"hash", "VARCHAR(64)"}};

    private final String url;
    private final String instance;
    private final AuditJson json = new AuditJson();
    private final HashChain chain = new HashChain();
    private Connection connection;
    private PreparedStatement insert;
    private long lastSeq;
    private String lastHash = HashChain.GENESIS;

    /** One instance named after this host and process ({@link Sinks#defaultInstance}). */
    public JdbcSink(String url) {
        this(url, Sinks.defaultInstance(List.of()));
    }

    /**
     * @param url      the JDBC URL of the audit database ({@code jdbc:h2:…}, {@code jdbc:postgresql:…})
     * @param instance this writer's name in a table shared by many ({@code governance.audit.instance})
     */
    public JdbcSink(String url, String instance) {
        if (url.startsWith("jdbc:governed:")) {
            throw new IllegalArgumentException("the audit database can't itself be governed (recursion): " + url);
        }
        this.url = url;
        this.instance = instance.length() > 200 ? instance.substring(instance.length() - 200) : instance;
    }

    String instance() {
        return instance;
    }

    @Override
    public String name() {
        return "jdbc:" + UrlSanitizer.sanitize(url).substring("jdbc:".length());
    }

    @Override
    public long open() throws SQLException {
        closeQuietly();
        Connection c = DriverManager.getConnection(url);
        try {
            createTableIfMissing(c);
            lastSeq = 0;
            lastHash = HashChain.GENESIS;
            try (PreparedStatement max = c.prepareStatement("SELECT MAX(seq) FROM " + TABLE + " WHERE instance = ?")) {
                max.setString(1, instance);
                try (ResultSet rs = max.executeQuery()) {
                    lastSeq = rs.next() ? rs.getLong(1) : 0;
                }
            }
            if (lastSeq > 0) {
                try (PreparedStatement head = c.prepareStatement("SELECT hash FROM " + TABLE
                        + " WHERE instance = ? AND seq = ?")) {
                    head.setString(1, instance);
                    head.setLong(2, lastSeq);
                    try (ResultSet rs = head.executeQuery()) {
                        String h = rs.next() ? rs.getString(1) : null;
                        lastHash = h == null ? HashChain.GENESIS : h; // rows from before chains: a new chain
                    }
                }
            }
            c.setAutoCommit(false);
            insert = c.prepareStatement(INSERT);
            connection = c;
            return lastSeq;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void createTableIfMissing(Connection c) throws SQLException {
        String text = JdbcTables.longText(c);
        JdbcTables.createIfMissing(c, ANCHORS, "CREATE TABLE " + ANCHORS + " (instance VARCHAR(200) NOT NULL,"
                + " trail VARCHAR(512) NOT NULL, seq BIGINT NOT NULL, hash VARCHAR(64) NOT NULL, ts TIMESTAMP NOT NULL)");
        boolean existed = JdbcTables.createIfMissing(c, TABLE, "CREATE TABLE " + TABLE + " (instance VARCHAR(200)"
                + " NOT NULL, seq BIGINT NOT NULL, ts TIMESTAMP NOT NULL,"
                + " event VARCHAR(32) NOT NULL, phase VARCHAR(16), connection_id VARCHAR(128),"
                + " subject VARCHAR(512), kind VARCHAR(16), environment VARCHAR(128),"
                + " statement_type VARCHAR(32), decision VARCHAR(32), rules VARCHAR(1024),"
                + " tables_read " + text + ", tables_written " + text + ", sql_text " + text + ","
                + " row_count BIGINT, duration_micros BIGINT, error " + text + ", record " + text
                + " NOT NULL, prev_hash VARCHAR(64), hash VARCHAR(64), PRIMARY KEY (instance, seq))");
        if (existed) {
            JdbcTables.addMissingColumns(c, TABLE, CHAIN_COLUMNS);
        }
    }

    @Override
    public void write(List<SequencedEvent> batch, boolean durable) throws Exception {
        if (connection == null) {
            open();
        }
        boolean any = false;
        String prev = lastHash;
        try {
            for (SequencedEvent s : batch) {
                if (s.seq() <= lastSeq) {
                    continue;
                }
                prev = bind(insert, s, prev);
                insert.addBatch();
                any = true;
            }
            if (!any) {
                return;
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(); // rolls back; the next attempt re-opens and re-reads this instance's head
            throw e;
        }
        lastSeq = batch.get(batch.size() - 1).seq();
        lastHash = prev;
    }

    /** Binds one row; returns its hash (the next row's prev_hash). */
    private String bind(PreparedStatement p, SequencedEvent s, String prev) throws Exception {
        AuditEvent e = s.event();
        byte[] canonical = json.canonical(s.seq(), e, prev);
        String hash = chain.hash(prev, canonical, canonical.length);
        p.setString(1, instance);
        bindFields(p, s, e, 1);
        p.setString(19, new String(canonical, StandardCharsets.UTF_8));
        p.setString(20, prev);
        p.setString(21, hash);
        return hash;
    }

    @Override
    public void anchor(ChainAnchor anchor) throws Exception {
        if (connection == null) {
            return; // failing: its own retry comes first
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO " + ANCHORS
                + " (instance, trail, seq, hash, ts) VALUES (?,?,?,?,?)")) {
            p.setString(1, instance);
            p.setString(2, anchor.trail());
            p.setLong(3, anchor.seq());
            p.setString(4, anchor.hash());
            p.setTimestamp(5, Timestamp.from(anchor.at()));
            p.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The event's columns, each index shifted by {@code o} (the columns before them). */
    private void bindFields(PreparedStatement p, SequencedEvent s, AuditEvent e, int o) throws SQLException {
        p.setLong(1 + o, s.seq());
        p.setTimestamp(2 + o, Timestamp.from(e.ts()));
        p.setString(3 + o, e.event().label());
        p.setString(4 + o, e.phase() == null ? null : e.phase().label());
        p.setString(5 + o, e.connectionId());
        p.setString(6 + o, e.identity() == null ? null : e.identity().subject());
        p.setString(7 + o, e.identity() == null ? null : e.identity().kind());
        p.setString(8 + o, e.environment());
        p.setString(9 + o, e.type());
        p.setString(10 + o, e.decision() == null ? null : e.decision().action());
        p.setString(11 + o, e.decision() == null ? null : String.join(",", e.decision().rules()));
        p.setString(12 + o, e.tables() == null ? null : String.join(",", e.tables().read()));
        p.setString(13 + o, e.tables() == null ? null : String.join(",", e.tables().written()));
        p.setString(14 + o, e.sql());
        setLong(p, 15 + o, e.rows());
        setLong(p, 16 + o, e.durationMicros());
        p.setString(17 + o, e.error());
    }

    private static void setLong(PreparedStatement p, int index, Long value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, value);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        insert = null;
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // closing below is what matters
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // a broken connection is abandoned
            }
        }
    }
}
