package dev.governance.jdbc.sql.lineage;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers of an expression's text, string literals skipped. A parser visitor that misses a node type
 * would silently drop a source; comparing these names with the ones the visitor resolved catches that.
 */
final class Backstop {
    private Backstop() {
    }

    static Set<String> identifiers(String text) {
        Set<String> out = new LinkedHashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'') {
                i++;
                while (i < n) {
                    if (text.charAt(i) == '\'') {
                        if (i + 1 < n && text.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
            } else if (c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    end = n;
                }
                out.add(text.substring(i + 1, end).toLowerCase(Locale.ROOT));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')) {
                    i++;
                }
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return out;
    }
}
