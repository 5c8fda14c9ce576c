package dev.governance.jdbc.masking;

/**
 * H2 echoes the failing statement with a {@code [*]} marker at the error's position — its only way of saying where.
 * The statement is the caller's own SQL, so it is kept for the position, but without its literals (quoted strings,
 * dollar-quoted strings and numbers become {@code ?}): the trail and the caller see the shape, never a value.
 * Quoted identifiers and the marker stay. An unterminated quote swallows the rest (over-scrubbing, never a leak).
 */
final class StatementEcho {
    static final String MARKER = "[*]";

    private StatementEcho() {
    }

    static String withoutLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
                out.append('?');
            } else if (c == '"' || c == '`') {
                int end = skipQuoted(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                int close = sql.indexOf("$$", i + 2);
                i = close < 0 ? n : close + 2;
                out.append('?');
            } else if (Character.isDigit(c) && !partOfName(out)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.append('?');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean partOfName(StringBuilder out) {
        if (out.length() == 0) {
            return false;
        }
        char p = out.charAt(out.length() - 1);
        return Character.isLetterOrDigit(p) || p == '_' || p == '$' || p == '"' || p == '`' || p == '@';
    }

    private static int skipQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
