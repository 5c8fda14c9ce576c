package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code list_tables}: tables and views, filtered and paged so a large schema never floods the context. */
final class ListTablesTool implements GovernedTool {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast",
            "mysql", "performance_schema", "sys");

    @Override
    public McpSchema.Tool definition() {
        return Schemas.tool("list_tables", "Lists tables and views you can query (schema, name, type), sorted, "
                + "a page at a time. Use 'filter' to find tables by part of their name.",
                Schemas.object(List.of(),
                        "filter", Schemas.string("case-insensitive part of the table name, e.g. 'order'"),
                        "schema", Schemas.string("only this schema"),
                        "offset", Schemas.integer("tables to skip (paging; see nextOffset)", 0, Integer.MAX_VALUE),
                        "limit", Schemas.integer("tables per page (default " + DEFAULT_LIMIT + ")", 1, MAX_LIMIT)),
                true);
    }

    @Override
    public Map<String, Object> call(GovernedConnection connection, Arguments args) throws SQLException {
        String filter = args.optionalText("filter");
        String schema = args.optionalText("schema");
        int offset = args.number("offset", 0, 0, Integer.MAX_VALUE);
        int limit = args.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String needle = filter == null ? null : filter.toLowerCase(Locale.ROOT);
        List<Map<String, Object>> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "%", null)) {
            while (rs.next()) {
                String s = rs.getString("TABLE_SCHEM");
                if (s == null) {
                    s = rs.getString("TABLE_CAT");
                }
                String name = rs.getString("TABLE_NAME");
                String type = rs.getString("TABLE_TYPE");
                if (!userTable(s, type) || (schema != null && !schema.equalsIgnoreCase(s))
                        || (needle != null && !name.toLowerCase(Locale.ROOT).contains(needle))) {
                    continue;
                }
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("schema", s);
                t.put("name", name);
                t.put("type", type);
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparing((Map<String, Object> t) -> String.valueOf(t.get("schema")))
                .thenComparing(t -> String.valueOf(t.get("name"))));
        int from = Math.min(offset, tables.size());
        int to = Math.min(from + limit, tables.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tables", new ArrayList<>(tables.subList(from, to)));
        out.put("total", tables.size());
        out.put("offset", from);
        out.put("nextOffset", to < tables.size() ? to : null);
        return out;
    }

    private static boolean userTable(String schema, String type) {
        if (type == null || schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String t = type.toUpperCase(Locale.ROOT);
        return (t.contains("TABLE") || t.contains("VIEW")) && !t.startsWith("SYSTEM") && !t.contains("TEMPORARY");
    }
}
