package dev.governance.jdbc.masking;

/**
 * Takes the data values out of a database's error or warning message and keeps everything else: identifiers (which
 * the databases quote too: {@code column "emial" does not exist}, MariaDB's {@code Table 'test.x' doesn't exist}),
 * hints ({@code Perhaps you meant to reference the column "c.email"}), positions, SQLState-shaped text. A value is
 * what the message quotes in the places the databases put values:
 * <ul>
 *   <li>after a colon: {@code invalid input syntax for type uuid: "tkn…"}, {@code Incorrect integer value: 'x'};</li>
 *   <li>after the words that introduce one: {@code converting "…"} (H2), {@code Duplicate entry '…'} (MariaDB);</li>
 *   <li>in parentheses after {@code =} or {@code contains}: {@code Key (email)=(a@b.c)}, {@code Failing row contains (…)},
 *       and H2's {@code VALUES ( … )};</li>
 * </ul>
 * An echo of the statement (H2's {@code SQL statement:}, PostgreSQL's {@code Where:} context) is dropped: the caller
 * has its own SQL, and the trail records it without literals. Allocation-light, no regular expressions.
 */
public final class ErrorValues {
    static final String VALUE = "?";

    private ErrorValues() {
    }

    /** The message without data values; null stays null. */
    public static String scrub(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(message.length());
        int start = 0;
        while (start <= message.length()) {
            int nl = message.indexOf('\n', start);
            String line = nl < 0 ? message.substring(start) : message.substring(start, nl);
            String trimmed = line.trim();
            if (echo(trimmed)) {
                break; // the rest is the statement (and its literals) echoed back
            }
            int echoed = line.indexOf("; SQL statement:");
            if (out.length() > 0) {
                out.append('\n');
            }
            scrubLine(echoed < 0 ? line : line.substring(0, echoed), out);
            if (echoed >= 0) {
                break; // H2 echoes the statement from here on
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out.toString();
    }

    private static boolean echo(String line) {
        return startsWithIgnoreCase(line, "SQL statement") || startsWithIgnoreCase(line, "Where:")
                || startsWithIgnoreCase(line, "Query is:") || startsWithIgnoreCase(line, "Call getNextException");
    }

    private static void scrubLine(String line, StringBuilder out) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"' && i + 1 < n && line.charAt(i + 1) == '\'') {
                // PostgreSQL's at or near "'…'": a string literal of the statement, echoed
                int end = line.indexOf("'\"", i + 2);
                out.append("\"'").append(VALUE).append("'\"");
                i = end < 0 ? n : end + 2;
            } else if ((c == '"' || c == '\'') && valueContext(line, i)) {
                int end = closing(line, i);
                out.append(c).append(VALUE).append(c);
                i = end < 0 ? n : end + 1;
            } else if (c == '(' && valueList(line, i)) {
                int end = closingParen(line, i);
                out.append('(').append(VALUE).append(')');
                i = end < 0 ? n : end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** A quote at {@code i} opens a value: after ": " (not a severity label), "converting ", "entry ", "value ". */
    private static boolean valueContext(String line, int i) {
        int j = i - 1;
        while (j >= 0 && line.charAt(j) == ' ') {
            j--;
        }
        if (j < 0) {
            return false;
        }
        if (line.charAt(j) == ':') {
            String label = wordBefore(line, j);
            return !(label.equalsIgnoreCase("ERROR") || label.equalsIgnoreCase("FATAL") || label.equalsIgnoreCase("WARNING")
                    || label.equalsIgnoreCase("NOTICE") || label.equalsIgnoreCase("HINT") || label.equalsIgnoreCase("DETAIL")
                    || label.equalsIgnoreCase("column") || label.equalsIgnoreCase("table"));
        }
        if (line.charAt(j) == '=') {
            return true; // MariaDB: ... value='x'
        }
        String word = wordBefore(line, j + 1);
        return word.equalsIgnoreCase("converting") || word.equalsIgnoreCase("entry") || word.equalsIgnoreCase("value")
                || word.equalsIgnoreCase("string") || word.equalsIgnoreCase("literal") || word.equalsIgnoreCase("parse");
    }

    /** A parenthesis at {@code i} opens values: after ")=" (a key's values), "contains ", "VALUES ". */
    private static boolean valueList(String line, int i) {
        if (i > 0 && line.charAt(i - 1) == '=' && i > 1 && line.charAt(i - 2) == ')') {
            return true;
        }
        int j = i - 1;
        while (j >= 0 && line.charAt(j) == ' ') {
            j--;
        }
        String word = wordBefore(line, j + 1);
        return word.equalsIgnoreCase("contains") || word.equalsIgnoreCase("VALUES");
    }

    /** The word ending just before {@code end} (exclusive). */
    private static String wordBefore(String line, int end) {
        int k = end;
        while (k > 0 && Character.isLetter(line.charAt(k - 1))) {
            k--;
        }
        return line.substring(k, end);
    }

    /**
     * The quote closing the value opened at {@code open}: the last same quote before the point where the message goes
     * on (end of line, or a quote followed by a space, comma, period, semicolon or parenthesis), so a value with the
     * quote inside it ({@code 'O'Brien'}) is taken whole.
     */
    private static int closing(String line, int open) {
        char q = line.charAt(open);
        int found = -1;
        for (int k = open + 1; k < line.length(); k++) {
            if (line.charAt(k) == q) {
                char next = k + 1 < line.length() ? line.charAt(k + 1) : ' ';
                found = k;
                if (next == ' ' || next == ',' || next == '.' || next == ';' || next == ')' || next == ':') {
                    return k;
                }
            }
        }
        return found;
    }

    private static int closingParen(String line, int open) {
        int depth = 0;
        char quote = 0;
        for (int k = open; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
