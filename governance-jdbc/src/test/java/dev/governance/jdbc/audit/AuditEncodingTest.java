package dev.governance.jdbc.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writer's own JSON and timestamp encoders produce exactly what Jackson and {@code DateTimeFormatter} produce
 * (so records read the same whichever wrote them), for every kind of text: escapes, controls, non-ASCII, emoji.
 */
class AuditEncodingTest {
    private static final Random RANDOM = new Random(17);

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("", "plain", "quote \" backslash \\ slash /",
                "\b\t\n\f\r\u0000\u0001\u001f\u007f", "Zürich – 東京 – \uD83D\uDE00", "\u2028\u2029", "null"));
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = RANDOM.nextInt(40);
            for (int j = 0; j < length; j++) {
                switch (RANDOM.nextInt(5)) {
                    case 0 -> b.append((char) RANDOM.nextInt(0x20));
                    case 1 -> b.append((char) (0x20 + RANDOM.nextInt(0x60)));
                    case 2 -> b.append((char) (0x80 + RANDOM.nextInt(0x780)));
                    case 3 -> b.append((char) (0x800 + RANDOM.nextInt(0xd000)));
                    default -> b.appendCodePoint(0x10000 + RANDOM.nextInt(0xfffff));
                }
            }
            texts.add(b.toString());
        }
        return texts;
    }

    @Test
    void sameBytesAsJackson() throws IOException {
        for (String text : texts()) {
            long number = RANDOM.nextLong() >> RANDOM.nextInt(64);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (JsonGenerator g = new JsonFactory().createGenerator(expected)) {
                g.writeStartObject();
                g.writeNumberField("seq", number);
                g.writeStringField("sql", text);
                g.writeNullField("error");
                g.writeObjectFieldStart("identity");
                g.writeStringField("subject", null);
                g.writeArrayFieldStart("groups");
                g.writeString(text);
                g.writeString("x");
                g.writeEndArray();
                g.writeArrayFieldStart("none");
                g.writeEndArray();
                g.writeBooleanField("verified", number > 0);
                g.writeEndObject();
                g.writeNumberField("extremes", number > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
                g.writeEndObject();
            }
            JsonBytes g = new JsonBytes();
            g.reset();
            g.writeStartObject();
            g.writeNumberField("seq", number);
            g.writeStringField("sql", text);
            g.writeNullField("error");
            g.writeObjectFieldStart("identity");
            g.writeStringField("subject", null);
            g.writeArrayFieldStart("groups");
            g.writeString(text);
            g.writeString("x");
            g.writeEndArray();
            g.writeArrayFieldStart("none");
            g.writeEndArray();
            g.writeBooleanField("verified", number > 0);
            g.writeEndObject();
            g.writeNumberField("extremes", number > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
            g.writeEndObject();
            assertArrayEquals(expected.toByteArray(), g.toByteArray(), () -> "for " + escapeForMessage(text));
            assertEquals(text, new ObjectMapper().readTree(g.toByteArray()).get("sql").asText());
        }
    }

    /**
     * One encoder over many records, as the writer uses it: names and values come from its caches of encoded
     * strings (by identity) once seen, and more names than the name cache holds still encode right.
     */
    @Test
    void aReusedEncoderWritesCachedNamesAndValuesAsJacksonDoes() throws IOException {
        List<String> texts = texts();
        for (int round = 0; round < 3; round++) {
            JsonBytes g = new JsonBytes();
            for (int i = 0; i < texts.size(); i++) {
                String name = texts.get(i);
                String value = texts.get((i * 7 + round) % texts.size());
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                try (JsonGenerator j = new JsonFactory().createGenerator(expected)) {
                    j.writeStartObject();
                    j.writeStringField(name, value);
                    j.writeStringField("type", value);
                    j.writeArrayFieldStart(value);
                    j.writeString(name);
                    j.writeEndArray();
                    j.writeEndObject();
                }
                g.reset();
                g.writeStartObject();
                g.writeStringField(name, value);
                g.writeStringField("type", value);
                g.writeArrayFieldStart(value);
                g.writeString(name);
                g.writeEndArray();
                g.writeEndObject();
                assertArrayEquals(expected.toByteArray(), g.toByteArray(), () -> "for " + escapeForMessage(name));
            }
        }
    }

    @Test
    void loneSurrogatesAreKeptAsEscapes() throws IOException {
        JsonBytes g = new JsonBytes();
        g.reset();
        g.writeStartObject();
        g.writeStringField("sql", "a\uD800b\uDC00");
        g.writeEndObject();
        assertEquals("{\"sql\":\"a\\uD800b\\uDC00\"}", new String(g.toByteArray(), StandardCharsets.US_ASCII));
        assertEquals("a\uD800b\uDC00", new ObjectMapper().readTree(g.toByteArray()).get("sql").asText());
    }

    @Test
    void bufferIsReused() {
        JsonBytes g = new JsonBytes();
        for (int i = 0; i < 3; i++) {
            g.reset();
            g.writeStartObject();
            g.writeStringField("long", "x".repeat(5_000));
            g.writeEndObject();
            assertEquals(5_011, g.size()); // {"long":"x…x"}
        }
    }

    @Test
    void timestampsAsTheFormatterWritesThem() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(ZoneOffset.UTC);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2000-02-29T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59.000001Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("-0001-12-31T00:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2026-12-07T01:30:00.123456Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(RANDOM.nextLong(-62_167_219_200L, 253_402_300_800L),
                    RANDOM.nextInt(1_000_000) * 1_000L));
        }
        for (Instant instant : instants) {
            assertEquals(formatter.format(instant), Timestamps.format(instant));
        }
    }

    private static String escapeForMessage(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
