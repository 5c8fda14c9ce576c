package dev.governance.jdbc.masking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Masks a JSON document built from whole rows ({@code json_agg(c)}, {@code row_to_json(c)}, {@code to_jsonb(c)})
 * field by field: the keys are the row's column names, so the value under a sensitive column's key is masked with
 * that column's strategy and every other field stays as it is. A key that names no column of the row, or a value
 * outside any object, is masked with the strictest strategy (fail closed); text that isn't JSON is redacted whole.
 * The document stays valid JSON; one that needs no change is returned as the same string.
 *
 * @param columns   every column of the row, lower case, to its strategy (null value: not sensitive)
 * @param strictest the strategy for what no column accounts for
 */
public record JsonFields(Map<String, MaskingStrategy> columns, MaskingStrategy strictest) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document with sensitive fields masked (and other strings scanned); the same string when nothing changed. */
    String mask(String document, Masker masker) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            return masker.maskString(document, MaskingStrategy.REDACT);
        }
        if (root == null) {
            return masker.maskString(document, MaskingStrategy.REDACT);
        }
        boolean[] changed = {false};
        JsonNode masked = root.isObject() ? row(root, masker, changed) : rows(root, masker, changed);
        if (!changed[0]) {
            return document;
        }
        try {
            return JSON.writeValueAsString(masked);
        } catch (JsonProcessingException e) {
            return masker.maskString(document, MaskingStrategy.REDACT);
        }
    }

    /** The document's array: each element a row; anything else is unaccounted for. */
    private JsonNode rows(JsonNode array, Masker masker, boolean[] changed) {
        if (!array.isArray()) {
            return value(array, strictest, masker, changed, 0);
        }
        ArrayNode out = ((ArrayNode) array).deepCopy();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            out.set(i, element.isObject() ? row(element, masker, changed) : value(element, strictest, masker, changed, 0));
        }
        return out;
    }

    /** One row: its keys are column names; each value as its column says. */
    private JsonNode row(JsonNode object, Masker masker, boolean[] changed) {
        ObjectNode out = ((ObjectNode) object).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey().toLowerCase(Locale.ROOT);
            MaskingStrategy s = columns.containsKey(key) ? columns.get(key) : strictest;
            out.set(field.getKey(), value(field.getValue(), s, masker, changed, 1));
        }
        return out;
    }

    /** A value under a column: masked throughout with {@code s}, or (null: innocent) its strings scanned. */
    private JsonNode value(JsonNode node, MaskingStrategy s, Masker masker, boolean[] changed, int depth) {
        if (depth > 64) {
            changed[0] = true;
            return TextNode.valueOf(Masker.REDACTED);
        }
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.set(field.getKey(), value(field.getValue(), s, masker, changed, depth + 1));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).deepCopy();
            for (int i = 0; i < node.size(); i++) {
                out.set(i, value(node.get(i), s, masker, changed, depth + 1));
            }
            return out;
        }
        if (node.isNull()) {
            return node;
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        if (s != null) {
            changed[0] = true;
            String masked = masker.maskString(text, s == MaskingStrategy.DEFAULT ? MaskingStrategy.REDACT : s);
            return masked == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : TextNode.valueOf(masked);
        }
        if (node.isTextual()) {
            String scanned = masker.maskEmbedded(text);
            if (scanned != text) {
                changed[0] = true;
                return TextNode.valueOf(scanned);
            }
        }
        return node;
    }
}
