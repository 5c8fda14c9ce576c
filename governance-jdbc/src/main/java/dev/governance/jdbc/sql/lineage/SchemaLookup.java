package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.TableName;

import java.util.List;

/**
 * What lineage needs to know about the database: the columns of a table (to expand {@code *} and to tell which
 * table an unqualified column belongs to) and how an unqualified table name resolves. The runtime answers from
 * {@code DatabaseMetaData} with a cache; tests use a fixed map. Implementations must be thread-safe.
 */
public interface SchemaLookup {

    /** The table's columns in table order; empty when the table or its columns are unknown. */
    List<String> columnsOf(TableName table);

    /**
     * The table a (possibly unqualified) name refers to. By default the statement's schema, or the dialect's
     * default schema when the statement gave none; a runtime with a search path may answer better.
     */
    default TableName resolve(String schema, String table, Dialect dialect) {
        return new TableName(schema != null ? schema : dialect.defaultSchema(), table);
    }

    /** Knows no table: every {@code *} stays opaque and lineage is incomplete wherever it matters. */
    static SchemaLookup none() {
        return table -> List.of();
    }
}
