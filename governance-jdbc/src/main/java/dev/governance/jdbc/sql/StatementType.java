package dev.governance.jdbc.sql;

/** The statement types a policy can name (contract 4.1). */
public enum StatementType {
    SELECT, INSERT, UPDATE, DELETE, MERGE, CREATE, ALTER, DROP, TRUNCATE, GRANT, REVOKE, CALL, SET, TRANSACTION, OTHER;

    /** True for statements that change data rows. */
    public boolean changesRows() {
        return this == INSERT || this == UPDATE || this == DELETE || this == MERGE;
    }
}
