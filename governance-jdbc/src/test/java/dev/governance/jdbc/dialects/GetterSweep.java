package dev.governance.jdbc.dialects;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Calls every getter of {@link ResultSet} (found by reflection, by index and by label, with every argument form)
 * on every cell of a result, in a random order, and collects every exception that is not a {@link SQLException}:
 * the JDBC contract lets a caller expect nothing else.
 */
final class GetterSweep {

    /** A getter that threw something other than a SQLException. */
    record Escape(String sql, String getter, int column, String label, Throwable thrown) {
        @Override
        public String toString() {
            return sql + " :: " + getter + " on column " + column + " (" + label + ") threw " + thrown;
        }
    }

    static final List<Method> GETTERS = getters();

    private static final List<Class<?>> TARGET_TYPES = List.of(String.class, Object.class, byte[].class,
            Integer.class, Long.class, BigDecimal.class, Double.class, Boolean.class, LocalDate.class,
            LocalDateTime.class, OffsetDateTime.class, UUID.class, Array.class, Blob.class, Clob.class,
            InputStream.class, Reader.class, Object[].class, Map.class, java.sql.SQLXML.class, java.sql.Struct.class);

    private GetterSweep() {
    }

    private static List<Method> getters() {
        List<Method> out = new ArrayList<>();
        for (Method m : ResultSet.class.getMethods()) {
            if (!m.getName().startsWith("get") || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() == 0) {
                continue;
            }
            Class<?> first = m.getParameterTypes()[0];
            if (first == int.class || first == String.class) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Method::toGenericString));
        return List.copyOf(out);
    }

    /** Runs {@code sql} and sweeps every getter over every cell; what escaped. */
    static List<Escape> sweep(Connection c, String sql, Random random) throws SQLException {
        List<Escape> escapes = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                List<Method> order = new ArrayList<>(GETTERS);
                java.util.Collections.shuffle(order, random);
                for (int col = 1; col <= n; col++) {
                    String label = md.getColumnLabel(col);
                    for (Method getter : order) {
                        for (Object[] args : arguments(getter, col, label, random)) {
                            try {
                                getter.invoke(rs, args);
                            } catch (InvocationTargetException e) {
                                Throwable thrown = e.getCause();
                                if (!(thrown instanceof SQLException)) {
                                    escapes.add(new Escape(sql, describe(getter, args), col, label, thrown));
                                }
                            } catch (IllegalAccessException e) {
                                throw new AssertionError(e);
                            }
                        }
                    }
                }
            }
        }
        return escapes;
    }

    private static List<Object[]> arguments(Method getter, int column, String label, Random random) {
        Class<?>[] types = getter.getParameterTypes();
        Object first = types[0] == int.class ? column : label;
        if (types.length == 1) {
            return List.<Object[]>of(new Object[] {first});
        }
        Class<?> second = types[1];
        if (second == Class.class) {
            List<Object[]> out = new ArrayList<>();
            for (Class<?> target : TARGET_TYPES) {
                out.add(new Object[] {first, target});
            }
            java.util.Collections.shuffle(out, random);
            return out;
        }
        if (second == Calendar.class) {
            return List.<Object[]>of(new Object[] {first, Calendar.getInstance()});
        }
        if (second == Map.class) {
            return List.<Object[]>of(new Object[] {first, Map.of()}, new Object[] {first, Map.of("x", String.class)});
        }
        if (second == int.class) {
            return List.<Object[]>of(new Object[] {first, random.nextInt(4)});
        }
        throw new AssertionError("no arguments for " + getter);
    }

    private static String describe(Method getter, Object[] args) {
        StringBuilder b = new StringBuilder(getter.getName()).append('(');
        for (int i = 0; i < args.length; i++) {
            b.append(i == 0 ? "" : ", ").append(args[i] instanceof Class<?> k ? k.getSimpleName() + ".class" : args[i]);
        }
        return b.append(')').toString();
    }
}
