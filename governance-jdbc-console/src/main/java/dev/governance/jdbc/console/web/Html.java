package dev.governance.jdbc.console.web;

/**
 * Escaping for HTML text and attribute values. Everything the console shows that came from a trail, a store or a
 * request (SQL, subjects, reasons, comments) passes through here: an agent's SQL is untrusted input.
 */
public final class Html {
    private Html() {
    }

    /** Escapes {@code & < > " '} so the text can stand in element content and in quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    /** Percent-encodes a query parameter value. */
    public static String urlParam(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
