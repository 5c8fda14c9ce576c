package dev.governance.jdbc.maskingattacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The leak probes can't leave a getter out: every getter of the JDBC interfaces is called, and a new one is noticed. */
class ReflectiveGettersTest {

    @Test
    void everyResultSetAndCallableStatementGetterIsProbed() {
        for (Class<?> iface : List.of(ResultSet.class, CallableStatement.class)) {
            assertEquals(List.of(), ReflectiveGetters.coverageProblems(iface, ReflectiveGetters.NOT_CELL_READS.get(iface)),
                    iface.getSimpleName());
            Set<Method> called = ReflectiveGetters.calls(iface).stream().map(ReflectiveGetters.Call::method)
                    .collect(Collectors.toSet());
            Method[] all = iface == CallableStatement.class ? iface.getDeclaredMethods() : iface.getMethods();
            for (Method m : all) {
                if (m.getName().startsWith("get") && m.getParameterCount() > 0) {
                    assertTrue(called.contains(m), () -> ReflectiveGetters.signature(m) + " is not probed");
                }
            }
        }
    }

    @Test
    void theResultSetProbeIsTheReflectiveList() {
        Set<String> names = LeakProbe.GETTERS.stream().map(LeakProbe.NamedGetter::name).collect(Collectors.toSet());
        for (String getter : List.of("getDouble(index)", "getFloat(label)", "getInt(index)", "getShort(index)",
                "getByte(label)", "getObject(index,Double.class)", "getObject(label,Integer.class)",
                "getObject(index,BigInteger.class)", "getObject(index,LocalDate.class)", "getBigDecimal(index,2)",
                "getTimestamp(label,Calendar)", "getUnicodeStream(index)", "getObject(index,{VARCHAR=class java.lang.String})")) {
            assertTrue(names.contains(getter), getter + " missing from " + names);
        }
        assertEquals(ReflectiveGetters.calls(ResultSet.class).size(), LeakProbe.GETTERS.size());
    }

    /** A getter added to the interface with a parameter the probe can't fill fails the coverage check. */
    interface ResultSetWithANewTypedGetter extends ResultSet {
        Duration getDuration(int columnIndex, ChronoUnit unit);
    }

    /** A getter added without a column parameter must be listed as a non-cell read, or the coverage check fails. */
    interface ResultSetWithANewMetadataGetter extends ResultSet {
        String getCharset();
    }

    /** A getter added with a column parameter only is probed at once, by construction. */
    interface ResultSetWithANewPlainGetter extends ResultSet {
        Duration getDuration(int columnIndex);
    }

    @Test
    void aNewGetterFailsTheCoverageCheckOrIsProbed() {
        Set<String> notCell = ReflectiveGetters.NOT_CELL_READS.get(ResultSet.class);
        List<String> typed = ReflectiveGetters.coverageProblems(ResultSetWithANewTypedGetter.class, notCell);
        assertEquals(1, typed.size(), typed::toString);
        assertTrue(typed.get(0).startsWith("getDuration(int,ChronoUnit)"), typed::toString);

        List<String> metadata = ReflectiveGetters.coverageProblems(ResultSetWithANewMetadataGetter.class, notCell);
        assertEquals(List.of("getCharset(): neither a column getter nor a listed non-cell read"), metadata);

        assertEquals(List.of(), ReflectiveGetters.coverageProblems(ResultSetWithANewPlainGetter.class, notCell));
        assertTrue(ReflectiveGetters.calls(ResultSetWithANewPlainGetter.class).stream()
                .anyMatch(c -> c.name().equals("getDuration(index)")));
        assertFalse(Arrays.stream(ResultSet.class.getMethods()).anyMatch(m -> m.getName().equals("getDuration")));
    }

    @Test
    void aListedNonCellReadThatIsGoneIsReported() {
        List<String> problems = ReflectiveGetters.coverageProblems(ResultSet.class,
                Set.of("getConcurrency", "getCursorName", "getFetchDirection", "getFetchSize", "getHoldability",
                        "getMetaData", "getRow", "getStatement", "getType", "getWarnings", "getRowCount"));
        assertEquals(List.of("getRowCount: listed as a non-cell read but not a getter of ResultSet"), problems);
    }
}
