package dev.governance.jdbc.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.governance.jdbc.ResultLimitExceededException;
import dev.governance.jdbc.GovernedResultSet;

import java.sql.Array;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result as JSON rows, cut at {@code governance.mcp.max-rows} rows or {@code governance.mcp.max-bytes} of JSON,
 * with a note saying so. Values are read through the governed result, so masked values stay masked.
 */
final class Rows {
    private Rows() {
    }

    static Map<String, Object> read(ResultSet rs, ServerConfig.Limits limits) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        GovernedResultSet governed = rs.isWrapperFor(GovernedResultSet.class) ? rs.unwrap(GovernedResultSet.class) : null;
        List<Map<String, Object>> columns = new ArrayList<>(n);
        String[] labels = new String[n + 1];
        for (int i = 1; i <= n; i++) {
            labels[i] = meta.getColumnLabel(i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", labels[i]);
            c.put("type", meta.getColumnTypeName(i));
            if (governed != null && governed.masked(i)) {
                c.put("masked", true);
            }
            columns.add(c);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long bytes = 0;
        String note = null;
        while (true) {
            if (rows.size() == limits.maxRows()) {
                if (more(rs)) {
                    note = "Showing the first " + rows.size() + " rows; the result has more (governance.mcp.max-rows = "
                            + limits.maxRows() + "). Narrow the query (WHERE, aggregates, LIMIT/OFFSET) to see others.";
                }
                break;
            }
            if (!rs.next()) {
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(labels[i], value(rs, i));
            }
            long size = size(row);
            if (bytes + size > limits.maxBytes()) {
                note = "Showing the first " + rows.size() + " rows; the next row would pass governance.mcp.max-bytes ("
                        + limits.maxBytes() + " bytes of JSON). Select fewer or shorter columns, or fewer rows.";
                break;
            }
            bytes += size;
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", columns);
        out.put("rows", rows);
        out.put("rowCount", rows.size());
        out.put("truncated", note != null);
        if (note != null) {
            out.put("note", note);
        }
        return out;
    }

    /** Whether a row follows the last one shown; the policy's own limit there counts as "more". */
    private static boolean more(ResultSet rs) throws SQLException {
        try {
            return rs.next();
        } catch (ResultLimitExceededException e) {
            return true;
        }
    }

    private static Object value(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Clob clob) {
            return rs.getString(i);
        }
        if (v instanceof byte[] b) {
            return "<" + b.length + " bytes>";
        }
        if (v instanceof Array a) {
            return String.valueOf(rs.getString(i));
        }
        return v.toString();
    }

    private static long size(Map<String, Object> row) {
        try {
            return ToolResults.JSON.writeValueAsBytes(row).length;
        } catch (JsonProcessingException e) {
            return Long.MAX_VALUE;
        }
    }
}
