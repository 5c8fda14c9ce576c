package dev.governance.jdbc.gate;

/** Where a SQL text entered the driver; recorded with each statement. */
public enum EntryPoint {
    EXECUTE, EXECUTE_QUERY, EXECUTE_UPDATE, ADD_BATCH, PREPARE, PREPARE_CALL, NATIVE_SQL
}
