package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/**
 * The leak check of the masking acceptance suites: an output must not contain a sensitive value, nor any
 * 6-character substring of it (case-insensitively, so an upper-cased copy also counts). Reusable by every
 * test suite that reads masked results.
 */
public final class LeakAssertions {
    /** Length of the shortest substring that counts as a leak. */
    public static final int WINDOW = 6;

    private LeakAssertions() {
    }

    /** Fails when {@code output} holds {@code secret} or a {@value #WINDOW}-character substring of it. */
    public static void assertNoLeak(String output, String secret) {
        String leaked = findLeak(output, secret);
        if (leaked != null) {
            fail("output leaks '" + leaked + "' of the sensitive value '" + secret + "': " + output);
        }
    }

    /** {@link #assertNoLeak(String, String)} for each secret. */
    public static void assertNoLeak(String output, Iterable<String> secrets) {
        for (String s : secrets) {
            assertNoLeak(output, s);
        }
    }

    /** The first leaked piece (the secret itself or a 6-character window of it), or null. */
    public static String findLeak(String output, String secret) {
        if (output == null || secret == null || secret.isEmpty()) {
            return null;
        }
        // Placeholders and hash tokens are keyed HMACs: their hex digits can coincide with a piece of a secret
        // (<email:401288fe> vs card 4012888888881881) without revealing anything; they are not outputs of the value.
        String out = withoutTokens(output.toLowerCase(Locale.ROOT));
        String sec = secret.toLowerCase(Locale.ROOT);
        if (out.contains(sec)) {
            return secret;
        }
        for (int i = 0; i + WINDOW <= sec.length(); i++) {
            if (out.contains(sec.substring(i, i + WINDOW))) {
                return secret.substring(i, i + WINDOW);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern TOKENS = java.util.regex.Pattern.compile("<email:[0-9a-f]{8}>|tok_[0-9a-f]{16}");

    static String withoutTokens(String output) {
        return TOKENS.matcher(output).replaceAll("<masked-token>");
    }
}
