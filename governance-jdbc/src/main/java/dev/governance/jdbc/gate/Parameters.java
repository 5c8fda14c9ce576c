package dev.governance.jdbc.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The values bound to a prepared statement's parameters, kept so the gate can decide with them (for example
 * {@code WHERE ? = ?} bound to equal values) and approvals can match "same statement, same parameters".
 * Streams and readers are kept as {@link #OPAQUE}: their content is never read by the gate.
 */
public final class Parameters {
    /** Stands for a value the gate can't see (streams, readers, LOBs). */
    public static final Object OPAQUE = new Object() {
        @Override
        public String toString() {
            return "<opaque>";
        }
    };

    private Object[] values = new Object[8];
    private int count;

    /** Records the value of parameter {@code index} (1-based). */
    public void set(int index, Object value) {
        if (index < 1) {
            return; // the real driver rejects it; nothing to remember
        }
        if (index > values.length) {
            values = Arrays.copyOf(values, Math.max(index, values.length * 2));
        }
        values[index - 1] = value;
        if (index > count) {
            count = index;
        }
    }

    public void clear() {
        Arrays.fill(values, 0, count, null);
        count = 0;
    }

    /** An immutable snapshot (index 0 = parameter 1); nulls for unset or SQL NULL. */
    public List<Object> snapshot() {
        if (count == 0) {
            return List.of();
        }
        return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(values, count)));
    }
}
