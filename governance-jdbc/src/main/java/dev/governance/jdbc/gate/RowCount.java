package dev.governance.jdbc.gate;

import java.sql.SQLException;

/** Tells how many rows a finished call changed (-1 when unknown or a query). */
@FunctionalInterface
public interface RowCount<T> {
    long of(T result) throws SQLException;

    static RowCount<Integer> ofInt() {
        return Integer::longValue;
    }

    static RowCount<Long> ofLong() {
        return Long::longValue;
    }

    static <T> RowCount<T> none() {
        return result -> -1;
    }

    static RowCount<int[]> ofBatch() {
        return counts -> {
            long total = 0;
            for (int c : counts) {
                total += Math.max(c, 0);
            }
            return total;
        };
    }

    static RowCount<long[]> ofLargeBatch() {
        return counts -> {
            long total = 0;
            for (long c : counts) {
                total += Math.max(c, 0);
            }
            return total;
        };
    }
}
