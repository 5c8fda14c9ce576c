package dev.governance.jdbc.audit;

/**
 * A safety net under the analyzer's literal replacement: when {@code audit.literals=false}, the writer thread
 * runs every recorded {@code sql} and {@code error} through this before any sink sees them, so that a caller
 * that forgot to normalize (or a database error message that quotes values) can't put a value into the trail.
 *
 * <p>Deliberately blunt and dialect-free: quoted strings ({@code '…'}, {@code E'…'}, {@code $tag$…$tag$}),
 * numbers not part of an identifier, and comments become {@code ?}; double-quoted, backquoted and
 * bracketed identifiers are kept. An unterminated quote swallows the rest (over-scrubbing, never a leak).
 * Idempotent on SQL that is already normalized.
 */
final class LiteralScrubber {
    private LiteralScrubber() {
    }

    static String sql(String text) {
        return scrub(text, false);
    }

    // deep: double-quoted parts are scrubbed inside too (error messages quote values, not only identifiers).
    private static String scrub(String text, boolean deep) {
        if (text == null || !needsWork(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' && deep && contraction(text, i)) {
                out.append(c); // "can't", "don't": our own messages say so, and no value hides in them
                i++;
            } else if (c == '\'') {
                dropPrefixLetter(out);
                i = skipQuoted(text, i, '\'');
                out.append('?');
            } else if (c == '"' || c == '`') {
                int end = skipQuoted(text, i, c);
                if (deep && c == '"' && end - i >= 2 && text.charAt(end - 1) == '"') {
                    out.append('"').append(scrub(text.substring(i + 1, end - 1), false)).append('"');
                } else {
                    out.append(text, i, end);
                }
                i = end;
            } else if (c == '[' && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                int close = text.indexOf(']', i);
                int end = close < 0 ? n : close + 1;
                out.append(text, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.append(' ');
            } else if (c == '$' && dollarTagEnd(text, i) > 0) {
                int tagEnd = dollarTagEnd(text, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                out.append('?');
            } else if (isDigit(c) && !identifierBefore(out)) {
                i = skipNumber(text, i);
                out.append('?');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** An error for the trail: its first line only (details often quote values), scrubbed. */
    static String error(String text) {
        if (text == null) {
            return null;
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl).stripTrailing();
        if (line.length() > 6 && line.charAt(5) == ':' && isSqlState(line.substring(0, 5))) {
            return line.substring(0, 6) + scrub(line.substring(6), true); // keep the leading SQLState
        }
        return scrub(line, true);
    }

    private static final String[] CONTRACTIONS = {"t", "s", "re", "ve", "ll", "d", "m"};

    /**
     * An apostrophe inside an English contraction: after a word of two letters or more (so a literal's prefix such
     * as {@code E'} or {@code N'}, or an introducer such as {@code _binary'}, is never taken for one) and before one
     * of its endings, which ends the word.
     */
    private static boolean contraction(String text, int at) {
        int start = at;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (at - start < 2 || start > 0 && (text.charAt(start - 1) == '_' || Character.isDigit(text.charAt(start - 1)))) {
            return false; // a one-letter prefix (E', N', X') or an introducer (_binary'…')
        }
        for (String ending : CONTRACTIONS) {
            int end = at + 1 + ending.length();
            if (text.startsWith(ending, at + 1) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    && text.charAt(end) != '\'')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSqlState(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isDigit(c) || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsWork(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '$' || c == '-' || c == '/' || (c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean identifierBefore(StringBuilder out) {
        if (out.length() == 0) {
            return false;
        }
        char p = out.charAt(out.length() - 1);
        return Character.isLetterOrDigit(p) || p == '_' || p == '$' || p == '"' || p == '`' || p == '@'
                || p == ':' || p == '?';
    }

    // E'…', N'…', X'…', B'…', U&'…': the prefix letter belongs to the literal.
    private static void dropPrefixLetter(StringBuilder out) {
        int len = out.length();
        if (len >= 1 && Character.isLetter(out.charAt(len - 1))
                && (len == 1 || !Character.isLetterOrDigit(out.charAt(len - 2)) && out.charAt(len - 2) != '_')) {
            out.setLength(len - 1);
        } else if (len >= 2 && out.charAt(len - 1) == '&' && (out.charAt(len - 2) == 'U' || out.charAt(len - 2) == 'u')) {
            out.setLength(len - 2);
        }
    }

    /** Index after the closing quote; a doubled quote or a backslash escapes (both are common). */
    private static int skipQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '\'') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int skipNumber(String text, int i) {
        int n = text.length();
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            i += 2;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '_')) {
            i++;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(text.charAt(j))) {
                i = j;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    /** For {@code $tag$} or {@code $$} at i, the index after the opening tag; else -1 ({@code $1} is a parameter). */
    private static int dollarTagEnd(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '$' ? j + 1 : -1;
    }
}
