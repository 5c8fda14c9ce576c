package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Placeholders are a promise: the same value and key give the same {@code <email:…>} and {@code tok_…} in every
 * release, so tokens agents stored, joined or counted stay comparable. These were computed with a fixed key before
 * the masking fast path existed (and {@code bob@example.com}'s checked with {@code openssl dgst -sha256 -hmac}); the
 * fast path must reproduce them byte for byte, for ASCII, mixed case, non-ASCII and unpaired surrogates alike.
 */
class PinnedPlaceholdersTest {
    private static final String KEY = "key-a-0123456789abcdef0123456789";
    private final Masker masker = Masker.withKey(KEY.getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bob@example.com|<email:560da090>|tok_560da090a7fb9334",
        "Bob@Example.COM|<email:560da090>|tok_18d5f410a2eaddaf",
        "user42@example.com|<email:0748ba8f>|tok_0748ba8ff8b1b7ad",
        "x|<email:4e341754>|tok_4e3417542a43871b",
        "\u0130lknur@\u00D6rnek.com.tr|<email:615ddf79>|tok_2ad2be92ea57c211",
        "\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3@example.gr|<email:fc64c29c>|tok_c9ae40039c9a4648",
        "a\uD800b@example.com|<email:cb3ee6ae>|tok_cb3ee6ae6b1b2b79",
        "\uD83D\uDE00@emoji.example|<email:6999bc49>|tok_6999bc49e8e60328",
        "very.long.local.part.that.goes.past.one.sha256.block.of.sixty.four.bytes@subdomain.example.com"
                + "|<email:8ee33e5f>|tok_8ee33e5fff8d88c2",
    })
    void emailAndHashTokensAreThoseOfEarlierReleases(String value, String email, String token) {
        assertEquals(email, masker.maskString(value, MaskingStrategy.EMAIL));
        assertEquals(token, masker.maskString(value, MaskingStrategy.HASH));
        assertEquals(token, masker.token(value));
    }

    @Test
    void theEmptyValueAndNonTextValuesKeepTheirTokens() {
        assertEquals("<email:6f375b1e>", masker.maskString("", MaskingStrategy.EMAIL));
        assertEquals("tok_6f375b1e00871bcc", masker.maskString("", MaskingStrategy.HASH));
        assertEquals("tok_96a6f37293a8129b", masker.mask(new BigDecimal("42.00"), MaskingStrategy.HASH));
        assertEquals("tok_8a4040206d46a674", masker.mask(123456789L, MaskingStrategy.HASH));
        // bytes are hashed as they are (not lower-cased)
        assertEquals("<email:a06d1c7e>", text(masker.mask(utf8("Bob@Example.com"), MaskingStrategy.EMAIL)));
        assertEquals("tok_560da090a7fb9334", text(masker.mask(utf8("bob@example.com"), MaskingStrategy.HASH)));
        assertEquals("mail <email:560da090> or call ***********0123, ssn *******6789",
                masker.maskEmbedded("mail Bob@Example.com or call +1 415 555 0123, ssn 123-45-6789"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123-45-6789|*******6789",
        "4111 1111 1111 1111|***************1111",
        "1234567|****",
        "ab-cd-ef-gh|******efgh",
        "DE89 3704 0044 0532 0130 00|**********************3000",
        "\u00E9mile-z\u00F6la-42|********la42",
        "+1 415 555 0123|***********0123",
    })
    void partialIsThatOfEarlierReleases(String value, String partial) {
        assertEquals(partial, masker.maskString(value, MaskingStrategy.PARTIAL));
    }

    /** Any value, any key length (keys longer than a SHA-256 block are hashed first): the JDK's own HMAC decides. */
    @ParameterizedTest
    @ValueSource(ints = {16, 32, 63, 64, 65, 200})
    void tokensAreHmacSha256OfTheValue(int keyLength) throws Exception {
        Random random = new Random(keyLength);
        byte[] key = new byte[keyLength];
        random.nextBytes(key);
        Masker m = Masker.withKey(key);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (int i = 0; i < 400; i++) {
            String value = randomText(random, i < 200 ? i : random.nextInt(2000));
            String hex = HexFormat.of().formatHex(mac.doFinal(utf8(value)));
            assertEquals("tok_" + hex.substring(0, 16), m.maskString(value, MaskingStrategy.HASH), value);
            String lower = HexFormat.of().formatHex(mac.doFinal(utf8(value.toLowerCase(Locale.ROOT))));
            assertEquals("<email:" + lower.substring(0, 8) + ">", m.maskString(value, MaskingStrategy.EMAIL), value);
        }
    }

    /** Mostly ASCII of both cases, sometimes Latin-1, Greek, Turkish capitals, emoji or a lone surrogate. */
    private static String randomText(Random random, int length) {
        String odd = "\u00C9\u00F6\u0130\u03A3\u00DF\uD83D\uDE00\uD800";
        StringBuilder b = new StringBuilder(length);
        boolean ascii = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            b.append(ascii || random.nextInt(8) > 0 ? (char) (' ' + random.nextInt(95))
                    : odd.charAt(random.nextInt(odd.length())));
        }
        return b.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }
}
