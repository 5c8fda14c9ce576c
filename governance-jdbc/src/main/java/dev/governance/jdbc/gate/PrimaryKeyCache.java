package dev.governance.jdbc.gate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.governance.jdbc.policy.PrimaryKeys;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Primary-key columns from the database's metadata, cached per database and table so a statement that updates
 * columns costs a metadata query once per table, not once per statement.
 */
final class PrimaryKeyCache {
    private record Key(String database, String table) {
    }

    private final Cache<Key, Set<ColumnName>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    /** The lookup for one connection (whose metadata answers on a miss). */
    PrimaryKeys forConnection(String databaseUrl, Connection physical) {
        return table -> cache.get(new Key(databaseUrl, table.key()), key -> load(physical, table));
    }

    private static Set<ColumnName> load(Connection physical, TableName table) {
        try {
            DatabaseMetaData md = physical.getMetaData();
            String catalog = table.schema() == null ? physical.getCatalog() : null;
            // Unquoted names are stored in the database's own case; try it as given, then upper, then lower.
            for (String name : new String[] {table.table(), table.table().toUpperCase(Locale.ROOT),
                    table.table().toLowerCase(Locale.ROOT)}) {
                for (String schema : schemaCandidates(table.schema())) {
                    Set<ColumnName> columns = new LinkedHashSet<>();
                    try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
                        while (rs.next()) {
                            columns.add(new ColumnName(table, rs.getString("COLUMN_NAME")));
                        }
                    }
                    if (!columns.isEmpty()) {
                        return Set.copyOf(columns);
                    }
                }
            }
            return Set.of();
        } catch (SQLException e) {
            // Unknown keys never match a primary-key rule; the rest of the policy still applies.
            return Set.of();
        }
    }

    private static String[] schemaCandidates(String schema) {
        if (schema == null) {
            return new String[] {null};
        }
        return new String[] {schema, schema.toUpperCase(Locale.ROOT), schema.toLowerCase(Locale.ROOT)};
    }
}
