package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written, single-pass lexer that reads a SQL text the way the given dialect's server reads it:
 * its string and identifier quoting, escapes, comments, and (MySQL/MariaDB) executable comments, whose content
 * is SQL the server runs. No regular expressions, no backtracking: each character is looked at a bounded
 * number of times.
 */
final class SqlLexer {

    /** The tokens of a text, and the first problem that makes it unreadable (unterminated literal), or null. */
    /** @param escapedQuote a MySQL string contained a backslash before a quote (read differently under NO_BACKSLASH_ESCAPES) */
    record Lexed(List<Token> tokens, String problem, int maxDepth, boolean escapedQuote) {
    }

    private final String s;
    private final Dialect dialect;
    private final int n;
    private final List<Token> out = new ArrayList<>();
    private int pos;
    private boolean space;
    private boolean inExecutableComment;
    private int nextParam = 1;
    private int depth;
    private int maxDepth;
    private String problem;
    private boolean backslashEscapes = true;
    private boolean escapedQuote;

    private SqlLexer(String sql, Dialect dialect) {
        this.s = sql;
        this.dialect = dialect;
        this.n = sql.length();
    }

    static Lexed lex(String sql, Dialect dialect) {
        return lex(sql, dialect, true);
    }

    /** {@code backslashEscapes}: false reads MySQL strings as a server in NO_BACKSLASH_ESCAPES mode does. */
    static Lexed lex(String sql, Dialect dialect, boolean backslashEscapes) {
        SqlLexer lexer = new SqlLexer(sql, dialect);
        lexer.backslashEscapes = backslashEscapes;
        lexer.run();
        return new Lexed(List.copyOf(lexer.out), lexer.problem, lexer.maxDepth, lexer.escapedQuote);
    }

    /** Names of the first positional parameters, made once: a prepared statement's text names them on every lex. */
    private static final String[] PARAMETER_NAMES = new String[256];

    static {
        for (int i = 0; i < PARAMETER_NAMES.length; i++) {
            PARAMETER_NAMES[i] = Integer.toString(i);
        }
    }

    private static String parameterName(int n) {
        return n >= 0 && n < PARAMETER_NAMES.length ? PARAMETER_NAMES[n] : Integer.toString(n);
    }

    private boolean mysql() {
        return dialect == Dialect.MYSQL;
    }

