package dev.governance.jdbc.sql;

/**
 * Dangerous things a statement does beyond its type (contract 4.3). A statement with any hazard is
 * typed {@link StatementType#OTHER} unless it is more specific (a GRANT stays GRANT).
 */
public enum Hazard {
    /** Reads or writes files on the database server (COPY ... FROM file, FILE_READ, LOAD_FILE, INTO OUTFILE). */
    SERVER_FILE,
    /** Runs a program on the server (COPY ... PROGRAM, sys_exec). */
    PROGRAM_EXECUTION,
    /** Loads code into the server (CREATE ALIAS, CREATE FUNCTION in an untrusted language, INSTALL PLUGIN). */
    CODE_LOADING,
    /** Opens a network link to another server (dblink, LINK_SCHEMA, linked tables, FEDERATED). */
    NETWORK_LINK,
    /** Ends or signals other sessions (pg_terminate_backend, KILL, H2 ABORT_SESSION / CANCEL_SESSION). */
    SESSION_CONTROL,
    /**
     * Runs SQL text built at run time (PREPARE/EXECUTE, EXECUTE IMMEDIATE, DO blocks, query_to_xml), or reads
     * tables named only in a string (PostgreSQL table_to_xml, schema_to_xml, database_to_xml): not inspectable here.
     */
    DYNAMIC_SQL,
    /** Switches the database identity (SET ROLE, SET SESSION AUTHORIZATION, set_config('role', ...)). */
    IDENTITY_SWITCH,
    /** Changes server-wide configuration (ALTER SYSTEM, SET GLOBAL). */
    SYSTEM_CONFIGURATION,
    /** Creates, alters or drops users and roles. */
    USER_MANAGEMENT,
    /** Backs up, restores or shuts down the database (BACKUP, SCRIPT, RUNSCRIPT, SHUTDOWN). */
    DATABASE_ADMINISTRATION
}
