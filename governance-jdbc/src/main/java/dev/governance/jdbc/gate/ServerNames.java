package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.TableResolver;

import java.util.Set;

/**
 * Resolves unqualified table names as the server does for one search path: the first schema of the path that holds
 * the table (from a cached catalog lookup), else the current schema (where a new table would go).
 */
final class ServerNames implements TableResolver {
    private final SearchPath path;
    private final Catalog catalog;
    private final Dialect dialect;

    /** Which schemas hold a relation of a name (cached; invalidated by DDL). */
    interface Catalog {
        Set<String> schemasHolding(String table);
    }

    ServerNames(SearchPath path, Catalog catalog, Dialect dialect) {
        this.path = path;
        this.catalog = catalog;
        this.dialect = dialect;
    }

    SearchPath path() {
        return path;
    }

    @Override
    public String schemaOf(String table) {
        if (path.single() || table == null) {
            return fold(path.current());
        }
        Set<String> holding = catalog.schemasHolding(table);
        if (!holding.isEmpty()) {
            for (String schema : path.schemas()) {
                if (holding.contains(schema)) {
                    return fold(schema);
                }
            }
        }
        return fold(path.current());
    }

    /** A connection with no schema (MySQL without a database) names none; else the dialect's default stands in. */
    private String fold(String schema) {
        if (schema == null) {
            return dialect == Dialect.MYSQL || dialect == Dialect.GENERIC ? null : dialect.defaultSchema();
        }
        return schema;
    }
}