    private boolean postgres() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** Executable comments run on MySQL/MariaDB; for an unknown database we assume they may run too. */
    private boolean executableComments() {
        return dialect == Dialect.MYSQL || dialect == Dialect.GENERIC;
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    private void run() {
        while (pos < n && problem == null) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                // only ASCII whitespace: the servers read other spaces as identifier characters or errors
                pos++;
                space = true;
            } else if (c == '-' && at(pos + 1) == '-' && (!mysql() || pos + 2 >= n || at(pos + 2) <= ' ')) {
                // MySQL needs whitespace after "--": "5 --1" is 5 - -1 there, not a comment
                skipLine();
            } else if (c == '#' && mysql()) {
                skipLine();
            } else if (c == '/' && at(pos + 1) == '/' && dialect == Dialect.H2) {
                skipLine();
            } else if (c == '/' && at(pos + 1) == '*') {
                blockComment();
            } else if (c == '*' && at(pos + 1) == '/' && inExecutableComment) {
                inExecutableComment = false;
                pos += 2;
                space = true;
            } else {
                token(c);
            }
        }
        if (problem == null && inExecutableComment) {
            problem = "unterminated executable comment";
        }
    }

    private void skipLine() {
        while (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            pos++;
        }
        space = true;
    }

    private void blockComment() {
        int start = pos;
        if (executableComments() && !inExecutableComment) {
            int p = pos + 2;
            if (at(p) == 'M' && at(p + 1) == '!') {
                p++;
            }
            if (at(p) == '!') {
                // /*! ... */, /*!50001 ... */, /*M!100101 ... */: the server runs the content as SQL
                p++;
                int digits = 0;
                while (digits < 6 && Character.isDigit(at(p))) {
                    p++;
                    digits++;
                }
                pos = p;
                inExecutableComment = true;
                space = true;
                return;
            }
        }
        pos += 2;
        int nesting = 1;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '*' && at(pos + 1) == '/') {
                pos += 2;
                if (--nesting == 0) {
                    space = true;
                    return;
                }
            } else if (c == '/' && at(pos + 1) == '*' && postgres()) {
                // PostgreSQL block comments nest
                pos += 2;
                nesting++;
            } else {
                pos++;
            }
        }
        problem = "unterminated comment at offset " + start;
    }

    private void emit(TokenKind kind, int start, String value) {
        out.add(new Token(kind, s.substring(start, pos), value, space));
        space = false;
    }

    /** A token whose value is its text (words, numbers, symbols): one string for both, not two. */
    private void emitAsWritten(TokenKind kind, int start) {
        String text = s.substring(start, pos);
        out.add(new Token(kind, text, text, space));
        space = false;
    }

    private void token(char c) {
        int start = pos;
        char next = at(pos + 1);
        if (c == '\'') {
            quotedString(start, start, mysql() && backslashEscapes);
        } else if (c == '"' && mysql()) {
            // MySQL (without ANSI_QUOTES) reads "..." as a string
            quotedString(start, start, backslashEscapes);
        } else if ((c == 'E' || c == 'e') && next == '\'' && (postgres() || dialect == Dialect.GENERIC)) {
            pos++;
            quotedString(start, pos, true);
        } else if ((c == 'N' || c == 'n' || c == 'X' || c == 'x' || c == 'B' || c == 'b') && next == '\'') {
            pos++;
            quotedString(start, pos, mysql() && backslashEscapes);
        } else if ((c == 'U' || c == 'u') && next == '&' && (at(pos + 2) == '\'' || at(pos + 2) == '"')) {
            // U&'d\0061t\+000061' and U&"\0070g_read_file": PostgreSQL decodes the escapes
            pos += 2;
            int before = out.size();
            if (at(pos) == '"') {
                quotedIdentifier(start, '"');
            } else {
                quotedString(start, pos, false);
            }
            if (out.size() > before) {
                Token t = out.remove(out.size() - 1);
                out.add(new Token(t.kind(), t.text(), decodeUnicode(t.value()), t.spaceBefore()));
            }
        } else if (c == '"' || c == '`' || (c == '[' && dialect == Dialect.GENERIC)) {
            quotedIdentifier(start, c == '[' ? ']' : c);
        } else if (c == '$' && (postgres() || dialect == Dialect.H2) && dollarQuote(start)) {
            return;
        } else if (c == '$' && postgres() && Character.isDigit(next)) {
            pos++;
            while (Character.isDigit(at(pos))) {
                pos++;
            }
            emit(TokenKind.PARAM, start, s.substring(start + 1, pos));
        } else if (c == '?') {
            pos++;
            if (dialect == Dialect.H2 && Character.isDigit(at(pos))) {
                while (Character.isDigit(at(pos))) {
                    pos++;
                }
                emit(TokenKind.PARAM, start, s.substring(start + 1, pos));
            } else {
                emit(TokenKind.PARAM, start, parameterName(nextParam++));
            }
        } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
            number(start);
        } else if (identifierStart(c)) {
            pos++;
            while (pos < n && identifierPart(s.charAt(pos))) {
                pos++;
            }
            if (mysql() && c == '_' && (at(pos) == '\'' || at(pos) == '"')) {
                // _utf8mb4'...', _binary'...': a character set introducer, part of the string
                quotedString(start, pos, backslashEscapes);
                return;
            }
            emitAsWritten(TokenKind.WORD, start);
        } else if (c == ';') {
            pos++;
            emitAsWritten(TokenKind.SEMICOLON, start);
        } else {
            if (c == '(') {
                maxDepth = Math.max(maxDepth, ++depth);
            } else if (c == ')') {
                depth--;
            }
            pos++;
            emitAsWritten(TokenKind.SYMBOL, start);
        }
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void number(int start) {
        if (s.charAt(pos) == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X') && isHex(at(pos + 2))) {
            pos += 2;
            while (isHex(at(pos))) {
                pos++;
            }
            emitAsWritten(TokenKind.NUMBER, start);
            return;
        }
        skipDigits();
        if (at(pos) == '.' && at(pos + 1) != '.') {
            pos++;
            skipDigits();
        }
        if ((at(pos) == 'e' || at(pos) == 'E')
                && (Character.isDigit(at(pos + 1)) || (at(pos + 1) == '+' || at(pos + 1) == '-') && Character.isDigit(at(pos + 2)))) {
            pos += 2;
            while (Character.isDigit(at(pos))) {
                pos++;
            }
        }
        emitAsWritten(TokenKind.NUMBER, start);
    }

    /** Digits, and (H2, PostgreSQL 16+) an underscore between digits: {@code 1_000} is one number there. */
    private void skipDigits() {
        boolean underscores = dialect == Dialect.H2 || dialect == Dialect.POSTGRESQL || dialect == Dialect.GENERIC;
        while (Character.isDigit(at(pos))
                || underscores && at(pos) == '_' && Character.isDigit(at(pos - 1)) && Character.isDigit(at(pos + 1))) {
            pos++;
        }
    }

    /** PostgreSQL Unicode escapes with the default escape character: {@code \XXXX}, {@code \+XXXXXX}, {@code \\}. */
    static String decodeUnicode(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                if (v.charAt(i + 1) == '\\') {
                    b.append('\\');
                    i++;
                    continue;
                }
                int digits = v.charAt(i + 1) == '+' ? 6 : 4;
                int from = v.charAt(i + 1) == '+' ? i + 2 : i + 1;
                if (from + digits <= v.length()) {
                    try {
                        b.appendCodePoint(Integer.parseInt(v.substring(from, from + digits), 16));
                        i = from + digits - 1;
                        continue;
                    } catch (IllegalArgumentException e) {
                        // not an escape: keep the text as written
                    }
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isHex(char c) {
        return Character.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A string starting at the quote at {@code pos}; {@code backslash}: backslash escapes the next character. */
    private void quotedString(int start, int quoteAt, boolean backslash) {
        char quote = s.charAt(quoteAt);
        pos = quoteAt + 1;
        StringBuilder value = new StringBuilder();
        while (pos < n) {
            char c = s.charAt(pos);
            if (backslash && c == '\\' && pos + 1 < n) {
                escapedQuote |= s.charAt(pos + 1) == quote;
                value.append(unescape(s.charAt(pos + 1)));
                pos += 2;
            } else if (c == quote) {
                if (at(pos + 1) == quote) {
                    value.append(quote);
                    pos += 2;
                } else {
                    pos++;
                    emit(TokenKind.STRING, start, value.toString());
                    return;
                }
            } else {
                value.append(c);
                pos++;
            }
        }
        problem = "unterminated string literal at offset " + start;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case '0' -> '\0';
            case 'Z' -> (char) 26;
            default -> c;
        };
    }

    private void quotedIdentifier(int start, char close) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == close) {
                if (at(pos + 1) == close && close != ']') {
                    value.append(c);
                    pos += 2;
                } else {
                    pos++;
                    emit(TokenKind.QUOTED, start, value.toString());
                    return;
                }
            } else {
                value.append(c);
                pos++;
            }
        }
        problem = "unterminated quoted identifier at offset " + start;
    }

    /** {@code $tag$ ... $tag$} (PostgreSQL, H2 {@code $$}); false when this {@code $} doesn't open one. */
    private boolean dollarQuote(int start) {
        int p = start + 1;
        if (at(p) != '$') {
            if (!postgres() || !(Character.isLetter(at(p)) || at(p) == '_')) {
                return false;
            }
            while (p < n && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) {
                p++;
            }
            if (at(p) != '$') {
                return false;
            }
        }
        String tag = s.substring(start, p + 1);
        int bodyStart = p + 1;
        int end = s.indexOf(tag, bodyStart);
        if (end < 0) {
            pos = n;
            problem = "unterminated dollar-quoted string at offset " + start;
            return true;
        }
        pos = end + tag.length();
        emit(TokenKind.STRING, start, s.substring(bodyStart, end));
        return true;
    }
}
