package dev.governance.jdbc.sql;

import java.util.Locale;

/**
 * Identifiers as the database reads them: quoted keep their case, unquoted fold to the dialect's case; and the
 * case-insensitive keys the analysis and the lineage compare names by (merging two names is the safe mistake).
 */
public final class Names {

    private Names() {
    }

    /** Whether the identifier is quoted ({@code "x"}, {@code `x`}, {@code [x]}). */
    public static boolean quoted(String raw) {
        if (raw == null || raw.length() < 2) {
            return false;
        }
        char a = raw.charAt(0);
        char b = raw.charAt(raw.length() - 1);
        return a == '"' && b == '"' || a == '`' && b == '`' || a == '[' && b == ']';
    }

    /** One identifier part as the database stores it. */
    static String identifier(String raw, Dialect dialect) {
        if (raw == null) {
            return null;
        }
        if (quoted(raw)) {
            char q = raw.charAt(0);
            String inner = raw.substring(1, raw.length() - 1);
            // a doubled quote inside a quoted identifier is one quote
            return q == '[' ? inner : inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return switch (dialect) {
            case POSTGRESQL -> raw.toLowerCase(Locale.ROOT);
            case H2 -> raw.toUpperCase(Locale.ROOT);
            case MYSQL, GENERIC -> raw;
        };
    }

    /** The identifier without its quotes (as given when it has none). */
    public static String unquote(String raw) {
        return quoted(raw) ? raw.substring(1, raw.length() - 1) : raw;
    }

    /** True when both name the same thing, compared without quotes and case. */
    public static boolean same(String a, String b) {
        return a != null && b != null && unquote(a).equalsIgnoreCase(unquote(b));
    }

    /** A name for comparing references with CTE names and aliases in one statement: case-insensitive. */
    public static String key(String raw) {
        if (raw == null) {
            return null;
        }
        String s = quoted(raw) ? raw.substring(1, raw.length() - 1) : raw;
        return s.toLowerCase(Locale.ROOT);
    }

    /** A function's name: last part, without quotes, lower case. */
    static String function(String raw) {
        if (raw == null) {
            return "";
        }
        int dot = raw.lastIndexOf('.');
        String last = dot >= 0 ? raw.substring(dot + 1) : raw;
        return key(last.trim());
    }
}
