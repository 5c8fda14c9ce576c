package dev.governance.jdbc.mcp;

import java.util.Map;

/** A tool call's arguments, checked: a bad one is the caller's error, named in the result. */
record Arguments(Map<String, Object> values) {
    Arguments {
        values = values == null ? Map.of() : values;
    }

    String text(String name) {
        Object v = values.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("argument '" + name + "' is required (a non-empty string)");
        }
        return s;
    }

    String optionalText(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a string");
        }
        return s.isBlank() ? null : s;
    }

    int number(String name, int defaultValue, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < min
                || n.longValue() > max) {
            throw new IllegalArgumentException("argument '" + name + "' must be a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }

    boolean flag(String name) {
        Object v = values.get(name);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("argument '" + name + "' must be true or false");
        }
        return b;
    }
}
