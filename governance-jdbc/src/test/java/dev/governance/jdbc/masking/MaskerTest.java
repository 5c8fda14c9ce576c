package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.ConfigurationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MaskerTest {
    private static final byte[] KEY_A = "key-a-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY_B = "key-b-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private final Masker masker = Masker.withKey(KEY_A);

    // ------------------------------------------------------------ parse

    @Test
    void parsesPolicyNames() {
        assertEquals(MaskingStrategy.REDACT, MaskingStrategy.parse("redact"));
        assertEquals(MaskingStrategy.EMAIL, MaskingStrategy.parse("email"));
        assertEquals(MaskingStrategy.PARTIAL, MaskingStrategy.parse(" Partial "));
        assertEquals(MaskingStrategy.HASH, MaskingStrategy.parse("HASH"));
        assertEquals(MaskingStrategy.NULL, MaskingStrategy.parse("null"));
        assertEquals(MaskingStrategy.DEFAULT, MaskingStrategy.parse("default"));
        for (MaskingStrategy s : MaskingStrategy.values()) {
            assertEquals(s, MaskingStrategy.parse(s.policyName()));
        }
        assertThrows(IllegalArgumentException.class, () -> MaskingStrategy.parse("scramble"));
        assertThrows(IllegalArgumentException.class, () -> MaskingStrategy.parse(null));
    }

    // ------------------------------------------------------------ text strategies

    @Test
    void redact() {
        assertEquals("****", masker.maskString("s3cr3t-password", MaskingStrategy.REDACT));
        assertEquals("****", masker.mask(12345, MaskingStrategy.REDACT));
    }

    @Test
    void emailPlaceholder() {
        String a = masker.maskString("bob@example.com", MaskingStrategy.EMAIL);
        assertTrue(a.matches("<email:[0-9a-f]{8}>"), a);
        assertEquals(a, masker.maskString("bob@example.com", MaskingStrategy.EMAIL), "stable");
        assertEquals(a, masker.maskString("Bob@Example.COM", MaskingStrategy.EMAIL), "case-insensitive");
        assertNotEquals(a, masker.maskString("alice@example.com", MaskingStrategy.EMAIL));
        assertNotEquals(a, Masker.withKey(KEY_B).maskString("bob@example.com", MaskingStrategy.EMAIL));
    }

    @Test
    void partialKeepsTheLastFour() {
        assertEquals("***************1111", masker.maskString("4111 1111 1111 1111", MaskingStrategy.PARTIAL));
        assertEquals("************1111", masker.maskString("4111111111111111", MaskingStrategy.PARTIAL));
        assertEquals("*******6789", masker.maskString("123-45-6789", MaskingStrategy.PARTIAL));
        assertEquals("****5678", masker.maskString("12345678", MaskingStrategy.PARTIAL));
        assertEquals("**********************3000",
                masker.maskString("DE89 3704 0044 0532 0130 00", MaskingStrategy.PARTIAL));
        assertEquals("****", masker.maskString("1234567", MaskingStrategy.PARTIAL), "short: fully masked");
        assertEquals("****", masker.maskString("123", MaskingStrategy.PARTIAL));
        assertEquals("****", masker.maskString("", MaskingStrategy.PARTIAL));
    }

    @Test
    void hashTokensAreStableAndDistinct() {
        String t = masker.maskString("bob@example.com", MaskingStrategy.HASH);
        assertTrue(t.matches("tok_[0-9a-f]{16}"), t);
        assertEquals(t, masker.maskString("bob@example.com", MaskingStrategy.HASH));
        assertEquals(t, Masker.withKey(KEY_A).maskString("bob@example.com", MaskingStrategy.HASH),
                "same key, another instance");
        assertEquals(t, masker.token("bob@example.com"));
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            tokens.add(masker.maskString("user" + i + "@example.com", MaskingStrategy.HASH));
        }
        assertEquals(10_000, tokens.size(), "distinct inputs give distinct tokens");
    }

    @Test
    void differentKeysGiveDifferentTokens() {
        Masker other = Masker.withKey(KEY_B);
        for (String v : List.of("bob@example.com", "4111111111111111", "x")) {
            assertNotEquals(masker.maskString(v, MaskingStrategy.HASH), other.maskString(v, MaskingStrategy.HASH));
        }
        assertNotEquals(masker.token("x"), Masker.processDefault().token("x"));
    }

    @Test
    void hashOfNonTextValues() {
        assertEquals(masker.mask(new BigDecimal("42.00"), MaskingStrategy.HASH),
                masker.mask(new BigDecimal("42"), MaskingStrategy.HASH));
        assertEquals(masker.token("42"), masker.mask(42L, MaskingStrategy.HASH));
        byte[] hashed = (byte[]) masker.mask("raw".getBytes(StandardCharsets.UTF_8), MaskingStrategy.HASH);
        assertEquals(masker.token("raw"), new String(hashed, StandardCharsets.UTF_8));
        assertArrayEquals("****".getBytes(StandardCharsets.UTF_8),
                (byte[]) masker.mask(new byte[] {1, 2, 3}, MaskingStrategy.REDACT));
    }

    @Test
    void hashingIsThreadSafe() throws Exception {
        // each thread has its own hash state and buffers: no thread ever sees another's half-written placeholder
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            values.add("Value-" + i + "@Example.com");
        }
        java.util.function.Function<String, String> all = v -> masker.token(v) + " "
                + masker.maskString(v, MaskingStrategy.EMAIL) + " " + masker.maskString(v, MaskingStrategy.PARTIAL);
        List<String> expected = values.stream().map(all).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> values.stream().map(all).toList()));
            }
            for (Future<List<String>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(MaskingStrategy.class)
    void nullStaysNull(MaskingStrategy s) {
        assertNull(masker.mask(null, s));
        assertNull(masker.maskString(null, s));
        assertNull(masker.mask("bob@example.com", MaskingStrategy.NULL));
    }

    // ------------------------------------------------------------ type-preserving default

    static Stream<Arguments> typedDefaults() {
        return Stream.of(
                Arguments.of(1234, 0),
                Arguments.of(1234L, 0L),
                Arguments.of((short) 12, (short) 0),
                Arguments.of((byte) 12, (byte) 0),
                Arguments.of(12.5d, 0.0d),
                Arguments.of(12.5f, 0.0f),
                Arguments.of(new BigDecimal("1234.56"), BigDecimal.ZERO),
                Arguments.of(new BigInteger("123456789012345678901234567890"), BigInteger.ZERO),
                Arguments.of(java.sql.Date.valueOf("1985-04-12"), java.sql.Date.valueOf("1970-01-01")),
                Arguments.of(java.sql.Timestamp.valueOf("1985-04-12 10:11:12"),
                        java.sql.Timestamp.valueOf("1970-01-01 00:00:00")),
                Arguments.of(java.sql.Time.valueOf("10:11:12"), java.sql.Time.valueOf("00:00:00")),
                Arguments.of(new java.util.Date(481_000_000_000L), new java.util.Date(0L)),
                Arguments.of(LocalDate.of(1985, 4, 12), LocalDate.of(1970, 1, 1)),
                Arguments.of(LocalDateTime.of(1985, 4, 12, 10, 11), LocalDateTime.of(1970, 1, 1, 0, 0)),
                Arguments.of(LocalTime.of(10, 11), LocalTime.MIDNIGHT),
                Arguments.of(OffsetDateTime.of(1985, 4, 12, 10, 11, 0, 0, ZoneOffset.ofHours(2)),
                        OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                Arguments.of(ZonedDateTime.of(1985, 4, 12, 10, 11, 0, 0, ZoneOffset.ofHours(2)),
                        ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                Arguments.of(OffsetTime.of(10, 11, 0, 0, ZoneOffset.ofHours(2)), OffsetTime.of(0, 0, 0, 0, ZoneOffset.UTC)),
                Arguments.of(Instant.parse("1985-04-12T10:11:12Z"), Instant.EPOCH),
                Arguments.of(Duration.ofHours(3), Duration.ZERO),
                Arguments.of(Boolean.TRUE, Boolean.FALSE),
                Arguments.of(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"), new UUID(0, 0)),
                Arguments.of('x', '*'),
                Arguments.of("1985-04-12", "****"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("typedDefaults")
    void defaultKeepsTheJavaType(Object value, Object expected) {
        Object masked = masker.mask(value, MaskingStrategy.DEFAULT);
        assertSame(value.getClass(), masked.getClass(), "type kept");
        assertEquals(expected, masked);
    }

    @Test
    void defaultOfBytesIsEmptyAndDatesAreFresh() {
        Object masked = masker.mask(new byte[] {1, 2, 3}, MaskingStrategy.DEFAULT);
        assertArrayEquals(new byte[0], (byte[]) masked);
        java.sql.Date d1 = (java.sql.Date) masker.mask(java.sql.Date.valueOf("1985-04-12"), MaskingStrategy.DEFAULT);
        d1.setTime(123_456_789L); // a caller mutating its copy must not change the next default
        assertEquals(java.sql.Date.valueOf("1970-01-01"),
                masker.mask(java.sql.Date.valueOf("1985-04-12"), MaskingStrategy.DEFAULT));
    }

    // ------------------------------------------------------------ embedded values

    @Test
    void masksJustTheEmbeddedMatch() {
        String out = masker.maskEmbedded("contact bob@example.com today");
        assertTrue(out.matches("contact <email:[0-9a-f]{8}> today"), out);
        assertEquals("contact " + masker.maskString("bob@example.com", MaskingStrategy.EMAIL) + " today", out);
        assertEquals("card ***************1111 on file", masker.maskEmbedded("card 4111 1111 1111 1111 on file"));
        assertEquals("key **** leaked", masker.maskEmbedded("key " + ValueScannerTest.AWS + " leaked"));
        assertEquals("ssn *******6789.", masker.maskEmbedded("ssn 123-45-6789."));
    }

    @Test
    void embeddedMaskingWithAnExplicitStrategy() {
        String out = masker.maskEmbedded("a bob@example.com b 4111111111111111", MaskingStrategy.HASH);
        assertEquals("a " + masker.token("bob@example.com") + " b " + masker.token("4111111111111111"), out);
        assertEquals("a **** b ****", masker.maskEmbedded("a bob@example.com b 4111111111111111",
                MaskingStrategy.NULL));
    }

    @Test
    void innocentTextIsReturnedAsIs() {
        String text = "shipped on 2026-11-25, order ORD-2026-000123";
        assertSame(text, masker.maskEmbedded(text));
        assertNull(masker.maskEmbedded(null));
    }

    @ParameterizedTest(name = "no leak of {1}: {0}")
    @MethodSource("dev.governance.jdbc.masking.ValueScannerTest#whole")
    void embeddedMaskingNeverLeaks(String value, SensitiveKind kind) {
        for (String text : List.of(value, "prefix " + value + " suffix", "[" + value + "]\n" + value,
                "x\t" + value + "\ty")) {
            String out = masker.maskEmbedded(text);
            LeakAssertions.assertNoLeak(out, value);
            for (MaskingStrategy s : MaskingStrategy.values()) {
                LeakAssertions.assertNoLeak(masker.maskEmbedded(text, s), value);
            }
        }
        for (MaskingStrategy s : MaskingStrategy.values()) {
            Object masked = masker.mask(value, s);
            LeakAssertions.assertNoLeak(masked == null ? null : masked.toString(), value);
        }
    }

    // ------------------------------------------------------------ keys

    @Test
    void keyFromFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("masking.key");
        Files.write(file, KEY_A);
        Masker fromFile = Masker.fromKeyFile(file);
        assertEquals(masker.token("bob@example.com"), fromFile.token("bob@example.com"));
        assertEquals(masker.token("x"), Masker.forKeyFile(file.toString()).token("x"));
        assertSame(Masker.processDefault(), Masker.forKeyFile(null));
        assertSame(Masker.processDefault(), Masker.processDefault());
    }

    @Test
    void badKeysAreConfigurationErrors(@TempDir Path dir) throws Exception {
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, "tooshort");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Masker.fromKeyFile(shortKey));
        assertEquals("VG000", e.getSQLState());
        assertThrows(ConfigurationException.class, () -> Masker.fromKeyFile(dir.resolve("missing.key")));
        assertThrows(IllegalArgumentException.class, () -> Masker.withKey(new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> Masker.withKey(null));
    }

    @Test
    void keyIsCopied() {
        byte[] key = KEY_A.clone();
        Masker m = Masker.withKey(key);
        String before = m.token("v");
        key[0] ^= 1;
        assertEquals(before, m.token("v"));
    }
}
