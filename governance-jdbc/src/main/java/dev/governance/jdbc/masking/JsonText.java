package dev.governance.jdbc.masking;

/**
 * Masks a JSON document part by part without re-serializing it: sensitive values are replaced where they stand (as
 * JSON strings, or {@code null} for the null strategy), and every other byte is copied, so ids, counts and spacing
 * stay exactly as the database wrote them. {@link #needs} answers first whether anything is to be masked, walking
 * the text by index and allocating nothing; only then is a copy built. Text that is not JSON is reported, never
 * guessed at.
 */
final class JsonText {
    /** Returned by the walk: the text is not JSON (or nests too deep). */
    static final int INVALID = -1;
    /** Returned by the checking walk: a sensitive value was found. */
    static final int NEEDED = -2;
    private static final int MAX_DEPTH = 64;

    private JsonText() {
    }

    /** True when a sensitive value is present, or the text can't be walked (then the caller fails closed). */
    static boolean needs(String text, DocumentPart root) {
        int end = document(text, root, null, null);
        return end < 0;
    }

    /** The masked document, or null when the text is not JSON. */
    static String mask(String text, DocumentPart root, Masker masker) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        return document(text, root, out, masker) < 0 ? null : out.toString();
    }

    private static int document(String s, DocumentPart root, StringBuilder out, Masker masker) {
        int i = ws(s, 0);
        append(out, s, 0, i);
        int end = value(s, i, root, out, masker, 0);
        if (end < 0) {
            return end;
        }
        int k = ws(s, end);
        append(out, s, end, k);
        return k == s.length() ? k : INVALID;
    }

    private static int value(String s, int i, DocumentPart part, StringBuilder out, Masker masker, int depth) {
        if (i >= s.length() || depth > MAX_DEPTH) {
            return INVALID;
        }
        char c = s.charAt(i);
        if (part instanceof DocumentPart.Value v) {
            int end = skip(s, i, depth);
            if (end < 0 || !v.sensitive() || s.startsWith("null", i) && end == i + 4) {
                append(out, s, i, end);
                return end;
            }
            if (out == null) {
                return NEEDED;
            }
            masked(s, i, end, v.strategy(), out, masker);
            return end;
        }
        if (part instanceof DocumentPart.Fields f) {
            if (c == '{') {
                return object(s, i, f, out, masker, depth);
            }
            return value(s, i, s.startsWith("null", i) ? DocumentPart.Value.INNOCENT : f.unknown(), out, masker, depth);
        }
        DocumentPart element = ((DocumentPart.Elements) part).element();
        return c == '[' ? array(s, i, element, out, masker, depth) : value(s, i, element, out, masker, depth + 1);
    }

    private static int object(String s, int i, DocumentPart.Fields fields, StringBuilder out, Masker masker, int depth) {
        int n = s.length();
        int j = ws(s, i + 1);
        append(out, s, i, j);
        if (j < n && s.charAt(j) == '}') {
            append(out, s, j, j + 1);
            return j + 1;
        }
        while (true) {
            if (j >= n || s.charAt(j) != '"') {
                return INVALID;
            }
            int keyEnd = stringEnd(s, j);
            if (keyEnd < 0) {
                return INVALID;
            }
            // a key written with escapes can't be matched to a name: unknown, masked as strictly as the column
            DocumentPart under = s.indexOf('\\', j) >= 0 && s.indexOf('\\', j) < keyEnd ? fields.unknown()
                    : fields.field(s, j + 1, keyEnd - 1);
            int k = ws(s, keyEnd);
            if (k >= n || s.charAt(k) != ':') {
                return INVALID;
            }
            k = ws(s, k + 1);
            append(out, s, j, k);
            int end = value(s, k, under, out, masker, depth + 1);
            if (end < 0) {
                return end;
            }
            j = ws(s, end);
            append(out, s, end, j);
            if (j >= n) {
                return INVALID;
            }
            char c = s.charAt(j);
            if (c == '}') {
                append(out, s, j, j + 1);
                return j + 1;
            }
            if (c != ',') {
                return INVALID;
            }
            k = ws(s, j + 1);
            append(out, s, j, k);
            j = k;
        }
    }

    private static int array(String s, int i, DocumentPart element, StringBuilder out, Masker masker, int depth) {
        int n = s.length();
        int j = ws(s, i + 1);
        append(out, s, i, j);
        if (j < n && s.charAt(j) == ']') {
            append(out, s, j, j + 1);
            return j + 1;
        }
        while (true) {
            int end = value(s, j, element, out, masker, depth + 1);
            if (end < 0) {
                return end;
            }
            j = ws(s, end);
            append(out, s, end, j);
            if (j >= n) {
                return INVALID;
            }
            char c = s.charAt(j);
            if (c == ']') {
                append(out, s, j, j + 1);
                return j + 1;
            }
            if (c != ',') {
                return INVALID;
            }
            int k = ws(s, j + 1);
            append(out, s, j, k);
            j = k;
        }
    }

    /** The index after the value starting at {@code i}, or {@link #INVALID}. */
    private static int skip(String s, int i, int depth) {
        if (i >= s.length() || depth > MAX_DEPTH) {
            return INVALID;
        }
        char c = s.charAt(i);
        if (c == '"') {
            return stringEnd(s, i);
        }
        if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            int j = ws(s, i + 1);
            if (j < s.length() && s.charAt(j) == close) {
                return j + 1;
            }
            while (true) {
                if (c == '{') {
                    j = stringEnd(s, j);
                    if (j < 0) {
                        return INVALID;
                    }
                    j = ws(s, j);
                    if (j >= s.length() || s.charAt(j) != ':') {
                        return INVALID;
                    }
                    j = ws(s, j + 1);
                }
                j = skip(s, j, depth + 1);
                if (j < 0) {
                    return INVALID;
                }
                j = ws(s, j);
                if (j >= s.length()) {
                    return INVALID;
                }
                if (s.charAt(j) == close) {
                    return j + 1;
                }
                if (s.charAt(j) != ',') {
                    return INVALID;
                }
                j = ws(s, j + 1);
            }
        }
        int j = i;
        while (j < s.length() && isScalarChar(s.charAt(j))) {
            j++;
        }
        return j == i ? INVALID : j;
    }

    private static boolean isScalarChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '+' || c == '.';
    }

    /** The index after the closing quote of the string opening at {@code i}, or {@link #INVALID}. */
    private static int stringEnd(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '"') {
            return INVALID;
        }
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
        return INVALID;
    }

    private static int ws(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    private static void append(StringBuilder out, String s, int from, int to) {
        if (out != null && to > from) {
            out.append(s, from, to);
        }
    }

    /** A sensitive value, masked: a JSON string (whatever the value's type), or null for the null strategy. */
    private static void masked(String s, int from, int to, MaskingStrategy strategy, StringBuilder out, Masker masker) {
        if (strategy == MaskingStrategy.NULL) {
            out.append("null");
            return;
        }
        String value = s.charAt(from) == '"' ? decode(s, from + 1, to - 1) : s.substring(from, to);
        String masked = masker.maskString(value, strategy == MaskingStrategy.DEFAULT ? MaskingStrategy.REDACT : strategy);
        quote(masked == null ? Masker.REDACTED : masked, out);
    }

    static String decode(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (c != '\\' || j + 1 >= to) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++j);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (j + 4 < to) {
                        b.append((char) Integer.parseInt(s.substring(j + 1, j + 5), 16));
                        j += 4;
                    }
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
