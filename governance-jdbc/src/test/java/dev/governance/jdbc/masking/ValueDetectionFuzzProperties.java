package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Value detection on its own ({@link ValueScanner}, {@link ValueMatch}, {@link EncodedValues}, as a scanned cell
 * uses them): a generated sensitive value (card, e-mail, SSN, AWS and GitHub keys) in generated surroundings (free
 * text, JSON, array literals) and encodings (hex of UTF-8 and UTF-16, base64, base64url, URL-encoding, unicode
 * escapes). Each form is either detected — the cell is masked and the masked text holds no 6-character piece of
 * the value — or one of the limits docs/masking.md names, counted in the statistics. Nothing throws, and every match
 * lies inside the text, in order, without overlap.
 */
class ValueDetectionFuzzProperties {
    private static final Masker MASKER = Masker.withKey("value-detection-fuzz-key".getBytes(StandardCharsets.UTF_8));

    /** How a value may be written into a cell; {@code limit} names the documented limit, null when detected. */
    enum Form {
        PLAIN(s -> s, null),
        JSON(s -> "{\"id\": 17, \"contact\": {\"values\": [\"x\", \"" + s + "\"]}, \"ok\": true}", null),
        PG_ARRAY(s -> "{alpha,\"" + s + "\",NULL}", null),
        SQL_ARRAY(s -> "[" + s + ", 42]", null),
        HEX_UTF8(s -> HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)), null),
        HEX_UTF16(s -> HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_16BE)), null),
        BYTEA_TEXT(s -> "\\x" + HexFormat.of().formatHex(("{\"v\":\"" + s + "\"}").getBytes(StandardCharsets.UTF_8)), null),
        BASE64(s -> Base64.getEncoder().encodeToString(("note: " + s).getBytes(StandardCharsets.UTF_8)), null),
        BASE64_MIME(s -> Base64.getMimeEncoder().encodeToString((s + " " + s + " " + s + " " + s + " " + s)
                .getBytes(StandardCharsets.UTF_8)), null),
        BASE64_URL(s -> Base64.getUrlEncoder().encodeToString(("?>?>" + s + "?>?>").getBytes(StandardCharsets.UTF_8)), null),
        URL_ENCODED(s -> "https://shop.example/track?to=" + percentEncoded(s) + "&lang=en", null),
        UNICODE_ESCAPED(s -> "{\"contact\": \"" + unicodeEscaped(s) + "\"}", null),
        BASE64_IN_JSON(s -> "{\"blob\": \"" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "\"}",
                "an encoding inside other text");

        final UnaryOperator<String> write;
        final String limit;

        Form(UnaryOperator<String> write, String limit) {
            this.write = write;
            this.limit = limit;
        }
    }

    record Secret(String kind, String value) {
    }

    @Provide
    Arbitrary<Secret> secrets() {
        Arbitrary<String> upperDigits = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray())
                .ofLength(16);
        Arbitrary<String> alnum = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofLength(36);
        Arbitrary<String> ssn = Combinators.combine(Arbitraries.integers().between(1, 665),
                        Arbitraries.integers().between(1, 99), Arbitraries.integers().between(1, 9999))
                .as((area, group, serial) -> String.format("%03d-%02d-%04d", area, group, serial));
        Arbitrary<String> groupedCard = SensitiveValues.cards().map(c -> c.substring(0, 4) + " " + c.substring(4, 8) + " "
                + c.substring(8, 12) + " " + c.substring(12));
        return Arbitraries.oneOf(
                SensitiveValues.cards().map(v -> new Secret("card", v)),
                groupedCard.map(v -> new Secret("card", v)),
                SensitiveValues.emails().map(v -> new Secret("email", v)),
                ssn.map(v -> new Secret("ssn", v)),
                upperDigits.map(v -> new Secret("aws", "AKIA" + v)),
                alnum.map(v -> new Secret("github", "ghp_" + v)));
    }

    @Provide
    Arbitrary<String> fillers() {
        return Arbitraries.of("", "note", "Kunde bittet um Rückruf", "order 20261207-42 shipped", "ref: ",
                "x".repeat(300), "☃ ünïcödé ✓");
    }

    /** A scanned cell's path: masked where the scanner finds something, redacted where an encoding hides it. */
    static String asScannedCell(String text) {
        String masked = MASKER.maskEmbedded(text);
        return masked == text && EncodedValues.hidesSensitive(text) ? Masker.REDACTED : masked;
    }

    @Property(seed = "20261212")
    void aSensitiveValueIsDetectedInEveryFormOrADocumentedLimitSaysWhy(@ForAll("secrets") Secret secret,
                                                                       @ForAll Form form,
                                                                       @ForAll("fillers") String before,
                                                                       @ForAll("fillers") String after) {
        String plain = form == Form.PLAIN ? before + " " + secret.value() + " " + after : secret.value();
        String cell = form.write.apply(plain);
        String seen = asScannedCell(cell);
        boolean detected = !seen.equals(cell);
        Statistics.label("form").collect(form.name(), detected ? "detected" : "limit: " + form.limit);
        if (form.limit == null) {
            assertTrue(detected, () -> secret.kind() + " in " + form + " not detected: " + cell);
            LeakAssertions.assertNoLeak(seen, secret.value());
        }
    }

    @Property(seed = "20261213")
    void matchesLieInsideTheTextInOrder(@ForAll("cells") String text) {
        List<ValueMatch> matches = ValueScanner.scan(text);
        int end = 0;
        for (ValueMatch m : matches) {
            assertTrue(m.start() >= end && m.end() <= text.length(), () -> matches + " over " + text.length());
            end = m.end();
        }
        ValueScanner.kindOfWholeValue(text); // no exception on any text
        EncodedValues.hidesSensitive(text); // no exception on any text
        String masked = MASKER.maskEmbedded(text);
        assertEquals(matches.isEmpty(), masked == text, "masked exactly when something was found");
    }

    /** Texts near what the detectors look for: their trigger characters, digits, separators and prefixes. */
    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789 -.+()@_/=%\\xXuAKIAghp_eyJ".toCharArray()).ofMaxLength(40),
                SensitiveValues.cards(), SensitiveValues.emails(), Arbitraries.of("AKIA", "ASIA", "ghp_", "github_pat_", "glpat-", "xoxb-", "AIza",
                        "sk_live_", "eyJ", "-----BEGIN RSA PRIVATE KEY-----", "-----END", "GB82", "DE89", "+1 ", "@",
                        "\\u0040", "%40", "\\x", "0x"));
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    /** Every character outside the unreserved set percent-encoded, as URLs and form posts carry it. */
    static String percentEncoded(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append(c);
            } else {
                b.append('%').append(HexFormat.of().withUpperCase().toHexDigits(x));
            }
        }
        return b.toString();
    }

    /** Every character as a JSON/Java unicode escape (backslash, u, four hex digits), as some JSON encoders write them. */
    static String unicodeEscaped(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            b.append(String.format("\\u%04x", (int) s.charAt(i)));
        }
        return b.toString();
    }
}
