package dev.governance.jdbc.maskingattacks;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every way of reading a cell of a {@link ResultSet} or an OUT parameter of a {@link CallableStatement}, found by
 * reflection so that none can be left out: each public {@code get…} method whose first parameter is a column
 * (index or label), called with every argument the other parameters can take ({@code getObject(…, Class)} with
 * every standard target type). A getter whose extra parameters this class can't supply fails the construction,
 * and a new getter without a column parameter fails {@link #coverageProblems}: either way a getter added to the
 * interface can't go unprobed.
 */
final class ReflectiveGetters {

    /** Getters that read no cell (they describe the result or the statement). Checked to be exactly those. */
    static final Map<Class<?>, Set<String>> NOT_CELL_READS = Map.of(
            ResultSet.class, Set.of("getConcurrency", "getCursorName", "getFetchDirection", "getFetchSize",
                    "getHoldability", "getMetaData", "getRow", "getStatement", "getType", "getWarnings"),
            CallableStatement.class, Set.of());

    /** Target types of {@code getObject(column, Class)}: every standard JDBC and {@code java.time} mapping. */
    static final List<Class<?>> OBJECT_TYPES = List.of(
            String.class, CharSequence.class, Object.class, Object[].class, byte[].class, Character.class,
            Boolean.class, Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class,
            BigInteger.class, BigDecimal.class, Number.class,
            java.util.Date.class, java.sql.Date.class, java.sql.Time.class, java.sql.Timestamp.class,
            LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetTime.class, OffsetDateTime.class,
            ZonedDateTime.class, Instant.class, UUID.class, URL.class,
            Clob.class, NClob.class, Blob.class, InputStream.class, Reader.class, Array.class, SQLXML.class,
            Struct.class, Ref.class, RowId.class, ResultSet.class, Map.class);

    /** One call of one getter: {@code name} says which overload and which extra arguments. */
    record Call(String name, Method method, boolean byLabel, Object[] extra) {
        Object invoke(Object target, int index, String label) throws SQLException {
            Object[] args = new Object[1 + extra.length];
            args[0] = byLabel ? label : (Object) index;
            System.arraycopy(extra, 0, args, 1, extra.length);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException s) {
                    throw s;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(name + " threw " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private ReflectiveGetters() {
    }

    /** Every call of every column getter of {@code iface} (for CallableStatement: the getters it declares). */
    static List<Call> calls(Class<?> iface) {
        List<Call> out = new ArrayList<>();
        for (Method m : columnGetters(iface)) {
            boolean byLabel = m.getParameterTypes()[0] == String.class;
            for (Object[] extra : extraArguments(m)) {
                out.add(new Call(describe(m, extra), m, byLabel, extra));
            }
        }
        return List.copyOf(out);
    }

    /** The public {@code get…} methods of {@code iface} whose first parameter is a column index or label. */
    static List<Method> columnGetters(Class<?> iface) {
        return getters(iface).stream().filter(m -> m.getParameterCount() > 0
                        && (m.getParameterTypes()[0] == int.class || m.getParameterTypes()[0] == String.class))
                .sorted(Comparator.comparing(ReflectiveGetters::signature)).toList();
    }

    /**
     * What keeps {@code iface}'s getters from being fully probed (empty when nothing does): a getter that is neither
     * a column getter nor a listed non-cell read, a listed name that no longer exists, a column getter whose extra
     * parameters have no arguments.
     */
    static List<String> coverageProblems(Class<?> iface, Set<String> notCellReads) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Method m : getters(iface)) {
            seen.add(m.getName());
            boolean column = m.getParameterCount() > 0
                    && (m.getParameterTypes()[0] == int.class || m.getParameterTypes()[0] == String.class);
            if (column) {
                try {
                    if (extraArguments(m).isEmpty()) {
                        problems.add(signature(m) + ": no arguments");
                    }
                } catch (IllegalStateException e) {
                    problems.add(e.getMessage());
                }
            } else if (!notCellReads.contains(m.getName()) || m.getParameterCount() > 0) {
                problems.add(signature(m) + ": neither a column getter nor a listed non-cell read");
            }
        }
        for (String name : notCellReads) {
            if (!seen.contains(name)) {
                problems.add(name + ": listed as a non-cell read but not a getter of " + iface.getSimpleName());
            }
        }
        return problems;
    }

    private static List<Method> getters(Class<?> iface) {
        Method[] methods = iface == CallableStatement.class ? iface.getDeclaredMethods() : iface.getMethods();
        return Arrays.stream(methods)
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getName().startsWith("get"))
                .toList();
    }

    /** Every combination of arguments for the parameters after the column; throws for a type it doesn't know. */
    static List<Object[]> extraArguments(Method m) {
        List<Object[]> combos = new ArrayList<>();
        combos.add(new Object[0]);
        Class<?>[] types = m.getParameterTypes();
        for (int p = 1; p < types.length; p++) {
            List<Object> values = valuesOf(types[p], m);
            List<Object[]> next = new ArrayList<>();
            for (Object[] combo : combos) {
                for (Object v : values) {
                    Object[] longer = Arrays.copyOf(combo, combo.length + 1);
                    longer[combo.length] = v;
                    next.add(longer);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static List<Object> valuesOf(Class<?> type, Method m) {
        if (type == int.class) {
            return List.of(2); // getBigDecimal(column, scale)
        }
        if (type == Calendar.class) {
            return List.of(Calendar.getInstance(TimeZone.getTimeZone("UTC")));
        }
        if (type == Map.class) {
            return List.of(Map.of(), Map.of("VARCHAR", String.class));
        }
        if (type == Class.class) {
            return List.copyOf(OBJECT_TYPES);
        }
        throw new IllegalStateException(signature(m) + ": no arguments known for a parameter of type "
                + type.getName() + " (teach ReflectiveGetters how to call it)");
    }

    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static String describe(Method m, Object[] extra) {
        StringBuilder b = new StringBuilder(m.getName()).append('(')
                .append(m.getParameterTypes()[0] == String.class ? "label" : "index");
        for (Object e : extra) {
            b.append(',').append(e instanceof Class<?> c ? c.getSimpleName() + ".class"
                    : e instanceof Calendar ? "Calendar" : String.valueOf(e));
        }
        return b.append(')').toString();
    }
}
