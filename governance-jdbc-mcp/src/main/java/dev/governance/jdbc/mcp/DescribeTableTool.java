package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.GovernedResultSet;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code describe_table}: columns, types, keys, and which columns the caller sees masked (found by asking the
 * driver for an empty result of the table as the caller: the same decision a query gets).
 */
final class DescribeTableTool implements GovernedTool {
    @Override
    public McpSchema.Tool definition() {
        return Schemas.tool("describe_table", "Describes a table: columns (name, type, nullable), primary key, "
                + "foreign keys, and which columns are masked for you.",
                Schemas.object(List.of("table"),
                        "table", Schemas.string("table name, or schema.table")),
                true);
    }

    @Override
    public Map<String, Object> call(GovernedConnection connection, Arguments args) throws SQLException {
        String wanted = args.text("table");
        DatabaseMetaData meta = connection.getMetaData();
        String[] found = find(meta, wanted);
        if (found == null) {
            throw new IllegalArgumentException("no table named '" + wanted + "' (list_tables shows the tables)");
        }
        String catalog = found[0];
        String schema = found[1];
        String name = found[2];
        List<String> primaryKey = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
            Map<Integer, String> bySeq = new java.util.TreeMap<>();
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
            primaryKey.addAll(bySeq.values());
        }
        Map<String, String> references = new HashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
            while (rs.next()) {
                String target = rs.getString("PKTABLE_SCHEM");
                target = (target == null ? "" : target + ".") + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME");
                references.put(rs.getString("FKCOLUMN_NAME"), target);
            }
        }
        Map<String, Object> readable = new LinkedHashMap<>();
        Set<String> masked = maskedColumns(connection, meta, schema, name, readable);
        List<Map<String, Object>> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", column);
                c.put("type", rs.getString("TYPE_NAME"));
                c.put("nullable", rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
                if (primaryKey.contains(column)) {
                    c.put("primaryKey", true);
                }
                if (references.containsKey(column)) {
                    c.put("references", references.get(column));
                }
                c.put("masked", masked.contains(column.toLowerCase(Locale.ROOT)));
                columns.add(c);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", schema);
        out.put("name", name);
        out.put("columns", columns);
        out.put("primaryKey", primaryKey);
        out.putAll(readable);
        out.put("note", "Masked columns come back masked from query. Values that look sensitive (emails, card numbers,"
                + " tokens, ...) are masked in other columns too.");
        return out;
    }

    /** {catalog, schema, name} of the one table the caller means (case-insensitive), or null. */
    private static String[] find(DatabaseMetaData meta, String wanted) throws SQLException {
        int dot = wanted.lastIndexOf('.');
        String schema = dot < 0 ? null : wanted.substring(0, dot);
        String table = dot < 0 ? wanted : wanted.substring(dot + 1);
        String[] exact = null;
        String[] folded = null;
        try (ResultSet rs = meta.getTables(null, null, "%", null)) {
            while (rs.next()) {
                String s = rs.getString("TABLE_SCHEM");
                String n = rs.getString("TABLE_NAME");
                String schemaOrCatalog = s != null ? s : rs.getString("TABLE_CAT");
                if (schema != null && !schema.equalsIgnoreCase(schemaOrCatalog)) {
                    continue;
                }
                String[] candidate = {rs.getString("TABLE_CAT"), s, n};
                if (n.equals(table) && exact == null) {
                    exact = candidate;
                } else if (n.equalsIgnoreCase(table) && folded == null) {
                    folded = candidate;
                }
            }
        }
        return exact != null ? exact : folded;
    }

    /** Lower-cased names of the columns the caller's result of this table masks; reading refused: noted instead. */
    private static Set<String> maskedColumns(GovernedConnection connection, DatabaseMetaData meta, String schema,
                                             String name, Map<String, Object> readable) throws SQLException {
        String quote = meta.getIdentifierQuoteString();
        String q = quote == null || quote.isBlank() ? "\"" : quote.trim();
        String qualified = (schema == null ? "" : quoted(schema, q) + ".") + quoted(name, q);
        Set<String> masked = new LinkedHashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + qualified + " WHERE 1 = 0")) {
            GovernedResultSet governed = rs.unwrap(GovernedResultSet.class);
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                if (governed.masked(i)) {
                    masked.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
                }
            }
            readable.put("readable", true);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().equals("42501")) {
                throw e;
            }
            readable.put("readable", false);
            readable.put("refusal", ToolResults.describe(e));
        }
        return masked;
    }

    private static String quoted(String identifier, String quote) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }
}
