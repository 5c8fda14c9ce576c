package dev.governance.jdbc.sql;

/** Three-valued outcome of evaluating a condition without a database. */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    Truth not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }
}
