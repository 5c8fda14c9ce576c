package dev.governance.jdbc.masking;

/**
 * Masks PostgreSQL's text forms of arrays ({@code {a,"b c",NULL}}) and row values ({@code (1,"a b",)}) element by
 * element: a sensitive element is replaced by its masked text (quoted when the masked text needs it), everything else
 * is copied as PostgreSQL wrote it. {@link #needs} walks by index and allocates nothing; an element that is itself a
 * quoted array, row or document counts as needing the copying walk. Text that doesn't parse is reported, never
 * guessed at.
 */
final class PgText {
    static final int INVALID = -1;
    static final int NEEDED = -2;
    private static final int MAX_DEPTH = 32;

    private PgText() {
    }

    static boolean needs(String text, DocumentPart root) {
        return walk(text, root, null, null) < 0;
    }

    /** The masked text, or null when it doesn't parse. */
    static String mask(String text, DocumentPart root, Masker masker) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        return walk(text, root, out, masker) < 0 ? null : out.toString();
    }

    private static int walk(String s, DocumentPart root, StringBuilder out, Masker masker) {
        int end = root instanceof DocumentPart.Elements e ? array(s, 0, e.element(), out, masker, 0)
                : root instanceof DocumentPart.Fields f ? row(s, 0, f, out, masker) : INVALID;
        return end == s.length() ? end : end < 0 ? end : INVALID;
    }

    private static int array(String s, int i, DocumentPart element, StringBuilder out, Masker masker, int depth) {
        if (i >= s.length() || s.charAt(i) != '{' || depth > MAX_DEPTH) {
            return INVALID;
        }
        append(out, '{');
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '}') {
            append(out, '}');
            return j + 1;
        }
        while (j < s.length()) {
            int end;
            if (s.charAt(j) == '{') {
                DocumentPart inner = element instanceof DocumentPart.Elements e ? e.element() : element;
                end = array(s, j, inner, out, masker, depth + 1);
            } else {
                end = item(s, j, element, '}', false, out, masker);
            }
            if (end < 0 || end >= s.length()) {
                return end < 0 ? end : INVALID;
            }
            char c = s.charAt(end);
            append(out, c);
            if (c == '}') {
                return end + 1;
            }
            if (c != ',') {
                return INVALID;
            }
            j = end + 1;
        }
        return INVALID;
    }

    private static int row(String s, int i, DocumentPart.Fields fields, StringBuilder out, Masker masker) {
        if (i >= s.length() || s.charAt(i) != '(') {
            return INVALID;
        }
        append(out, '(');
        int j = i + 1;
        for (int position = 0; j < s.length(); position++) {
            int end = item(s, j, fields.at(position), ')', true, out, masker);
            if (end < 0 || end >= s.length()) {
                return end < 0 ? end : INVALID;
            }
            char c = s.charAt(end);
            append(out, c);
            if (c == ')') {
                return end + 1;
            }
            if (c != ',') {
                return INVALID;
            }
            j = end + 1;
        }
        return INVALID;
    }

    /**
     * One element or field starting at {@code i}: quoted, or bare up to the next comma or {@code close}. In a row an
     * empty field is NULL; in an array the bare word NULL is.
     */
    private static int item(String s, int i, DocumentPart part, char close, boolean inRow, StringBuilder out,
                            Masker masker) {
        boolean quoted = i < s.length() && s.charAt(i) == '"';
        int end = quoted ? quotedEnd(s, i) : bareEnd(s, i, close);
        if (end < 0) {
            return INVALID;
        }
        boolean isNull = !quoted && (inRow ? end == i : end - i == 4 && s.regionMatches(true, i, "NULL", 0, 4));
        boolean innocent = part instanceof DocumentPart.Value v && !v.sensitive();
        if (isNull || innocent) {
            if (out != null) {
                out.append(s, i, end);
            }
            return end;
        }
        if (out == null) {
            return NEEDED;
        }
        String value = quoted ? unquote(s, i + 1, end - 1) : unescape(s, i, end);
        String masked = maskPart(value, part, masker);
        if (masked == null) {
            if (!inRow) {
                out.append("NULL");
            }
        } else if (masked.equals(value) && !quoted) {
            out.append(s, i, end);
        } else {
            quoteIfNeeded(masked, out);
        }
        return end;
    }

    /** The element's own text masked as its part says (a nested array, row or JSON document part by part). */
    private static String maskPart(String value, DocumentPart part, Masker masker) {
        if (part instanceof DocumentPart.Value v) {
            return masker.maskString(value, v.strategy() == MaskingStrategy.DEFAULT ? MaskingStrategy.REDACT
                    : v.strategy());
        }
        String masked = DocumentMask.maskText(value, part, true, masker);
        return masked == null ? Masker.REDACTED : masked;
    }

    private static int quotedEnd(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                if (j + 1 < s.length() && s.charAt(j + 1) == '"') {
                    j++; // "" inside a row's quoted field
                } else {
                    return j + 1;
                }
            }
        }
        return INVALID;
    }

    private static int bareEnd(String s, int i, char close) {
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == ',' || c == close) {
                return j;
            } else if (c == '"') {
                return INVALID;
            }
        }
        return INVALID;
    }

    private static String unquote(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < to || c == '"' && j + 1 < to && s.charAt(j + 1) == '"') {
                b.append(s.charAt(++j));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescape(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            b.append(c == '\\' && j + 1 < to ? s.charAt(++j) : c);
        }
        return b.toString();
    }

    /** Quoted (with backslash escapes) unless the text is safe bare in both arrays and rows. */
    private static void quoteIfNeeded(String value, StringBuilder out) {
        boolean plain = !value.isEmpty() && !value.equalsIgnoreCase("NULL");
        for (int k = 0; plain && k < value.length(); k++) {
            char c = value.charAt(k);
            plain = !(c == '"' || c == '\\' || c == ',' || c == '{' || c == '}' || c == '(' || c == ')'
                    || Character.isWhitespace(c));
        }
        if (plain) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static void append(StringBuilder out, char c) {
        if (out != null) {
            out.append(c);
        }
    }
}
