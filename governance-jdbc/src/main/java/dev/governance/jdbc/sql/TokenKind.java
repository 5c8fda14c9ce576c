package dev.governance.jdbc.sql;

/** Kinds of lexical tokens. */
enum TokenKind {
    /** Unquoted identifier or keyword. */
    WORD,
    /** Quoted identifier ("x", `x`, [x]). */
    QUOTED,
    /** String literal in any of the dialect's forms. */
    STRING,
    /** Numeric literal. */
    NUMBER,
    /** Bind parameter: ?, ?n, $n. */
    PARAM,
    /** Operator or punctuation character. */
    SYMBOL,
    /** Statement separator. */
    SEMICOLON
}
