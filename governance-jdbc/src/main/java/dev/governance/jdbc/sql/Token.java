package dev.governance.jdbc.sql;

/**
 * One lexical token of a SQL text, as the database reads it.
 *
 * @param kind         what the token is
 * @param text         the token as written (for a literal: as written, quotes included)
 * @param value        WORD: the word; QUOTED: the identifier without quotes; STRING: the decoded value;
 *                     NUMBER: the digits; PARAM: the 1-based parameter index; otherwise the text
 * @param spaceBefore  whether whitespace or a comment separated it from the previous token
 */
record Token(TokenKind kind, String text, String value, boolean spaceBefore) {

    boolean isWord(String upperCaseWord) {
        return kind == TokenKind.WORD && value.equalsIgnoreCase(upperCaseWord);
    }

    boolean isSymbol(char c) {
        return kind == TokenKind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }

    boolean isLiteral() {
        return kind == TokenKind.STRING || kind == TokenKind.NUMBER;
    }

    /** An identifier as the database names it: quoted keeps its text, unquoted is folded later. */
    boolean isIdentifier() {
        return kind == TokenKind.WORD || kind == TokenKind.QUOTED;
    }
}
