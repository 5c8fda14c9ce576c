package dev.governance.jdbc.policy;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.Set;

/**
 * Primary-key columns of a table, as the database's (cached) metadata says. The gate supplies one per connection;
 * the engine asks only when a rule uses {@code primary-key} and the statement updates columns.
 */
@FunctionalInterface
public interface PrimaryKeys {

    /** Knows no keys: {@code primary-key} conditions never match. */
    PrimaryKeys NONE = table -> Set.of();

    /** The key columns of {@code table}; empty when it has none or it is unknown. Must be thread-safe. */
    Set<ColumnName> of(TableName table);
}
