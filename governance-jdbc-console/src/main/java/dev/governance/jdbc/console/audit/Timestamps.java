package dev.governance.jdbc.console.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code ts} of a record, or null when it has none that parses. */
final class Timestamps {
    private Timestamps() {
    }

    static Instant of(JsonNode record) {
        String ts = record.path("ts").asText(null);
        if (ts == null) {
            return null;
        }
        try {
            return Instant.parse(ts);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
