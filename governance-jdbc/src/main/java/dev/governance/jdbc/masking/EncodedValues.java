package dev.governance.jdbc.masking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Text that is a hex or base64 encoding of something sensitive ({@code RAWTOHEX(note)}, {@code TO_BASE64(note)},
 * PostgreSQL's {@code \x…} bytea text). A cheap character test first; only text that is entirely hex or base64
 * (16 characters at least) is decoded — as UTF-8, and as UTF-16 for hex — and scanned.
 */
final class EncodedValues {
    private static final int MIN_LENGTH = 16;
    private static final int MAX_LENGTH = 1 << 20;

    private EncodedValues() {
    }

    static boolean hidesSensitive(String text) {
        int n = text.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH) {
            return false;
        }
        String body = text.startsWith("\\x") || text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (isHex(body)) {
            byte[] bytes = hex(body);
            return sensitive(new String(bytes, StandardCharsets.UTF_8))
                    || sensitive(new String(bytes, StandardCharsets.UTF_16BE))
                    || sensitive(new String(bytes, StandardCharsets.UTF_16LE));
        }
        if (isBase64(text)) {
            try {
                return sensitive(new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return false;
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
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
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
        return len >= MIN_LENGTH && len % 4 == 0;
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }
}
