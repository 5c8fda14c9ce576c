package dev.governance.jdbc.console.web;

import java.util.Locale;
import java.util.Set;

/**
 * SQL as HTML: keywords, strings, numbers, comments and placeholders in their own spans, every piece escaped. One
 * pass, no regular expressions; unterminated strings or comments run to the end, still escaped.
 */
public final class SqlHighlighter {
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "insert", "into",
            "values", "update", "set", "delete", "create", "alter", "drop", "table", "index", "view", "truncate",
            "join", "left", "right", "inner", "outer", "full", "cross", "on", "using", "as", "group", "by", "order",
            "having", "limit", "offset", "union", "all", "distinct", "in", "is", "null", "like", "between", "exists",
            "case", "when", "then", "else", "end", "with", "returning", "add", "column", "constraint", "primary", "key",
            "foreign", "references", "default", "cascade", "grant", "revoke", "to", "if", "merge", "rename", "schema",
            "database", "user", "role", "begin", "commit", "rollback", "call", "execute", "desc", "asc", "true",
            "false", "unique", "check", "replace", "function", "procedure", "trigger", "sequence");

    private SqlHighlighter() {
    }

    public static String html(String sql) {
        if (sql == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(sql.length() * 2);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            String css;
            if (c == '\'' ) {
                end = quoted(sql, i, '\'');
                css = "str";
            } else if (c == '"' || c == '`') {
                end = quoted(sql, i, c);
                css = "id";
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                css = "com";
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                css = "com";
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                css = "num";
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                css = KEYWORDS.contains(sql.substring(i, end).toLowerCase(Locale.ROOT)) ? "kw" : null;
            } else if (c == '?') {
                end = i + 1;
                css = "ph";
            } else {
                end = i + 1;
                css = null;
            }
            String piece = Html.escape(sql.substring(i, end));
            if (css == null) {
                out.append(piece);
            } else {
                out.append("<span class=\"").append(css).append("\">").append(piece).append("</span>");
            }
            i = end;
        }
        return out.toString();
    }

    /** End (exclusive) of a quoted run starting at {@code start}; a doubled quote stays inside. */
    private static int quoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
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
}
