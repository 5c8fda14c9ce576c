package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bound parameters decide afresh every execution: a prepared statement first run with harmless values
 * must still be refused when the same statement is bound to values that make its WHERE always true.
 */
class PreparedPoisoningTest {

    enum Run { EXECUTE, EXECUTE_UPDATE, EXECUTE_LARGE_UPDATE, BATCH, NEW_STATEMENT }

    static Stream<Arguments> cases() {
        Object[][] shapes = {
            // sql, harmless parameters, dangerous parameters
            {"DELETE FROM orders WHERE ? = ?", new Object[] {1, 2}, new Object[] {1, 1}},
            {"DELETE FROM orders WHERE ? = ?", new Object[] {"a", "b"}, new Object[] {"a", "a"}},
            {"DELETE FROM orders WHERE ?", new Object[] {false}, new Object[] {true}},
            {"UPDATE orders SET status = 'x' WHERE id = ? OR ? = ?", new Object[] {1, 1, 2}, new Object[] {1, 3, 3}},
            {"DELETE FROM orders WHERE ? LIKE ?", new Object[] {"b", "a%"}, new Object[] {"a", "%"}},
            {"DELETE FROM orders WHERE id = ? OR ?", new Object[] {1, false}, new Object[] {1, true}},
            {"DELETE FROM orders WHERE ? BETWEEN ? AND ?", new Object[] {5, 0, 2}, new Object[] {1, 0, 2}},
            {"DELETE FROM orders WHERE ? IN (?, ?)", new Object[] {1, 2, 3}, new Object[] {1, 2, 1}},
            {"DELETE FROM orders WHERE ? > ?", new Object[] {1, 2}, new Object[] {2, 1}},
            {"DELETE FROM orders WHERE 1 = ?", new Object[] {2}, new Object[] {1}},
            {"DELETE FROM orders WHERE ? = 'a'", new Object[] {"b"}, new Object[] {"a"}},
            {"DELETE FROM orders WHERE NOT ?", new Object[] {true}, new Object[] {false}},
            {"DELETE FROM orders WHERE ? IS NULL", new Object[] {1}, new Object[] {null}},
            {"UPDATE orders SET status = ? WHERE ? <> ?", new Object[] {"x", 1, 1}, new Object[] {"x", 1, 2}},
            {"DELETE FROM orders WHERE status = ? OR ? = ?", new Object[] {"a", 1, 2}, new Object[] {"a", 7, 7}},
        };
        Stream.Builder<Arguments> out = Stream.builder();
        for (Object[] shape : shapes) {
            for (Run run : Run.values()) {
                out.add(Arguments.of(shape[0], shape[1], shape[2], run));
            }
        }
        return out.build();
    }

    @ParameterizedTest(name = "{3} {0}")
    @MethodSource("cases")
    void boundValuesDecide(String sql, Object[] harmless, Object[] dangerous, Run run) throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection service = TestConnections.open(url, TestConnections.service());
                Connection agent = TestConnections.open(url, Guard.agent())) {
            Guard.createSchema(service);
            String before = Guard.snapshot(service);
            Throwable thrown = null;
            String afterHarmless = before;
            try (PreparedStatement p = agent.prepareStatement(sql)) {
                bind(p, harmless);
                if (run == Run.BATCH) {
                    p.addBatch();
                    try {
                        bind(p, dangerous);
                        p.addBatch();
                        p.executeBatch();
                    } catch (Throwable t) {
                        thrown = t;
                    }
                } else {
                    p.execute();
                    afterHarmless = Guard.snapshot(service);
                    try {
                        if (run == Run.NEW_STATEMENT) {
                            try (PreparedStatement again = agent.prepareStatement(sql)) {
                                bind(again, dangerous);
                                again.executeUpdate();
                            }
                        } else {
                            bind(p, dangerous);
                            switch (run) {
                                case EXECUTE -> p.execute();
                                case EXECUTE_UPDATE -> p.executeUpdate();
                                default -> p.executeLargeUpdate();
                            }
                        }
                    } catch (Throwable t) {
                        thrown = t;
                    }
                }
            }
            assertEquals(run == Run.BATCH ? before : afterHarmless, Guard.snapshot(service),
                    "rows changed: the always-true binding ran (or a refused batch ran its harmless part)");
            Guard.assertRefusal(thrown, "42501", Set.of("agent-no-unbounded-change"), run + " " + sql);
            Guard.assertUsable(agent, true, sql);
        }
    }

    static void bind(PreparedStatement p, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            p.setObject(i + 1, values[i]);
        }
    }
}
