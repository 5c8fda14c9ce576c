package dev.governance.jdbc.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * {@code jdbc:<url>}: one row per event in {@code governance_audit} in a separate database (created if
 * missing), for teams that query their trail with SQL. The main fields are columns; {@code record} holds
 * the full JSON of the event (without the hash chain, which belongs to the JSONL file). Each batch is one
 * transaction, so a failed batch leaves nothing behind and is written again on recovery.
 */
public final class JdbcSink implements AuditSink {
    static final String TABLE = "governance_audit";
    private static final String INSERT = "INSERT INTO " + TABLE + " (seq, ts, event, phase, connection_id, subject,"
            + " kind, environment, statement_type, decision, rules, tables_read, tables_written, sql_text,"
            + " row_count, duration_micros, error, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final String url;
    private final AuditJson json = new AuditJson();
    private Connection connection;
    private PreparedStatement insert;
    private long lastSeq;

    /** @param url the JDBC URL of the audit database ({@code jdbc:h2:…}, {@code jdbc:postgresql:…}) */
    public JdbcSink(String url) {
        if (url.startsWith("jdbc:governed:")) {
            throw new IllegalArgumentException("the audit database can't itself be governed (recursion): " + url);
        }
        this.url = url;
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
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM " + TABLE)) {
                lastSeq = rs.next() ? rs.getLong(1) : 0;
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
        // Look in the current schema only: a table of that name elsewhere is not the one INSERT will reach.
        String schema;
        try {
            schema = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            schema = null;
        }
        for (String name : new String[] {TABLE, TABLE.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return;
                }
            }
        }
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String text = product.contains("postgres") ? "TEXT"
                : product.contains("mysql") || product.contains("mariadb") ? "LONGTEXT"
                : product.contains("sql server") ? "NVARCHAR(MAX)" : "CLOB";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (seq BIGINT NOT NULL PRIMARY KEY, ts TIMESTAMP NOT NULL,"
                    + " event VARCHAR(32) NOT NULL, phase VARCHAR(16), connection_id VARCHAR(128),"
                    + " subject VARCHAR(512), kind VARCHAR(16), environment VARCHAR(128),"
                    + " statement_type VARCHAR(32), decision VARCHAR(32), rules VARCHAR(1024),"
                    + " tables_read " + text + ", tables_written " + text + ", sql_text " + text + ","
                    + " row_count BIGINT, duration_micros BIGINT, error " + text + ", record " + text
                    + " NOT NULL)");
        }
    }

    @Override
    public void write(List<SequencedEvent> batch, boolean durable) throws Exception {
        if (connection == null) {
            open();
        }
        boolean any = false;
        try {
            for (SequencedEvent s : batch) {
                if (s.seq() <= lastSeq) {
                    continue;
                }
                bind(insert, s);
                insert.addBatch();
                any = true;
            }
            if (!any) {
                return;
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(); // rolls back; the next attempt re-opens and re-reads MAX(seq)
            throw e;
        }
        lastSeq = batch.get(batch.size() - 1).seq();
    }

    private void bind(PreparedStatement p, SequencedEvent s) throws Exception {
        AuditEvent e = s.event();
        p.setLong(1, s.seq());
        p.setTimestamp(2, Timestamp.from(e.ts()));
        p.setString(3, e.event().label());
        p.setString(4, e.phase() == null ? null : e.phase().label());
        p.setString(5, e.connectionId());
        p.setString(6, e.identity() == null ? null : e.identity().subject());
        p.setString(7, e.identity() == null ? null : e.identity().kind());
        p.setString(8, e.environment());
        p.setString(9, e.type());
        p.setString(10, e.decision() == null ? null : e.decision().action());
        p.setString(11, e.decision() == null ? null : String.join(",", e.decision().rules()));
        p.setString(12, e.tables() == null ? null : String.join(",", e.tables().read()));
        p.setString(13, e.tables() == null ? null : String.join(",", e.tables().written()));
        p.setString(14, e.sql());
        setLong(p, 15, e.rows());
        setLong(p, 16, e.durationMicros());
        p.setString(17, e.error());
        p.setString(18, new String(json.canonical(s.seq(), e, null), StandardCharsets.UTF_8));
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
