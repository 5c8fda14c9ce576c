package dev.governance.jdbc.gate;

import java.sql.SQLException;

/**
 * The catalog could not be asked (a broken connection, or a PostgreSQL transaction already aborted): what depends on
 * the answer is not cached, the statement at hand is decided fail-closed, and the next one asks again.
 */
final class CatalogUnavailable extends RuntimeException {
    CatalogUnavailable(SQLException cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
