package dev.governance.jdbc.maskingattacks;

import dev.governance.jdbc.masking.LeakAssertions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs a query and reads every cell through every getter (by index and by label), turning whatever comes back
 * (strings, bytes, streams, readers, LOBs, arrays, maps, exception messages) into text, and reports each output
 * that contains a sensitive value or a 6-character piece of one. A getter that throws is fine (a refusal), but
 * its message is checked too: a conversion error that quotes the value is a leak.
 */
public final class LeakProbe {

    /** One getter's output that leaked. */
    public record Leak(String sql, int row, int column, String label, String getter, String leaked, String secret,
                String output) {
        @Override
        public String toString() {
            String out = output.length() > 160 ? output.substring(0, 160) + "…" : output;
            return "row " + row + " col " + column + " (" + label + ") " + getter + " leaked '" + leaked + "': " + out;
        }
    }

    /** What reading a whole result produced. */
    public record Outcome(boolean refused, String refusal, int rows, int columns, int outputs, List<Leak> leaks) {
    }

    interface Getter {
        Object get(ResultSet rs, int index, String label) throws SQLException;
    }

    record NamedGetter(String name, Getter getter) {
    }

    /**
     * Every read path: each {@link ResultSet} column getter, by index and by label, with every argument its other
     * parameters take, found by reflection ({@link ReflectiveGetters}) so none can be left out.
     */
    static final List<NamedGetter> GETTERS = ReflectiveGetters.calls(ResultSet.class).stream()
            .map(call -> new NamedGetter(call.name(), call::invoke)).toList();

    private LeakProbe() {
    }

    /**
     * A form of a sensitive value that must not appear in an output, with the length of the shortest piece of it
     * that counts: 6 characters of the value itself ({@link LeakAssertions}), the same 6 characters' worth of an
     * encoding (12 hex digits of UTF-8, 24 of UTF-16, 8 base64 characters).
     */
    public record Secret(String value, String form, int window) {
    }

