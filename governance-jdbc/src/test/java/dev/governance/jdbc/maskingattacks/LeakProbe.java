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
final class LeakProbe {

    /** One getter's output that leaked. */
    record Leak(String sql, int row, int column, String label, String getter, String leaked, String output) {
        @Override
        public String toString() {
            String out = output.length() > 160 ? output.substring(0, 160) + "…" : output;
            return "row " + row + " col " + column + " (" + label + ") " + getter + " leaked '" + leaked + "': " + out;
        }
    }

    /** What reading a whole result produced. */
    record Outcome(boolean refused, String refusal, int rows, int columns, int outputs, List<Leak> leaks) {
    }

    interface Getter {
        Object get(ResultSet rs, int index, String label) throws SQLException;
    }

    record NamedGetter(String name, Getter getter) {
    }

    /** Every read path, each by index and by label. */
    static final List<NamedGetter> GETTERS = List.of(
            both("getString", (rs, i, l) -> i > 0 ? rs.getString(i) : rs.getString(l)),
            both("getNString", (rs, i, l) -> i > 0 ? rs.getNString(i) : rs.getNString(l)),
            both("getObject", (rs, i, l) -> i > 0 ? rs.getObject(i) : rs.getObject(l)),
            both("getObject(String)", (rs, i, l) -> i > 0 ? rs.getObject(i, String.class) : rs.getObject(l, String.class)),
            both("getObject(byte[])", (rs, i, l) -> i > 0 ? rs.getObject(i, byte[].class) : rs.getObject(l, byte[].class)),
            both("getObject(Object[])", (rs, i, l) -> i > 0 ? rs.getObject(i, Object[].class) : rs.getObject(l, Object[].class)),
            both("getObject(Object)", (rs, i, l) -> i > 0 ? rs.getObject(i, Object.class) : rs.getObject(l, Object.class)),
            both("getObject(Clob)", (rs, i, l) -> i > 0 ? rs.getObject(i, Clob.class) : rs.getObject(l, Clob.class)),
            both("getObject(Blob)", (rs, i, l) -> i > 0 ? rs.getObject(i, Blob.class) : rs.getObject(l, Blob.class)),
            both("getObject(InputStream)", (rs, i, l) -> i > 0 ? rs.getObject(i, InputStream.class)
                    : rs.getObject(l, InputStream.class)),
            both("getObject(Reader)", (rs, i, l) -> i > 0 ? rs.getObject(i, Reader.class) : rs.getObject(l, Reader.class)),
            both("getObject(Array)", (rs, i, l) -> i > 0 ? rs.getObject(i, Array.class) : rs.getObject(l, Array.class)),
            both("getObject(SQLXML)", (rs, i, l) -> i > 0 ? rs.getObject(i, SQLXML.class) : rs.getObject(l, SQLXML.class)),
            both("getObject(CharSequence)", (rs, i, l) -> i > 0 ? rs.getObject(i, CharSequence.class)
                    : rs.getObject(l, CharSequence.class)),
            both("getObject(Map)", (rs, i, l) -> i > 0 ? rs.getObject(i, Map.of()) : rs.getObject(l, Map.of())),
            both("getBytes", (rs, i, l) -> i > 0 ? rs.getBytes(i) : rs.getBytes(l)),
            both("getAsciiStream", (rs, i, l) -> i > 0 ? rs.getAsciiStream(i) : rs.getAsciiStream(l)),
            both("getBinaryStream", (rs, i, l) -> i > 0 ? rs.getBinaryStream(i) : rs.getBinaryStream(l)),
            both("getCharacterStream", (rs, i, l) -> i > 0 ? rs.getCharacterStream(i) : rs.getCharacterStream(l)),
            both("getNCharacterStream", (rs, i, l) -> i > 0 ? rs.getNCharacterStream(i) : rs.getNCharacterStream(l)),
            both("getClob", (rs, i, l) -> i > 0 ? rs.getClob(i) : rs.getClob(l)),
            both("getNClob", (rs, i, l) -> i > 0 ? rs.getNClob(i) : rs.getNClob(l)),
            both("getBlob", (rs, i, l) -> i > 0 ? rs.getBlob(i) : rs.getBlob(l)),
            both("getArray", (rs, i, l) -> i > 0 ? rs.getArray(i) : rs.getArray(l)),
            both("getSQLXML", (rs, i, l) -> i > 0 ? rs.getSQLXML(i) : rs.getSQLXML(l)));

