package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.TableName;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A fixed schema for tests: looked up by table name, case-insensitively; {@code mystery} has unknown columns. */
final class FakeSchema implements SchemaLookup {
    static final FakeSchema INSTANCE = new FakeSchema();

    private static final Map<String, List<String>> TABLES = Map.of(
            "users", List.of("id", "email", "name", "ssn"),
            "orders", List.of("id", "user_id", "total", "note"),
            "profiles", List.of("user_id", "bio", "phone"),
            "secrets", List.of("id", "token"));

    @Override
    public List<String> columnsOf(TableName table) {
        return TABLES.getOrDefault(table.table().toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public TableName resolve(String schema, String table, dev.governance.jdbc.sql.Dialect dialect) {
        // canonical lower-case names, as a metadata-backed lookup would return them
        String s = schema != null ? schema : dialect.defaultSchema();
        return new TableName(s == null ? null : s.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT));
    }
}
