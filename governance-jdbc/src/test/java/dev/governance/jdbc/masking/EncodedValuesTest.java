package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The encodings a sensitive value can hide in as a whole cell, and the ordinary texts with a {@code %} or a backslash
 * that must stay as they are. {@link ValueDetectionFuzzProperties} generates many more.
 */
class EncodedValuesTest {
    private static final String CARD = "4111111111111111";
    private static final String EMAIL = "ada.lovelace@example.com";

    @Test
    void urlSafeBase64WithoutPaddingIsDecodedWithItsOwnAlphabet() {
        // "?>?>" encodes to "Pz4_Pj": the MIME decoder dropped '_' and '-' and read garbage
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("?>?>" + CARD + "?>").getBytes(StandardCharsets.UTF_8));
        assertTrue(encoded.contains("_"), encoded);
        assertTrue(EncodedValues.hidesSensitive(encoded), encoded);
    }

    @Test
    void urlEncodingAndUnicodeEscapesAreUndone() {
        assertTrue(EncodedValues.hidesSensitive("https://shop.example/track?to=ada.lovelace%40example.com&x=1"));
        assertTrue(EncodedValues.hidesSensitive("ada%2Elovelace%40example%2Ecom"));
        assertTrue(EncodedValues.hidesSensitive("{\"to\": \"ada.lovelace\\u0040example.com\"}"));
        assertTrue(EncodedValues.hidesSensitive("card=4111%201111%201111%201111"));
        assertTrue(EncodedValues.hidesSensitive("a%40b.co"), "short, but an address all the same");
    }

    @Test
    void ordinaryTextWithPercentOrBackslashStaysInnocent() {
        for (String text : new String[] {"50% off everything today", "100%25 sure, 20% more", "C:\\Users\\ada\\notes.txt",
                "a \\u00e9t\\u00e9 livr\\u00e9", "%zz%4 broken escapes %", "\\u12", "\\uZZZZ and \\", "%E2%82%AC 42 per month"}) {
            assertFalse(EncodedValues.hidesSensitive(text), text);
        }
    }

    @Test
    void anEncodingInsideOtherTextIsTheDocumentedLimit() {
        String blob = Base64.getEncoder().encodeToString(EMAIL.getBytes(StandardCharsets.UTF_8));
        assertTrue(EncodedValues.hidesSensitive(blob), "as a whole cell it is found");
        assertFalse(EncodedValues.hidesSensitive("{\"blob\": \"" + blob + "\"}"),
                "inside JSON it is not decoded (docs/masking.md); lineage has to catch it");
    }
}
