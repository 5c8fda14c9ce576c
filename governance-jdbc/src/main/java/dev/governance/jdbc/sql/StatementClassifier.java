package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Types a statement from its leading keywords. Used for every statement (the parser's class is not a verdict),
 * and the only source of facts when the parser can't read the statement.
 */
final class StatementClassifier {

    record Kind(StatementType type, ObjectKind objectKind) {
    }

    private StatementClassifier() {
    }

    static Kind classify(KeywordView v) {
        String first = v.word(0);
        return switch (first) {
            case "SELECT", "VALUES", "TABLE", "SHOW", "EXPLAIN", "DESCRIBE", "DESC", "WITH", "FROM" ->
                    new Kind(StatementType.SELECT, ObjectKind.NONE);
            case "INSERT", "REPLACE", "UPSERT" -> new Kind(StatementType.INSERT, ObjectKind.NONE);
            case "UPDATE" -> new Kind(StatementType.UPDATE, ObjectKind.NONE);
            case "DELETE" -> new Kind(StatementType.DELETE, ObjectKind.NONE);
            case "MERGE" -> new Kind(StatementType.MERGE, ObjectKind.NONE);
            case "TRUNCATE" -> new Kind(StatementType.TRUNCATE, ObjectKind.TABLE);
            case "CREATE" -> new Kind(StatementType.CREATE, objectKind(v));
            case "ALTER" -> new Kind(StatementType.ALTER, objectKind(v));
            case "DROP" -> new Kind(StatementType.DROP, objectKind(v));
            case "RENAME" -> new Kind(StatementType.ALTER, objectKind(v));
            case "GRANT" -> new Kind(StatementType.GRANT, privilegeObject(v));
            case "REVOKE" -> new Kind(StatementType.REVOKE, privilegeObject(v));
            case "CALL" -> new Kind(StatementType.CALL, ObjectKind.NONE);
            case "EXEC" -> new Kind(v.is(1, "IMMEDIATE") ? StatementType.OTHER : StatementType.CALL, ObjectKind.NONE);
            case "SET", "RESET" -> new Kind(v.is(1, "TRANSACTION") ? StatementType.TRANSACTION : StatementType.SET,
                    v.is(1, "PASSWORD") ? ObjectKind.USER : ObjectKind.NONE);
            case "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END", "ABORT" ->
                    new Kind(StatementType.TRANSACTION, ObjectKind.NONE);
            default -> new Kind(StatementType.OTHER, ObjectKind.NONE);
        };
    }

    private static ObjectKind objectKind(KeywordView v) {
        int k = v.skipModifiers(1);
        return switch (v.word(k)) {
            case "TABLE", "LINKED" -> ObjectKind.TABLE;
            case "FOREIGN" -> v.is(k + 1, "TABLE") ? ObjectKind.TABLE : ObjectKind.OTHER;
            case "VIEW" -> ObjectKind.VIEW;
            case "INDEX" -> ObjectKind.INDEX;
            case "SCHEMA" -> ObjectKind.SCHEMA;
            case "SEQUENCE" -> ObjectKind.SEQUENCE;
            case "FUNCTION" -> ObjectKind.FUNCTION;
            case "PROCEDURE" -> ObjectKind.PROCEDURE;
            case "TRIGGER" -> ObjectKind.TRIGGER;
            case "USER" -> v.is(k + 1, "MAPPING") ? ObjectKind.OTHER : ObjectKind.USER;
            case "ROLE", "GROUP" -> ObjectKind.ROLE;
            case "DATABASE" -> ObjectKind.DATABASE;
            case "EXTENSION" -> ObjectKind.EXTENSION;
            case "ALIAS" -> ObjectKind.ALIAS;
            case "SYNONYM" -> ObjectKind.SYNONYM;
            case "TYPE" -> ObjectKind.TYPE;
            case "DOMAIN" -> ObjectKind.DOMAIN;
            case "CONSTRAINT" -> ObjectKind.CONSTRAINT;
            default -> ObjectKind.OTHER;
        };
    }

    /** GRANT SELECT ON t TO x acts on a table (or the named object); GRANT role TO x on a role. */
    private static ObjectKind privilegeObject(KeywordView v) {
        int on = v.find("ON", 1);
        if (on < 0) {
            return ObjectKind.ROLE;
        }
        return switch (v.word(on + 1)) {
            case "SCHEMA" -> ObjectKind.SCHEMA;
            case "SEQUENCE" -> ObjectKind.SEQUENCE;
            case "FUNCTION", "ROUTINE" -> ObjectKind.FUNCTION;
            case "PROCEDURE" -> ObjectKind.PROCEDURE;
            case "DATABASE" -> ObjectKind.DATABASE;
            case "TYPE" -> ObjectKind.TYPE;
            case "DOMAIN" -> ObjectKind.DOMAIN;
            default -> ObjectKind.TABLE;
        };
    }

    /**
     * The tables a statement the parser couldn't read writes to, from its keywords: best effort, so that
     * a policy on tables still sees them.
     */
    static List<List<Token>> writtenNames(KeywordView v) {
        List<List<Token>> names = new ArrayList<>();
        String first = v.word(0);
        int i = -1;
        switch (first) {
            case "INSERT", "REPLACE", "UPSERT", "MERGE" -> i = v.find("INTO", 1) + 1;
            case "UPDATE" -> i = v.skipModifiers(1);
            case "DELETE" -> i = v.find("FROM", 1) + 1;
            case "TRUNCATE" -> i = v.is(1, "TABLE") ? 2 : 1;
            case "COPY" -> i = v.contains("FROM") ? 1 : -1;
            case "LOAD" -> {
                int into = v.find("INTO", 1);
                i = into > 0 && v.is(into + 1, "TABLE") ? into + 2 : -1;
            }
            case "CREATE", "ALTER", "DROP" -> {
                int k = v.skipModifiers(1);
                if (v.is(k, "LINKED") || v.is(k, "FOREIGN")) {
                    k++;
                }
                if (v.is(k, "TABLE") || v.is(k, "VIEW")) {
                    i = k + 1;
                }
            }
            default -> {
            }
        }
        if (i <= 0) {
            return names;
        }
        while (v.is(i, "IF") || v.is(i, "NOT") || v.is(i, "EXISTS") || v.is(i, "ONLY")) {
            i++;
        }
        while (i < v.size()) {
            List<Token> name = new ArrayList<>();
            while (v.token(i) != null && v.token(i).isIdentifier()) {
                name.add(v.token(i));
                if (v.token(i + 1) != null && v.token(i + 1).isSymbol('.')) {
                    i += 2;
                } else {
                    i++;
                    break;
                }
            }
            if (name.isEmpty()) {
                break;
            }
            names.add(name);
            // DROP TABLE a, b
            if (v.token(i) != null && v.token(i).isSymbol(',') && (first.equals("DROP") || first.equals("TRUNCATE"))) {
                i++;
            } else {
                break;
            }
        }
        return names;
    }
}
