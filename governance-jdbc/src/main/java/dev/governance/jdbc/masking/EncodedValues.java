package dev.governance.jdbc.masking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Text that is an encoding of something sensitive: hex or base64 (standard, MIME or URL-safe) as a whole
 * ({@code RAWTOHEX(note)}, {@code TO_BASE64(note)}, PostgreSQL's {@code \x…} bytea text), or text with URL-encoding
 * ({@code bob%40example.com}) or unicode escapes (a backslash, {@code u} and four hex digits) in it. A cheap
 * character test first; only text of 16 characters at least that is entirely hex or base64, or of 8 at least that
 * holds a {@code %} or a backslash, is decoded — as UTF-8, and as UTF-16 for hex — and scanned.
 */
final class EncodedValues {
    private static final int MIN_LENGTH = 16;
    private static final int MAX_LENGTH = 1 << 20;
    private static final int MIN_ESCAPED_LENGTH = 8;

    private EncodedValues() {
    }

    static boolean hidesSensitive(String text) {
        int n = text.length();
        if (n > MAX_LENGTH) {
            return false;
        }
        if (n >= MIN_LENGTH && wholeEncodingHides(text)) {
            return true;
        }
        // an escaped value can be short: a%40b.co
        return n >= MIN_ESCAPED_LENGTH && (text.indexOf('%') >= 0 || text.indexOf('\\') >= 0) && escapesHide(text);
    }

    private static boolean wholeEncodingHides(String text) {
        String body = text.startsWith("\\x") || text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (isHex(body)) {
            byte[] bytes = hex(body);
            return sensitive(new String(bytes, StandardCharsets.UTF_8))
                    || sensitive(new String(bytes, StandardCharsets.UTF_16BE))
                    || sensitive(new String(bytes, StandardCharsets.UTF_16LE));
        }
        if (isBase64(text)) {
            try {
                // the URL-safe alphabet ('-', '_') needs its own decoder: the MIME one skips those characters
                Base64.Decoder decoder = urlSafe(text) ? Base64.getUrlDecoder() : Base64.getMimeDecoder();
                return sensitive(new String(decoder.decode(text), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return false;
    }

    /** URL-encoding and unicode escapes undone; sensitive when the decoded text is. */
    private static boolean escapesHide(String text) {
        String unescaped = unicodeUnescaped(text);
        String decoded = percentDecoded(unescaped);
        return decoded != text && sensitive(decoded);
    }

    /** Unicode escapes (JSON, Java, JavaScript) replaced by their characters; the text itself when it has none. */
    static String unicodeUnescaped(String text) {
        int first = text.indexOf("\\u");
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && hexDigits(text, i + 2, 4)) {
                out.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
                i += 6;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code %XX} bytes decoded as UTF-8 (as URLs and form posts carry text); the text itself when it has none. */
    static String percentDecoded(String text) {
        int first = text.indexOf('%');
        if (first < 0) {
            return text;
        }
        byte[] bytes = new byte[text.length() * 3];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && hexDigits(text, i + 1, 2)) {
                bytes[n++] = (byte) Integer.parseInt(text, i + 1, i + 3, 16);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    private static boolean hexDigits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean urlSafe(String s) {
        return s.indexOf('-') >= 0 || s.indexOf('_') >= 0;
    }

    private static boolean sensitive(String decoded) {
        return ValueScanner.containsSensitive(decoded);
    }

    private static boolean isHex(String s) {
        if (s.length() < MIN_LENGTH || (s.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(String s) {
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                    || c == '=' || c == '-' || c == '_') {
                len++;
            } else if (c != '\n' && c != '\r') {
                return false;
            }
        }
        // URL-safe base64 often leaves out its padding; a length of 4k+1 is never base64
        return len >= MIN_LENGTH && (len % 4 == 0 || len % 4 != 1 && urlSafe(s));
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }
}
