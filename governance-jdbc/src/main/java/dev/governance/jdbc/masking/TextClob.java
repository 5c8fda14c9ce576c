package dev.governance.jdbc.masking;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.NClob;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** A read-only {@link NClob} (so also a {@code Clob}) over text that was already masked or scanned. */
public final class TextClob implements NClob {
    private final String text;

    public TextClob(String text) {
        this.text = text;
    }

    @Override
    public long length() {
        return text.length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        if (pos < 1 || length < 0 || pos - 1 > text.length()) {
            throw new SQLException("position " + pos + " and length " + length + " are outside the value", "22003");
        }
        int from = (int) (pos - 1);
        return text.substring(from, Math.min(text.length(), from + length));
    }

    @Override
    public Reader getCharacterStream() {
        return new StringReader(text);
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        return new StringReader(getSubString(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public InputStream getAsciiStream() {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String searchstr, long start) {
        int at = text.indexOf(searchstr, (int) Math.max(0, start - 1));
        return at < 0 ? -1 : at + 1;
    }

    @Override
    public long position(java.sql.Clob searchstr, long start) throws SQLException {
        return position(searchstr.getSubString(1, (int) searchstr.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        throw readOnly();
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        throw readOnly();
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        throw readOnly();
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        throw readOnly();
    }

    @Override
    public void truncate(long len) throws SQLException {
        throw readOnly();
    }

    @Override
    public void free() {
    }

    private static SQLException readOnly() {
        return new SQLFeatureNotSupportedException("a governed value is read-only");
    }

    @Override
    public String toString() {
        return text;
    }
}
