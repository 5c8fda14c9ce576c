package dev.governance.jdbc.masking;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes one thread's placeholders: {@code <email:…>} and {@code tok_…} (HMAC-SHA256 of the value) and
 * {@code partial}'s starred text. The hash state, the value's UTF-8 bytes and the placeholder's characters live in
 * buffers reused from value to value, so a masked value costs the one String returned — a result of a million
 * masked cells would otherwise make several short-lived arrays per cell. Never shared between threads:
 * {@link Masker} keeps one per thread.
 *
 * <p>The HMAC is RFC 2104 over one SHA-256 digest, exactly as the JDK's {@code Mac} computes it (a key longer than
 * a block is hashed first), so tokens are those of every earlier release ({@code PinnedPlaceholdersTest}).
 */
final class PlaceholderWriter {
    private static final int BLOCK = 64;
    private static final int DIGEST = 32;
    /** Text is hashed through a buffer of this many bytes, however long the value. */
    private static final int CHUNK = 256;
    /** A starred copy longer than this is built in its own array rather than kept in this thread's buffer. */
    private static final int MAX_KEPT_CHARS = 4096;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest sha256;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] digest = new byte[DIGEST];
    private final byte[] bytes = new byte[CHUNK];
    private char[] chars = new char[64];

    /** For this key (not kept: only its two padded forms are). */
    PlaceholderWriter(byte[] key) {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        byte[] k = key.length > BLOCK ? sha256.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** {@code tok_} + 16 hex characters of HMAC-SHA256(key, UTF-8 value). */
    String token(String value) {
        hmac(value, false);
        return placeholder("tok_", 8, "");
    }

    String token(byte[] value) {
        hmac(value);
        return placeholder("tok_", 8, "");
    }

    /** {@code <email:} + 8 hex characters of HMAC-SHA256(key, UTF-8 of the value lower-cased) + {@code >}. */
    String email(String value) {
        hmac(value, true);
        return placeholder("<email:", 4, ">");
    }

    /** Bytes are hashed as they are (binary content has no case). */
    String email(byte[] value) {
        hmac(value);
        return placeholder("<email:", 4, ">");
    }

    /**
     * The last 4 letters or digits, everything before them as {@code *} (one per character, separators included,
     * so that no run of the original longer than 4 survives). Fewer than 8 letters or digits: all of it is
     * redacted, since 4 would be half of the value.
     */
    String partial(String value) {
        int alnum = 0;
        int keepFrom = value.length();
        for (int i = value.length() - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                alnum++;
                if (alnum == 4) {
                    keepFrom = i;
                }
            }
        }
        if (alnum < 8) {
            return Masker.REDACTED;
        }
        char[] out = chars(value.length());
        Arrays.fill(out, 0, keepFrom, '*');
        int n = keepFrom;
        for (int i = keepFrom; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out[n++] = c; // separators inside the kept tail are dropped: at most 4 original characters
            }
        }
        return new String(out, 0, n);
    }

    /** This thread's character buffer when it holds {@code length}; a one-off array for a very long value. */
    private char[] chars(int length) {
        if (length <= chars.length) {
            return chars;
        }
        if (length > MAX_KEPT_CHARS) {
            return new char[length];
        }
        chars = new char[Math.max(length, chars.length * 2)];
        return chars;
    }

    // ---------------------------------------------------------------- HMAC-SHA256 into `digest`

    private void hmac(byte[] value) {
        sha256.update(innerPad);
        sha256.update(value);
        finish();
    }

    /**
     * The value's UTF-8 (lower-cased first when asked) hashed chunk by chunk through {@link #bytes}. ASCII is encoded
     * and lower-cased here; a value with any other character is hashed from {@link String#getBytes} (and
     * {@link String#toLowerCase(Locale)}), whose rules for surrogates and special casings this can't get wrong.
     */
    private void hmac(String value, boolean lowerCase) {
        sha256.update(innerPad);
        int n = value.length();
        int filled = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                sha256.reset();
                sha256.update(innerPad);
                String text = lowerCase ? value.toLowerCase(Locale.ROOT) : value;
                sha256.update(text.getBytes(StandardCharsets.UTF_8));
                finish();
                return;
            }
            if (lowerCase && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            bytes[filled++] = (byte) c;
            if (filled == CHUNK) {
                sha256.update(bytes, 0, filled);
                filled = 0;
            }
        }
        sha256.update(bytes, 0, filled);
        finish();
    }

    /** Completes the inner hash (begun with the inner pad) and computes the outer one into {@link #digest}. */
    private void finish() {
        try {
            sha256.digest(digest, 0, DIGEST);
            sha256.update(outerPad);
            sha256.update(digest, 0, DIGEST);
            sha256.digest(digest, 0, DIGEST);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest of 32 bytes", e);
        }
    }

    /** {@code prefix}, the first {@code count} bytes of {@link #digest} in hex, {@code suffix}: one new String. */
    private String placeholder(String prefix, int count, String suffix) {
        char[] out = chars;
        int n = prefix.length();
        prefix.getChars(0, n, out, 0);
        for (int i = 0; i < count; i++) {
            out[n++] = HEX[(digest[i] >> 4) & 0xf];
            out[n++] = HEX[digest[i] & 0xf];
        }
        suffix.getChars(0, suffix.length(), out, n);
        return new String(out, 0, n + suffix.length());
    }
}
