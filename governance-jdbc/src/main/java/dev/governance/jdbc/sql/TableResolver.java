package dev.governance.jdbc.sql;

/**
 * Where a connection's unqualified table names resolve, as its server resolves them: the first schema of the
 * search path that holds the table (PostgreSQL, temporary schema and {@code pg_catalog} included), the connection's
 * schema (H2), its database (MySQL/MariaDB). Answers must be cheap (cached): they are asked on every use of an
 * analysis. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TableResolver {

    /**
     * The schema (as the database names it) that the unqualified name {@code table} (quotes removed, case folded
     * as the dialect folds it) refers to; null when the connection has none (a MySQL connection with no database).
     */
    String schemaOf(String table);
}
