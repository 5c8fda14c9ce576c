package dev.governance.jdbc.console.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A stored record's JSON as a tree, or null when the line is no JSON object. */
final class Records {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Records() {
    }

    static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
