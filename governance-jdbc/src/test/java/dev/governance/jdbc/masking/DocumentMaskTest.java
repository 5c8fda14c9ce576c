package dev.governance.jdbc.masking;

import dev.governance.jdbc.sql.lineage.ValueShape.Format;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Structured values masked part by part: only the sensitive parts change, every other character is copied, a value
 * with nothing to mask is the same instance, and whatever can't be taken apart is masked whole.
 */
class DocumentMaskTest {
    private static final Masker MASKER = Masker.withKey("0123456789abcdef0123456789abcdef".getBytes());
    private static final DocumentPart.Value EMAIL = new DocumentPart.Value(MaskingStrategy.EMAIL);
    private static final DocumentPart.Value REDACT = new DocumentPart.Value(MaskingStrategy.REDACT);
    private static final DocumentPart.Value PLAIN = DocumentPart.Value.INNOCENT;

    private static DocumentPart.Fields fields(Format format, String[] names, DocumentPart... values) {
        return new DocumentPart.Fields(format, names, values, EMAIL);
    }

    private static DocumentMask json(DocumentPart root) {
        return new DocumentMask(root, MaskingStrategy.EMAIL, true);
    }

    private static final DocumentPart ROWS = new DocumentPart.Elements(Format.JSON,
            fields(Format.JSON, new String[] {"id", "email", "tags"}, PLAIN, EMAIL, PLAIN));

    @Test
    void onlyTheSensitiveValueChanges() {
        String doc = "[{\"id\": 1, \"email\": \"a.b@example.com\", \"tags\": [\"x\", {\"y\": 2}]}, {\"id\":2,\"email\":null}]";
        String masked = json(ROWS).mask(doc, MASKER);
        String placeholder = MASKER.maskString("a.b@example.com", MaskingStrategy.EMAIL);
        assertEquals(doc.replace("\"a.b@example.com\"", "\"" + placeholder + "\""), masked);
    }

    @Test
    void nothingToMaskIsTheSameInstance() {
        String doc = "[{\"id\": 1, \"email\": null, \"tags\": []}]";
        assertSame(doc, json(ROWS).mask(doc, MASKER));
    }

    @Test
    void unknownEscapedAndAmbiguousKeysFailClosed() {
        assertFalse(json(ROWS).mask("[{\"id\": 1, \"extra\": \"secret-x\"}]", MASKER).contains("secret-x"));
        assertFalse(json(ROWS).mask("[{\"id\": 1, \"em\\u0061il\": \"secret-x\"}]", MASKER).contains("secret-x"));
        DocumentPart twice = fields(Format.JSON, new String[] {"id", "id"}, PLAIN, REDACT);
        assertFalse(json(twice).mask("{\"id\" : 1, \"id\" : \"secret-x\"}", MASKER).contains("secret-x"));
    }

    @Test
    void textThatIsNotJsonIsMaskedWhole() {
        String masked = json(ROWS).mask("[{\"id\": 1, \"email\": \"a.b@example.com\"", MASKER);
        assertFalse(masked.contains("example"), masked);
        assertFalse(masked.contains("id"), masked);
    }

    @Test
    void nullStrategyGivesJsonNullAndValuesOfAnyTypeBecomeStrings() {
        DocumentPart part = fields(Format.JSON, new String[] {"n", "card"}, new DocumentPart.Value(MaskingStrategy.NULL),
                new DocumentPart.Value(MaskingStrategy.PARTIAL));
        assertEquals("{\"n\": null, \"card\": \"************1111\"}",
                json(part).mask("{\"n\": \"x\", \"card\": 4111111111111111}", MASKER));
    }

    @Test
    void postgresArraysAndRowsStayValidLiterals() {
        DocumentMask array = new DocumentMask(new DocumentPart.Elements(Format.ARRAY, REDACT), MaskingStrategy.REDACT, true);
        assertEquals("{****,NULL,****}", array.mask("{a,NULL,\"b, c\"}", MASKER));
        DocumentMask row = new DocumentMask(fields(Format.ROW, new String[] {"f1", "f2", "f3"}, PLAIN,
                new DocumentPart.Value(MaskingStrategy.PARTIAL), PLAIN), MaskingStrategy.REDACT, true);
        // the quoted value is unquoted before masking; innocent fields are copied as written, quotes and all
        String partial = MASKER.maskString("4111 1111 1234", MaskingStrategy.PARTIAL);
        assertEquals("(1," + partial + ",\"x, \"\"y\"\"\")", row.mask("(1,\"4111 1111 1234\",\"x, \"\"y\"\"\")", MASKER));
        String empty = "(1,,x)";
        assertSame(empty, row.mask(empty, MASKER), "a NULL field needs nothing");
    }

    @Test
    void h2ArraysAndRowsAreMaskedWhole() {
        DocumentMask h2 = new DocumentMask(new DocumentPart.Elements(Format.ARRAY, EMAIL), MaskingStrategy.EMAIL, false);
        String masked = h2.mask("[a.b@example.com, c@example.org]", MASKER);
        assertTrue(masked.startsWith("<email:") && !masked.contains("example"), masked);
    }
}
