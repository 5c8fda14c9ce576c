package dev.governance.jdbc.gate;

import java.sql.SQLException;

/** One call on the real driver, run by the gate once a statement is admitted. */
@FunctionalInterface
public interface JdbcCall<T> {
    T call() throws SQLException;
}
