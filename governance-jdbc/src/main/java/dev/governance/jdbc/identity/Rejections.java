package dev.governance.jdbc.identity;

import dev.governance.jdbc.IdentityException;

/** The 28000 messages: each names the check that failed, and none quotes the token. */
final class Rejections {
    static final String PREFIX = "identity token rejected: ";
    private static final int MAX_QUOTED = 80;

    private Rejections() {
    }

    static IdentityException rejected(String check) {
        return new IdentityException(PREFIX + check);
    }

    /** A value taken from a token, for a message: quoted, shortened, control characters replaced. */
    static String quote(Object value) {
        return value == null ? "none" : '"' + plain(value) + '"';
    }

    /** Like {@link #quote} without the quotes, for short names such as an algorithm. */
    static String plain(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 1);
        for (int i = 0; i < text.length() && i < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_QUOTED) {
            out.append('…');
        }
        return out.toString();
    }
}
