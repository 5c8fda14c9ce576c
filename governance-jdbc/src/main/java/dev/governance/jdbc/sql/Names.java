package dev.governance.jdbc.sql;

import java.util.Locale;

/** Resolves identifiers as the database does: quoted keep their case, unquoted fold to the dialect's case. */
final class Names {

    private Names() {
    }

    static boolean quoted(String raw) {
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

    /** A name for comparing references with CTE names and aliases in one statement: case-insensitive. */
    static String key(String raw) {
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
