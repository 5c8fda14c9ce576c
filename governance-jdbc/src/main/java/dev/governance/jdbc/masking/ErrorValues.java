package dev.governance.jdbc.masking;

/**
 * Takes the data values out of a database's error or warning message and keeps everything else: identifiers (which
 * the databases quote too: {@code column "emial" does not exist}, MariaDB's {@code Table 'test.x' doesn't exist}),
 * hints ({@code Perhaps you meant to reference the column "c.email"}), positions, SQLState-shaped text. A value is
 * quoted text that no name-introducing word ({@code column}, {@code table}, {@code relation}, {@code key}, {@code in},
 * …) precedes — {@code invalid input syntax for type uuid: "tkn…"}, {@code converting "…"} (H2),
 * {@code Duplicate entry '…'} (MariaDB), an echoed statement — so an unknown message shape loses its quoted text
 * rather than keeps it; and the parentheses after {@code =} or {@code contains} ({@code Key (email)=(a@b.c)},
 * {@code Failing row contains (…)}) and H2's {@code VALUES ( … )}.
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
                h2Position(message, start + echoed + "; SQL statement:".length(), out);
                break; // H2 echoes the statement from here on
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out.toString();
    }

    /**
     * H2's echo of the statement, kept when it marks the error's position ({@code [*]}) and the message doesn't
     * already: without its literals, and without the error code H2 appends ({@code [42122-224]}).
     */
    private static void h2Position(String message, int from, StringBuilder out) {
        if (out.indexOf(StatementEcho.MARKER) >= 0) {
            return;
        }
        String statement = message.substring(from).strip();
        int code = statement.lastIndexOf(" [");
        if (code > 0 && statement.endsWith("]")) {
            statement = statement.substring(0, code);
        }
        if (statement.contains(StatementEcho.MARKER)) {
            out.append("; SQL statement:\n").append(StatementEcho.withoutLiterals(statement));
        }
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
            } else if (c == '"' && wordBefore(line, trimEnd(line, i)).equalsIgnoreCase("statement")) {
                // H2's Syntax error in SQL statement "…[*]…": the caller's statement, marking the position
                int end = line.indexOf("\"; expected ", i + 1);
                end = end < 0 ? line.lastIndexOf('"') : end;
                end = end <= i ? line.length() : end;
                out.append('"').append(StatementEcho.withoutLiterals(line.substring(i + 1, end))).append('"');
                i = Math.min(n, end + 1);
            } else if ((c == '"' || c == '\'') && !(i > 0 && Character.isLetterOrDigit(line.charAt(i - 1)))) {
                int end = closing(line, i);
                if (valueContext(line, i)) {
                    out.append(c).append(VALUE).append(c);
                } else {
                    out.append(line, i, end < 0 ? n : end + 1); // a name, quoted: kept as it is
                }
                i = end < 0 ? n : end + 1;
            } else if (c == ' ' && line.startsWith(" : ", i)) {
                out.append(" : ").append(VALUE); // pgjdbc's "Bad value for type int : <the value>"
                break;
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

    /** Words after which a database quotes a name (kept); any other quoted text is taken for a value. */
    private static final java.util.Set<String> NAME_WORDS = java.util.Set.of("column", "columns", "table", "relation",
            "constraint", "schema", "database", "type", "index", "role", "user", "sequence", "view", "trigger",
            "function", "procedure", "key", "in", "near", "tablespace", "extension", "operator", "domain", "collation",
            "field", "alias", "catalog", "attribute", "savepoint", "cursor", "variable", "parameter", "partition",
            "publication", "subscription", "server", "policy", "rule", "statistics", "synonym", "event", "engine",
            "charset", "set", "mode", "setting", "option", "label", "name", "identifier", "routine", "channel", "expected");

    /**
     * A quote at {@code i} opens a value unless a word that introduces a name comes right before it
     * ({@code column "x"}, {@code Table 'x'}, {@code in 'field list'}, {@code for key 'email'}); a quote right after a
     * letter is an apostrophe ({@code doesn't}), not an opening quote.
     */
    private static boolean valueContext(String line, int i) {
        if (i > 0 && Character.isLetterOrDigit(line.charAt(i - 1))) {
            return false;
        }
        int j = i - 1;
        while (j >= 0 && line.charAt(j) == ' ') {
            j--;
        }
        if (j < 0) {
            return true;
        }
        String word = wordBefore(line, j + 1);
        return !NAME_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT));
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

    /** The index just after the last non-space character before {@code i}. */
    private static int trimEnd(String line, int i) {
        int j = i;
        while (j > 0 && line.charAt(j - 1) == ' ') {
            j--;
        }
        return j;
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