    /** Typed getters: for text the value must not come back through a conversion error's message either. */
    static final List<NamedGetter> TYPED_GETTERS = List.of(
            both("getLong", (rs, i, l) -> i > 0 ? rs.getLong(i) : rs.getLong(l)),
            both("getBigDecimal", (rs, i, l) -> i > 0 ? rs.getBigDecimal(i) : rs.getBigDecimal(l)),
            both("getDate", (rs, i, l) -> i > 0 ? rs.getDate(i) : rs.getDate(l)),
            both("getTimestamp", (rs, i, l) -> i > 0 ? rs.getTimestamp(i) : rs.getTimestamp(l)),
            both("getBoolean", (rs, i, l) -> i > 0 ? rs.getBoolean(i) : rs.getBoolean(l)),
            both("getURL", (rs, i, l) -> i > 0 ? rs.getURL(i) : rs.getURL(l)));

    private static NamedGetter both(String name, Getter g) {
        return new NamedGetter(name, g);
    }

    private LeakProbe() {
    }

    /**
     * A form of a sensitive value that must not appear in an output, with the length of the shortest piece of it
     * that counts: 6 characters of the value itself ({@link LeakAssertions}), the same 6 characters' worth of an
     * encoding (12 hex digits of UTF-8, 24 of UTF-16, 8 base64 characters).
     */
    record Secret(String value, String form, int window) {
    }

    /** Each value, plus its hex (UTF-8 and UTF-16), base64 and reversed forms: an encoded copy is a copy. */
    static List<Secret> withEncodings(Collection<String> values) {
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
    static Outcome probe(Connection c, String sql, Collection<Secret> secrets) throws SQLException {
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
                            for (boolean byLabel : new boolean[] {false, true}) {
                                String getter = g.name() + (byLabel ? "(label)" : "(index)");
                                String out;
                                try {
                                    Object v = g.getter().get(rs, byLabel ? -1 : col, label);
                                    out = text(v);
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
        }
        return new Outcome(false, null, rows, columns, outputs, leaks);
    }

    private static void check(String sql, int row, int col, String label, String getter, String out,
                              Collection<Secret> secrets, List<Leak> leaks) {
        String leaked = findLeak(out, secrets);
        if (leaked != null) {
            leaks.add(new Leak(sql, row, col, label, getter, leaked, out));
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
        String lower = out.toLowerCase(java.util.Locale.ROOT);
        String squeezed = squeeze(out);
        for (Secret secret : secrets) {
            if (secret.window() == LeakAssertions.WINDOW) {
                String leaked = LeakAssertions.findLeak(out, secret.form());
                if (leaked != null) {
                    return leaked + (secret.form().equals(secret.value()) ? "" : " (of " + secret.value() + ")");
                }
            } else {
                String form = secret.form().toLowerCase(java.util.Locale.ROOT);
                for (int i = 0; i + secret.window() <= form.length(); i++) {
                    if (lower.contains(form.substring(i, i + secret.window()))) {
                        return form.substring(i, i + secret.window()) + " (encoded " + secret.value() + ")";
                    }
                }
            }
            String s = squeeze(secret.form());
            if (secret.form().equals(secret.value()) && s.length() >= 8 && squeezed.contains(s)) {
                return secret.value() + " (re-formatted)";
            }
        }
        return null;
    }

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
            return String.valueOf(v);
        } catch (IOException e) {
            return messages(e);
        }
    }
}
