package dev.governance.jdbc.sql;

import java.util.Locale;

/**
 * Translates JDBC escape syntax into the SQL a driver sends for it, so the analyzer decides on what the database
 * runs: {@code {call p(?)}} → {@code CALL p(?)}, {@code {? = call f(?)}} → {@code SELECT f(?)}, {@code {fn f(x)}}
 * → {@code f(x)}, {@code {d '…'}}/{@code {t '…'}}/{@code {ts '…'}} → DATE/TIME/TIMESTAMP literals,
 * {@code {oj …}} → {@code …}, {@code {escape '…'}} → {@code ESCAPE '…'}, {@code {limit …}} → {@code LIMIT …}.
 * Braces inside quotes and comments are left alone; a text with an unknown or unbalanced escape is returned
 * unchanged (and then reads as unparseable).
 */
public final class JdbcEscapes {
    private JdbcEscapes() {
    }

    /** True when the text may hold an escape (a cheap test before {@link #translate}). */
    public static boolean mayContain(String sql) {
        return sql.indexOf('{') >= 0;
    }

    /** True when the whole text is a JDBC call escape: {@code {call p(…)}} or {@code {? = call f(…)}}. */
    public static boolean isCall(String sql) {
        int start = skipSpace(sql, 0);
        if (start >= sql.length() || sql.charAt(start) != '{') {
            return false;
        }
        int word = skipSpace(sql, start + 1);
        if (sql.startsWith("?", word)) {
            int eq = skipSpace(sql, word + 1);
            if (eq >= sql.length() || sql.charAt(eq) != '=') {
                return false;
            }
            word = skipSpace(sql, eq + 1);
        }
        return word(sql, word).equalsIgnoreCase("call");
    }

    public static String translate(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        int depth = 0;
        int[] closers = new int[16];
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = skipQuoted(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '{') {
                int start = skipSpace(sql, i + 1);
                String keyword = word(sql, start).toLowerCase(Locale.ROOT);
                String replacement;
                int after;
                if (sql.startsWith("?", start)) {
                    // {? = call f(...)}: the function's value
                    int eq = skipSpace(sql, start + 1);
                    if (eq >= n || sql.charAt(eq) != '=') {
                        return sql;
                    }
                    int call = skipSpace(sql, eq + 1);
                    if (!word(sql, call).equalsIgnoreCase("call")) {
                        return sql;
                    }
                    replacement = "SELECT ";
                    after = call + 4;
                } else {
                    replacement = switch (keyword) {
                        case "call" -> "CALL ";
                        case "fn", "oj" -> "";
                        case "d" -> "DATE ";
                        case "t" -> "TIME ";
                        case "ts" -> "TIMESTAMP ";
                        case "escape" -> "ESCAPE ";
                        case "limit" -> "LIMIT ";
                        default -> null;
                    };
                    if (replacement == null) {
                        return sql;
                    }
                    after = start + keyword.length();
                }
                if (depth == closers.length) {
                    return sql;
                }
                closers[depth++] = out.length();
                out.append(replacement);
                i = skipSpace(sql, after);
            } else if (c == '}' && depth > 0) {
                depth--;
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return depth == 0 ? out.toString() : sql;
    }

    private static int skipQuoted(String sql, int from, char quote) {
        int i = from + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '"' && i + 1 < sql.length()) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int skipSpace(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String word(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(from, i);
    }
}
