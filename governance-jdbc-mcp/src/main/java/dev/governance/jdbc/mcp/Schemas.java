package dev.governance.jdbc.mcp;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the tools' input schemas (JSON Schema objects). */
final class Schemas {
    private Schemas() {
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> integer(String description, int min, int max) {
        return Map.of("type", "integer", "description", description, "minimum", min, "maximum", max);
    }

    static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    /** An object schema; {@code properties} in order: name, schema, name, schema, … */
    static Map<String, Object> object(List<String> required, Object... properties) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            props.put((String) properties[i], properties[i + 1]);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", props);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    static McpSchema.Tool tool(String name, String description, Map<String, Object> input, boolean readOnly) {
        return McpSchema.Tool.builder().name(name).description(description).inputSchema(input)
                .annotations(new McpSchema.ToolAnnotations(null, readOnly, false, readOnly, false, null))
                .build();
    }
}
