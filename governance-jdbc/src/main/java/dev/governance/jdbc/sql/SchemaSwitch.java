package dev.governance.jdbc.sql;

/**
 * A statement that changes the schema unqualified names resolve to: {@code SET search_path TO s, ...}
 * (PostgreSQL, the first schema), {@code SET SCHEMA s} (H2, PostgreSQL), {@code USE db} (MySQL).
 *
 * @param schema  the schema as the database names it
 * @param literal whether the name came from a string literal (then the value, not the shape, decides it)
 * @param several whether a search path of several schemas was set: names then resolve to whichever schema has
 *                the table, which only the database knows
 */
record SchemaSwitch(String schema, boolean literal, boolean several) {

    static SchemaSwitch of(KeywordView v, Dialect dialect) {
        int i;
        if (v.is(0, "USE")) {
            i = 1;
        } else if (v.is(0, "SET")) {
            i = 1;
            if (v.is(i, "SESSION") || v.is(i, "LOCAL")) {
                i++;
            }
            if (!(v.is(i, "SEARCH_PATH") || v.is(i, "SCHEMA") || v.is(i, "SCHEMA_SEARCH_PATH"))) {
                return null;
            }
            i++;
            if (v.is(i, "TO") || v.token(i) != null && v.token(i).isSymbol('=')) {
                i++;
            }
        } else {
            return null;
        }
        Token t = v.token(i);
        if (t == null) {
            return null;
        }
        if (t.kind() == TokenKind.STRING) {
            // SET search_path = 'a, b': the first name in the list
            String first = t.value();
            int comma = first.indexOf(',');
            first = (comma >= 0 ? first.substring(0, comma) : first).trim();
            return new SchemaSwitch(Names.identifier(first, dialect), true, comma >= 0);
        }
        if (t.isIdentifier() && !t.isWord("DEFAULT")) {
            Token next = v.token(i + 1);
            return new SchemaSwitch(Names.identifier(t.text(), dialect), false, next != null && next.isSymbol(','));
        }
        return null;
    }
}
