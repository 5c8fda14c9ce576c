package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueScannerTest {
    // Vendor tokens are assembled at run time so that the source itself holds nothing token-shaped.
    static final String GITHUB = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    static final String GITHUB_PAT = "github_pat_" + "11ABCDEFG0abcdefghijkl_" + "x".repeat(59);
    static final String GITLAB = "glpat-" + "xYz12-AbC34_dEf56gHi7";
    static final String SLACK = "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    static final String GOOGLE = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
    static final String STRIPE = "sk_live_" + "51HxYzAbCdEfGhIjKlMnOpQr";
    static final String AWS = "AKIA" + "IOSFODNN7EXAMPLE";
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    static final String PRIVATE_KEY = "-----BEGIN RSA PRIVATE " + "KEY-----\nMIIEowIBAAKCAQEA7x3kFake0Base64Body\n"
            + "q1w2e3r4t5y6u7i8o9p0\n-----END RSA PRIVATE " + "KEY-----";

    static Stream<Arguments> whole() {
        return Stream.of(
                Arguments.of("bob@example.com", SensitiveKind.EMAIL),
                Arguments.of("Bob.Smith+tag@mail.example.co.uk", SensitiveKind.EMAIL),
                Arguments.of("a@b.co", SensitiveKind.EMAIL),
                Arguments.of("+1 415 555 0123", SensitiveKind.PHONE),
                Arguments.of("+14155550123", SensitiveKind.PHONE),
                Arguments.of("+44 20 7946 0958", SensitiveKind.PHONE),
                Arguments.of("+44 (0)20 7946 0958", SensitiveKind.PHONE),
                Arguments.of("+1 (415) 555-0123", SensitiveKind.PHONE),
                Arguments.of("+49 30 1234567", SensitiveKind.PHONE),
                Arguments.of("(415) 555-0123", SensitiveKind.PHONE),
                Arguments.of("415-555-0123", SensitiveKind.PHONE),
                Arguments.of("415.555.0123", SensitiveKind.PHONE),
                Arguments.of("1-800-555-0199", SensitiveKind.PHONE),
                Arguments.of("+1-415-555-0123", SensitiveKind.PHONE),
                Arguments.of("123-45-6789", SensitiveKind.NATIONAL_ID),
                Arguments.of("078 05 1120", SensitiveKind.NATIONAL_ID),
                Arguments.of("4111 1111 1111 1111", SensitiveKind.PAYMENT_CARD),
                Arguments.of("4111-1111-1111-1111", SensitiveKind.PAYMENT_CARD),
                Arguments.of("4111111111111111", SensitiveKind.PAYMENT_CARD),
                Arguments.of("5555 5555 5555 4444", SensitiveKind.PAYMENT_CARD),
                Arguments.of("2223003122003222", SensitiveKind.PAYMENT_CARD),
                Arguments.of("3782 822463 10005", SensitiveKind.PAYMENT_CARD),
                Arguments.of("6011111111111117", SensitiveKind.PAYMENT_CARD),
                Arguments.of("4222222222222", SensitiveKind.PAYMENT_CARD),
                Arguments.of("DE89 3704 0044 0532 0130 00", SensitiveKind.IBAN),
                Arguments.of("DE89370400440532013000", SensitiveKind.IBAN),
                Arguments.of("GB82 WEST 1234 5698 7654 32", SensitiveKind.IBAN),
                Arguments.of("NL91ABNA0417164300", SensitiveKind.IBAN),
                Arguments.of("FR14 2004 1010 0505 0001 3M02 606", SensitiveKind.IBAN),
                Arguments.of("NO9386011117947", SensitiveKind.IBAN),
                Arguments.of(JWT, SensitiveKind.SECRET),
                Arguments.of(AWS, SensitiveKind.SECRET),
                Arguments.of("ASIA" + "Y34FZKBOKMUTVV7A", SensitiveKind.SECRET),
                Arguments.of(GITHUB, SensitiveKind.SECRET),
                Arguments.of("gho_" + GITHUB.substring(4), SensitiveKind.SECRET),
                Arguments.of("ghs_" + GITHUB.substring(4), SensitiveKind.SECRET),
                Arguments.of(GITHUB_PAT, SensitiveKind.SECRET),
                Arguments.of(GITLAB, SensitiveKind.SECRET),
                Arguments.of(SLACK, SensitiveKind.SECRET),
                Arguments.of("xoxp-" + SLACK.substring(5), SensitiveKind.SECRET),
                Arguments.of(GOOGLE, SensitiveKind.SECRET),
                Arguments.of(STRIPE, SensitiveKind.SECRET),
                Arguments.of(PRIVATE_KEY, SensitiveKind.SECRET),
                Arguments.of("-----BEGIN OPENSSH PRIVATE " + "KEY-----\nb3BlbnNzaC1rZXktdjE\n-----END OPENSSH PRIVATE "
                        + "KEY-----", SensitiveKind.SECRET),
                Arguments.of("-----BEGIN PGP PRIVATE " + "KEY BLOCK-----\n\nlQOYBF0=\n-----END PGP PRIVATE "
                        + "KEY BLOCK-----", SensitiveKind.SECRET));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("whole")
    void findsTheWholeValue(String value, SensitiveKind kind) {
        assertEquals(List.of(new ValueMatch(kind, 0, value.length())), ValueScanner.scan(value));
        assertTrue(ValueScanner.containsSensitive(value));
    }

    @ParameterizedTest(name = "{1} inside free text: {0}")
    @MethodSource("whole")
    void findsTheValueInsideFreeText(String value, SensitiveKind kind) {
        String text = "note: " + value + ", thanks";
        assertEquals(List.of(new ValueMatch(kind, 6, 6 + value.length())), ValueScanner.scan(text), text);
        String multiline = "line one\n(" + value + ")\nline three";
        assertEquals(List.of(new ValueMatch(kind, 10, 10 + value.length())), ValueScanner.scan(multiline));
    }

    @ParameterizedTest(name = "not sensitive: {0}")
    @ValueSource(strings = {
        "shipped", "42", "2026-11-25", "2026-11-25T10:00:00Z", "2026-11-25 10:00:00.123456",
        "2026-11-25T10:00:00+01:00", "Wed Nov 25 05:09:13 UTC 2026", "1732500000000", "20261125100000123",
        "550e8400-e29b-41d4-a716-446655440000", "12345678-1234-1234-1234-123456789012",
        "ORD-2026-000123", "order 4155550123", "order #4111111111111112", "version 1.2.3.4567",
        "10.212.555.1234", "v2.14.0-rc1", "192.168.1.1", "2001:db8::ff00:42:8329", "icon@2x.png",
        "user@localhost", "@mention me", "1,234,567.89", "978-3-16-148410-0",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "deadbeefcafebabe",
        "4111 1111 1111 1112", "1111 1111 1111 1117", "9111111111111111", "3111111111111119",
        "DE89 3704 0044 0532 0130 01", "DE89370400440532013", "XX89370400440532013000", "de89370400440532013000x",
        "000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "123-45-67890",
        "123-45 6789", "call 123-456-7890", "ext 015-555-0123", "+0123456789", "+1 415", "a+14155550123",
        "eyJhbGciOiJIUzI1NiJ9 alone", "eyJhbGciOiJIUzI1NiJ9.notjson.sig", "AKIA1234", "AKIAIOSFODNN7EXAMPLE1",
        "xAKIAIOSFODNN7EXAMPLE", "ghp_short", "sk_live_", "glpat-short", "xoxb-12", "AIzaShort",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "-----BEGIN PUBLIC KEY-----",
        "tracking 9400111899223344556677", "phone: n/a", "price 100 200 1000", "SKU 2024-0001-17",
        "total: 1234567890123 items", "mississippi", "tokenizer_config.json", "sk_ is a prefix",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt", ""})
    void innocentValuesAreNotFlagged(String value) {
        assertEquals(List.of(), ValueScanner.scan(value), value);
        assertFalse(ValueScanner.containsSensitive(value));
    }

    @ParameterizedTest(name = "whole value {1}: {0}")
    @MethodSource("whole")
    void kindOfWholeValue(String value, SensitiveKind kind) {
        assertEquals(kind, ValueScanner.kindOfWholeValue("  " + value + "\n"));
        assertEquals(null, ValueScanner.kindOfWholeValue("see " + value));
    }

    @Test
    void longHostileInputsStayLinear() {
        // 100k-character inputs: a quadratic matcher would need ~10^10 steps, a linear one milliseconds
        String[] hostile = {"a".repeat(100_000) + "@", "@".repeat(100_000), "1 ".repeat(50_000),
            "-----BEGIN ".repeat(10_000), "eyJ.".repeat(25_000), "+1".repeat(50_000), "DE89".repeat(25_000),
            ("x".repeat(60) + "@example").repeat(1_500), "4".repeat(100_000), "1-".repeat(50_000)};
        long start = System.nanoTime();
        for (String h : hostile) {
            ValueScanner.scan(h);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "hostile inputs took " + millis + " ms");
    }

    @Test
    void nullIsNotSensitive() {
        assertEquals(List.of(), ValueScanner.scan(null));
    }

    @Test
    void findsSeveralValuesInOrder() {
        String text = "Customer bob@example.com (+1 415 555 0123) paid with 4111 1111 1111 1111; SSN 123-45-6789, "
                + "IBAN DE89 3704 0044 0532 0130 00, key " + AWS + ".";
        List<ValueMatch> matches = ValueScanner.scan(text);
        assertEquals(List.of(SensitiveKind.EMAIL, SensitiveKind.PHONE, SensitiveKind.PAYMENT_CARD,
                SensitiveKind.NATIONAL_ID, SensitiveKind.IBAN, SensitiveKind.SECRET),
                matches.stream().map(ValueMatch::kind).toList());
        assertEquals("bob@example.com", text.substring(matches.get(0).start(), matches.get(0).end()));
        assertEquals(AWS, text.substring(matches.get(5).start(), matches.get(5).end()));
    }

    @Test
    void aPrivateKeyCutOffIsMaskedToTheEnd() {
        String text = "key: -----BEGIN PRIVATE " + "KEY-----\nMIIEvQIBADANBgkqhkiG9w0B (cut off) and more";
        assertEquals(List.of(new ValueMatch(SensitiveKind.SECRET, 5, text.length())), ValueScanner.scan(text));
    }

    @Test
    void aCardMayFollowAnUnrelatedNumber() {
        String text = "2026-11-25 4111 1111 1111 1111";
        assertEquals(List.of(new ValueMatch(SensitiveKind.PAYMENT_CARD, 11, text.length())), ValueScanner.scan(text));
    }

    @Test
    void sentenceFullStopIsNotPartOfTheEmail() {
        String text = "Write to alice@example.org.";
        assertEquals(List.of(new ValueMatch(SensitiveKind.EMAIL, 9, text.length() - 1)), ValueScanner.scan(text));
    }

    @Test
    void overlappingMatchesNeverLeaveAPartVisible() {
        List<ValueMatch> raw = new java.util.ArrayList<>(List.of(
                new ValueMatch(SensitiveKind.PHONE, 20, 30),
                new ValueMatch(SensitiveKind.EMAIL, 0, 10),
                new ValueMatch(SensitiveKind.PAYMENT_CARD, 25, 40),
                new ValueMatch(SensitiveKind.SECRET, 2, 8),
                new ValueMatch(SensitiveKind.IBAN, 50, 60)));
        assertEquals(List.of(new ValueMatch(SensitiveKind.EMAIL, 0, 10), new ValueMatch(SensitiveKind.PHONE, 20, 40),
                new ValueMatch(SensitiveKind.IBAN, 50, 60)), ValueScanner.result(raw));
    }

    @Test
    void checksums() {
        assertTrue(ValueScanner.luhn("79927398713", 0, 11));
        assertFalse(ValueScanner.luhn("79927398710", 0, 11));
        assertEquals(1, ValueScanner.ibanMod97("GB82 WEST 1234 5698 7654 32", 0, 27));
        assertTrue(ValueScanner.ibanMod97("GB82 WEST 1234 5698 7654 33", 0, 27) != 1);
    }

    @ParameterizedTest(name = "pre-filter rejects {0}")
    @ValueSource(strings = {"shipped", "42", "2026-11-25", "pending review", "ACME Corp", "eye", "gh_pages",
        "sk8", "-----", "19.99", "true", "a-b-c"})
    void preFilterRejectsInnocentValues(String value) {
        assertEquals(0, ValueScanner.prefilter(value));
    }

    /** Each keyword wakes its detector wherever it stands, also as the last characters of the text. */
    @ParameterizedTest(name = "pre-filter wakes {1} for {0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "eyJ, " + ValueScanner.JWT, "AKIA, " + ValueScanner.AWS, "ASIA, " + ValueScanner.AWS,
        "ABIA, " + ValueScanner.AWS, "ACCA, " + ValueScanner.AWS, "AIza, " + ValueScanner.GOOGLE,
        "ghp_, " + ValueScanner.GITHUB, "github_pat_, " + ValueScanner.GITHUB, "glpat-, " + ValueScanner.GITLAB,
        "xoxb-, " + ValueScanner.SLACK, "sk_, " + ValueScanner.STRIPE, "rk_, " + ValueScanner.STRIPE,
        "-----BEGIN, " + ValueScanner.PRIVATE_KEY, "@, " + ValueScanner.EMAIL})
    void preFilterWakesTheDetectorOfEachKeyword(String keyword, int detector) {
        for (String text : List.of(keyword, "see " + keyword + " here", "see: " + keyword, keyword + "tail")) {
            assertEquals(detector, ValueScanner.prefilter(text) & detector, text);
        }
        assertEquals(0, ValueScanner.prefilter("see " + keyword.substring(0, keyword.length() - 1)) & detector);
    }

    /** The no-match path must not allocate: masking runs on every cell of every result. */
    @Test
    void noMatchPathDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] innocent = {"shipped", "42", "2026-11-25", "2026-11-25T10:00:00Z", "ORD-2026-000123",
            "Lorem ipsum dolor sit amet", "550e8400-e29b-41d4-a716-446655440000", "1732500000000"};
        long sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up, so the JIT has compiled and escape-analysed the scan
            sink += ValueScanner.scan(innocent[i % innocent.length]).size();
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            sink += ValueScanner.scan(innocent[i % innocent.length]).size();
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertEquals(0, sink);
        assertTrue(allocated < 50_000, "allocated " + allocated + " bytes over 100000 innocent scans");
    }
}
