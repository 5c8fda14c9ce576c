package dev.governance.jdbc.console.impact;

import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.audit.UrlSanitizer;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a pending statement would do, found without running it, on the database it was meant for: for an UPDATE or
 * DELETE the number of rows its WHERE matches ({@link CountQuery}); for DDL on a table the table's rows, size and
 * dependent objects ({@link TableFacts}); for other statements the database's {@code EXPLAIN} (never
 * {@code EXPLAIN ANALYZE}). Read-only connections ({@link ReadOnlyConnections}) that see what the requester's
 * database user sees where the database allows it ({@link RequesterView}); results cached per request.
 */
public final class ImpactEstimator {
    private static final long PARSE_TIMEOUT_MILLIS = 2_000;

    private final List<String> databases;
    private final Map<String, Impact> cache = new ConcurrentHashMap<>();

    /** @param databases JDBC URLs (with credentials) of the databases requests are made on */
    public ImpactEstimator(List<String> databases) {
        this.databases = List.copyOf(databases);
    }

    /** The impact of a request, computed once. */
    public Impact estimate(ApprovalRequest request) {
        return cache.computeIfAbsent(request.id(), id -> compute(request));
    }

    /** Forgets a decided request. */
    public void forget(String id) {
        cache.remove(id);
    }

    Impact compute(ApprovalRequest request) {
        Optional<String> url = databaseFor(request);
        if (url.isEmpty()) {
            return Impact.unknown(databases.isEmpty()
                    ? "no database configured to look at (serve --database JDBC-URL)"
                    : "none of the configured databases is " + describe(request));
        }
        String sql = request.fullSql() == null ? request.sql() : request.fullSql();
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql, parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS));
        } catch (JSQLParserException | RuntimeException e) {
            return Impact.unknown("the statement could not be parsed for an estimate");
        }
        List<String> queries = new ArrayList<>();
        RequesterView view = RequesterView.of(request.database().url());
        try {
            Optional<String> count = CountQuery.of(statement);
            if (count.isPresent()) {
                return rows(url.get(), view, count.get(), queries);
            }
            Optional<String[]> table = ddlTable(statement);
            if (table.isPresent()) {
                List<String> notes = new ArrayList<>();
                Connection c = ReadOnlyConnections.open(url.get(), view, notes);
                try {
                    Impact facts = TableFacts.of(c, table.get()[0], table.get()[1], queries);
                    notes.addAll(facts.details());
                    return new Impact(facts.kind(), facts.headline(), notes, facts.queries());
                } finally {
                    ReadOnlyConnections.close(c);
                }
            }
            if (statement instanceof Select || statement instanceof Insert || statement instanceof Merge) {
                return explain(url.get(), view, sql, queries);
            }
            return Impact.unknown("no estimate for a " + statement.getClass().getSimpleName() + " statement");
        } catch (SQLException | JSQLParserException | RuntimeException e) {
            return new Impact("unknown", "impact unknown", List.of("the database said: " + e.getMessage()), queries);
        }
    }

    private static Impact rows(String url, RequesterView view, String countSql, List<String> queries)
            throws SQLException {
        if (Placeholders.present(countSql)) {
            return new Impact("rows", "rows depend on the values bound at run time", List.of(
                    "the statement has ? parameters; their values are not kept (only their hash), so no count"),
                    List.of(countSql));
        }
        queries.add(countSql);
        List<String> notes = new ArrayList<>();
        Connection c = ReadOnlyConnections.open(url, view, notes);
        try (java.sql.Statement s = ReadOnlyConnections.statement(c); ResultSet rs = s.executeQuery(countSql)) {
            rs.next();
            long n = rs.getLong(1);
            return new Impact("rows", n + (n == 1 ? " row matches" : " rows match"), notes, queries);
        } finally {
            ReadOnlyConnections.close(c);
        }
    }

    private static Impact explain(String url, RequesterView view, String sql, List<String> queries)
            throws SQLException {
        if (Placeholders.present(sql)) {
            return Impact.unknown("the statement has ? parameters; no plan without their values");
        }
        String explain = "EXPLAIN " + sql;
        queries.add(explain);
        List<String> lines = new ArrayList<>();
        Connection c = ReadOnlyConnections.open(url, view, lines);
        try (java.sql.Statement s = ReadOnlyConnections.statement(c); ResultSet rs = s.executeQuery(explain)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (meta.getColumnCount() > 1) {
                        line.append(i == 1 ? "" : "  ").append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT)).append('=');
                    }
                    line.append(rs.getString(i));
                }
                lines.add(line.toString());
            }
        } finally {
            ReadOnlyConnections.close(c);
        }
        return new Impact("plan", "query plan (EXPLAIN, not run)", lines, queries);
    }

    /** [schema or null, table] of DDL on an existing or new table. */
    private static Optional<String[]> ddlTable(Statement statement) {
        Table table = null;
        if (statement instanceof Alter alter) {
            table = alter.getTable();
        } else if (statement instanceof Drop drop && ("TABLE".equalsIgnoreCase(drop.getType())
                || "VIEW".equalsIgnoreCase(drop.getType()))) {
            table = drop.getName();
        } else if (statement instanceof Truncate truncate) {
            table = truncate.getTable();
        } else if (statement instanceof CreateIndex index) {
            table = index.getTable();
        } else if (statement instanceof CreateTable create) {
            table = create.getTable();
        }
        return table == null ? Optional.empty() : Optional.of(new String[] {table.getSchemaName(), table.getName()});
    }

    /**
     * The configured database a request was made on: the one whose URL names the same place (scheme, host, port,
     * database: credentials and connection options aside) as the URL the request recorded. A request from a store
     * that recorded no database is matched to the only database configured.
     */
    Optional<String> databaseFor(ApprovalRequest request) {
        String wanted = request.database().url();
        if (wanted == null) {
            return databases.size() == 1 ? Optional.of(databases.get(0)) : Optional.empty();
        }
        String place = place(wanted);
        return databases.stream().filter(url -> place(url).equals(place)).findFirst();
    }

    /** The URL without credentials, query and {@code ;options}. */
    static String place(String url) {
        String sanitized = UrlSanitizer.sanitize(url);
        int end = sanitized.length();
        for (char c : new char[] {'?', ';'}) {
            int at = sanitized.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return sanitized.substring(0, end);
    }

    private static String describe(ApprovalRequest request) {
        String url = request.database().url();
        return url == null ? "known for this request" : url;
    }
}
