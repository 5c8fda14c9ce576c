package dev.governance.jdbc.sql.lineage;

import java.util.Locale;

/** Identifier helpers: quotes off, and case-insensitive comparison (merging two names is the safe mistake). */
final class Names {
    private Names() {
    }

    static String unquote(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        char first = name.charAt(0);
        char last = name.charAt(name.length() - 1);
        if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    static String key(String name) {
        return name == null ? null : unquote(name).toLowerCase(Locale.ROOT);
    }

    static boolean same(String a, String b) {
        return a != null && b != null && unquote(a).equalsIgnoreCase(unquote(b));
    }
}
