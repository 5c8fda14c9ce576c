package dev.governance.jdbc.sql;

/** The kind of object a DDL, GRANT or similar statement acts on; NONE for plain DML and queries. */
public enum ObjectKind {
    TABLE, VIEW, INDEX, SCHEMA, SEQUENCE, FUNCTION, PROCEDURE, TRIGGER, USER, ROLE, DATABASE, EXTENSION, ALIAS,
    SYNONYM, TYPE, DOMAIN, CONSTRAINT, OTHER, NONE
}
