package dev.governance.jdbc.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy document as a tree that remembers where each value and key stood, so that a validation error can
 * name the line. Built from Jackson's streaming tokens (YAML or JSON) by {@link PolicyLoader}.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {

    int line();

    String path();

    /** A mapping; {@code keyLines} holds the line of each key. */
    record MapNode(int line, String path, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
            keyLines = new LinkedHashMap<>(keyLines);
        }
    }

    record ListNode(int line, String path, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar; {@code kind} tells strings, whole numbers, other numbers, booleans and null apart. {@code text} is
     * the value as written (YAML reads {@code off} as false: a field expecting text still gets "off").
     */
    record Scalar(int line, String path, Kind kind, String text) implements Node {
        enum Kind { STRING, INTEGER, NUMBER, TRUE, FALSE, NULL }
    }
}
