package dev.governance.jdbc.sql;

import java.util.List;

/**
 * The values behind the markers of one use of a cached parse: the literals of this text (by marker number) and
 * the bound parameters (index 0 = parameter 1), or none when nothing was bound yet.
 */
record Values(List<Object> literals, List<Object> parameters) {

    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "UNKNOWN";
        }
    };

    boolean bound() {
        return parameters != null;
    }

    /** Literal marker k, or UNKNOWN. */
    Object literal(long k) {
        return k >= 0 && k < literals.size() ? literals.get((int) k) : UNKNOWN;
    }

    /** Parameter n (1-based), or UNKNOWN when unbound or unset. */
    Object parameter(int n) {
        if (parameters == null || n < 1 || n > parameters.size()) {
            return UNKNOWN;
        }
        Object v = parameters.get(n - 1);
        return v == null ? UNKNOWN : v;
    }
}
