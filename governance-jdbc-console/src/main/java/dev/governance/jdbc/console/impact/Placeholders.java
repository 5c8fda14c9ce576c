package dev.governance.jdbc.console.impact;

/** Whether SQL text holds a {@code ?} parameter outside quotes and comments. */
final class Placeholders {
    private Placeholders() {
    }

    static boolean present(String sql) {
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    return false;
                }
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                if (end < 0) {
                    return false;
                }
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 1;
            } else if (c == '?') {
                return true;
            }
        }
        return false;
    }
}