    /** Each value, plus its hex (UTF-8 and UTF-16), base64 and reversed forms: an encoded copy is a copy. */
    public static List<Secret> withEncodings(Collection<String> values) {
        List<Secret> out = new ArrayList<>();
        for (String v : values) {
            out.add(new Secret(v, v, LeakAssertions.WINDOW));
            out.add(new Secret(v, HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_8)), 12));
            out.add(new Secret(v, HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_16BE)), 24));
            out.add(new Secret(v, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)), 8));
            out.add(new Secret(v, new StringBuilder(v).reverse().toString(), LeakAssertions.WINDOW));
        }
        return List.copyOf(out);
    }

    /** Runs {@code sql} on {@code c} and reads every cell through every getter; the leaks found. */
    public static Outcome probe(Connection c, String sql, Collection<Secret> secrets) throws SQLException {
        return probe(c, sql, secrets, GETTERS);
    }

    /** {@link #probe(Connection, String, Collection)} with the given getters. */
    static Outcome probe(Connection c, String sql, Collection<Secret> secrets, List<NamedGetter> getters)
            throws SQLException {
        List<Leak> leaks = new ArrayList<>();
        int outputs = 0;
        int rows = 0;
        int columns;
        try (Statement st = c.createStatement()) {
            ResultSet rs;
            try {
                rs = st.executeQuery(sql);
            } catch (SQLException e) {
                check(sql, 0, 0, "-", "executeQuery (error message)", messages(e), secrets, leaks);
                // denied, or held for an approval (VG001-VG003): the statement did not run
                if (java.util.Set.of("42501", "VG001", "VG002", "VG003").contains(e.getSQLState())) {
                    return new Outcome(true, e.getMessage(), 0, 0, 0, leaks);
                }
                throw new AssertionError("query failed (not a refusal): " + sql + " -> " + e, e);
            }
            try (rs) {
                ResultSetMetaData md = rs.getMetaData();
                columns = md.getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int col = 1; col <= columns; col++) {
                        String label = md.getColumnLabel(col);
                        for (NamedGetter g : getters) {
                            String getter = g.name();
                            String out;
                            try {
                                out = text(g.getter().get(rs, col, label));
                            } catch (SQLException | RuntimeException e) {
                                out = messages(e);
                                getter += " threw";
                            }
                            outputs++;
                            check(sql, rows, col, label, getter, out, secrets, leaks);
                        }
                    }
                }
            }
        }
        return new Outcome(false, null, rows, columns, outputs, leaks);
    }

    /** Every {@link CallableStatement} getter, by index and by name, found by reflection. */
    static final List<ReflectiveGetters.Call> CALLABLE_GETTERS = ReflectiveGetters.calls(java.sql.CallableStatement.class);

    /**
     * Reads OUT parameters 1..{@code parameters} of an executed call through every CallableStatement getter (by
     * index, and by the name {@code names[i-1]}), checking each output and error message; the leaks found. Every
     * getter's outcome is added to {@code refusals} when it threw, keyed by SQLState.
     */
    static List<Leak> probeCall(java.sql.CallableStatement cs, String sql, int parameters, String[] names,
                                Collection<Secret> secrets, Map<String, Integer> outcomes) {
        List<Leak> leaks = new ArrayList<>();
        for (int p = 1; p <= parameters; p++) {
            for (ReflectiveGetters.Call g : CALLABLE_GETTERS) {
                String getter = g.name();
                String out;
                try {
                    out = text(g.invoke(cs, p, names[p - 1]));
                    outcomes.merge("value", 1, Integer::sum);
                } catch (SQLException e) {
                    out = messages(e);
                    getter += " threw";
                    outcomes.merge(String.valueOf(e.getSQLState()), 1, Integer::sum);
                } catch (RuntimeException e) {
                    out = messages(e);
                    getter += " threw";
                    outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
                check(sql, 1, p, names[p - 1], getter, out, secrets, leaks);
            }
        }
        return leaks;
    }

    private static void check(String sql, int row, int col, String label, String getter, String out,
                              Collection<Secret> secrets, List<Leak> leaks) {
        Hit hit = out == null ? null : index(secrets).find(out);
        if (hit != null) {
            leaks.add(new Leak(sql, row, col, label, getter, hit.piece(), hit.secret(), out));
        }
    }

    /**
     * The leaked piece of any secret in {@code out}, or null: the secret or a 6-character piece of it
     * ({@link LeakAssertions}), or the whole secret once punctuation and spaces are taken out of both (a card or
     * SSN re-grouped, an address spelled out with separators).
     */
    static String findLeak(String out, Collection<Secret> secrets) {
        if (out == null) {
            return null;
        }
        Hit hit = index(secrets).find(out);
        return hit == null ? null : hit.piece();
    }

    /** A piece of a secret found in an output, and the secret's plain value. */
    record Hit(String piece, String secret) {
    }

    private static final Map<Collection<Secret>, SecretIndex> INDEXES =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private static SecretIndex index(Collection<Secret> secrets) {
        return INDEXES.computeIfAbsent(secrets, SecretIndex::new);
    }

    /**
     * Every piece of every secret that counts as a leak, by length, so that checking an output costs one hash
     * look-up per position and piece length instead of a search for each piece (the reflective probe checks
     * hundreds of thousands of outputs).
     */
    private static final class SecretIndex {
        /** Piece length → lower-cased piece → how to report it. */
        private final Map<Integer, Map<String, Hit>> pieces = new java.util.TreeMap<>();
        /** Plain values without punctuation (8 characters or more) → the value. */
        private final Map<String, String> squeezedValues = new java.util.LinkedHashMap<>();

        SecretIndex(Collection<Secret> secrets) {
            for (Secret secret : secrets) {
                boolean plain = secret.form().equals(secret.value());
                String form = secret.form().toLowerCase(java.util.Locale.ROOT);
                Map<String, Hit> byPiece = pieces.computeIfAbsent(secret.window(), k -> new java.util.HashMap<>());
                for (int i = 0; i + secret.window() <= form.length(); i++) {
                    String piece = form.substring(i, i + secret.window());
                    String report = secret.window() == LeakAssertions.WINDOW
                            ? secret.form().substring(i, i + secret.window()) + (plain ? "" : " (of " + secret.value() + ")")
                            : piece + " (encoded " + secret.value() + ")";
                    byPiece.putIfAbsent(piece, new Hit(report, secret.value()));
                }
                String squeezed = squeeze(secret.form());
                if (plain && squeezed.length() >= 8) {
                    squeezedValues.putIfAbsent(squeezed, secret.value());
                }
            }
        }

        /** Outputs repeat a lot (every text getter gives the same text): each distinct one is checked once. */
        private final Map<String, java.util.Optional<Hit>> checked = new java.util.concurrent.ConcurrentHashMap<>();

        Hit find(String out) {
            if (out.length() > 4096) {
                return search(out);
            }
            if (checked.size() > 200_000) {
                checked.clear();
            }
            return checked.computeIfAbsent(out, o -> java.util.Optional.ofNullable(search(o))).orElse(null);
        }

        private Hit search(String out) {
            String lower = out.toLowerCase(java.util.Locale.ROOT);
            // keyed placeholders and hash tokens can share hex digits with a secret without revealing it
            String plainOut = TOKENS.matcher(lower).replaceAll("<masked-token>");
            for (Map.Entry<Integer, Map<String, Hit>> e : pieces.entrySet()) {
                int n = e.getKey();
                String text = n == LeakAssertions.WINDOW ? plainOut : lower;
                for (int i = 0; i + n <= text.length(); i++) {
                    Hit hit = e.getValue().get(text.substring(i, i + n));
                    if (hit != null) {
                        return hit;
                    }
                }
            }
            String squeezed = squeeze(out);
            for (Map.Entry<String, String> e : squeezedValues.entrySet()) {
                if (squeezed.contains(e.getKey())) {
                    return new Hit(e.getValue() + " (re-formatted)", e.getValue());
                }
            }
            return null;
        }
    }

    private static final java.util.regex.Pattern TOKENS =
            java.util.regex.Pattern.compile("<email:[0-9a-f]{8}>|tok_[0-9a-f]{16}");

    private static String squeeze(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = Character.toLowerCase(text.charAt(i));
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * Runs {@code sql} reading every row with getString, and returns what a database error raised on the way says
     * (the error channel: a conversion error that quotes the value it failed on), plus the values read.
     */
    static String errorChannel(Connection c, String sql) {
        StringBuilder b = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append(" | ");
                }
            }
            for (java.sql.SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                b.append("warning: ").append(w.getMessage()).append(" | ");
            }
        } catch (SQLException | RuntimeException e) {
            b.append(messages(e));
        }
        return b.toString();
    }

    static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
            if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t.getCause()) {
                b.append(messages(s.getNextException()));
            }
        }
        return b.toString();
    }

    /** Any getter output as text: bytes both as UTF-8 and as hex, LOBs and streams read, arrays walked. */
    static String text(Object v) throws SQLException {
        if (v == null) {
            return "null";
        }
        try {
            if (v instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (v instanceof InputStream in) {
                try (in) {
                    return text(in.readAllBytes());
                }
            }
            if (v instanceof Reader r) {
                try (r) {
                    StringBuilder b = new StringBuilder();
                    char[] buf = new char[1024];
                    for (int n; (n = r.read(buf)) > 0; ) {
                        b.append(buf, 0, n);
                    }
                    return b.toString();
                }
            }
            if (v instanceof Clob clob) {
                long len = clob.length();
                return (len == 0 ? "" : clob.getSubString(1, (int) len)) + " / " + text(clob.getCharacterStream())
                        + " / " + text(clob.getAsciiStream());
            }
            if (v instanceof Blob blob) {
                long len = blob.length();
                return text(len == 0 ? new byte[0] : blob.getBytes(1, (int) len)) + " / " + text(blob.getBinaryStream());
            }
            if (v instanceof Array array) {
                StringBuilder b = new StringBuilder(text(array.getArray()));
                try (ResultSet ars = array.getResultSet()) {
                    while (ars.next()) {
                        b.append(" / ").append(text(ars.getObject(2))).append(' ').append(ars.getString(2));
                    }
                } catch (SQLException | RuntimeException e) {
                    b.append(" / ").append(messages(e));
                }
                return b.toString();
            }
            if (v instanceof Object[] items) {
                StringBuilder b = new StringBuilder("[");
                for (Object o : items) {
                    b.append(text(o)).append(", ");
                }
                return b.append(']').toString();
            }
            if (v instanceof SQLXML xml) {
                return xml.getString();
            }
            if (v instanceof Struct struct) {
                return text(struct.getAttributes());
            }
            if (v instanceof ResultSet nested) {
                StringBuilder b = new StringBuilder();
                int n = nested.getMetaData().getColumnCount();
                while (nested.next()) {
                    for (int i = 1; i <= n; i++) {
                        b.append(text(nested.getObject(i))).append(' ');
                    }
                }
                return b.toString();
            }
            if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
                // 4.012888888881881E15 is a card number too: give the digits as well
                return v + " " + new java.math.BigDecimal(v.toString()).toPlainString();
            }
            if (v instanceof java.sql.RowId rowId) {
                return rowId + " " + text(rowId.getBytes());
            }
            if (v instanceof java.sql.Ref ref) {
                return ref.getBaseTypeName() + " " + text(ref.getObject());
            }
            return String.valueOf(v);
        } catch (IOException e) {
            return messages(e);
        }
    }
}
