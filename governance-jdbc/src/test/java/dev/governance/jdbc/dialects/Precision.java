package dev.governance.jdbc.dialects;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Compares what an agent reads with what the raw driver reads, cell by cell. */
final class Precision {
    private Precision() {
    }

    /** Every cell of the agent's result equals the raw driver's. */
    static void sameAsRaw(Connection agent, Connection raw, String sql) throws SQLException {
        assertEquals(SchemaFixture.rows(raw, sql), SchemaFixture.rows(agent, sql), sql);
    }

    /** Every cell equals the raw driver's except the columns listed (0-based), which differ and hide the values. */
    static void sameExcept(Connection agent, Connection raw, String sql, List<Integer> masked, List<String> secrets)
            throws SQLException {
        List<List<String>> expected = SchemaFixture.rows(raw, sql);
        List<List<String>> actual = SchemaFixture.rows(agent, sql);
        assertEquals(expected.size(), actual.size(), sql);
        for (int r = 0; r < expected.size(); r++) {
            for (int col = 0; col < expected.get(r).size(); col++) {
                String want = expected.get(r).get(col);
                String got = actual.get(r).get(col);
                if (masked.contains(col)) {
                    if (want != null) {
                        assertFalse(want.equals(got), sql + " column " + col + " not masked: " + got);
                    }
                } else {
                    assertEquals(want, got, sql + " row " + r + " column " + col);
                }
                for (String secret : secrets) {
                    assertFalse(got != null && got.contains(secret), sql + " leaked " + secret + ": " + got);
                }
            }
        }
    }
}
