package dev.governance.jdbc.masking;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLWarning;

/**
 * Errors and warnings from the real driver quote values ({@code Data conversion error converting "ada@…"}).
 * For a masked identity they are rebuilt: the first line only, quoted text replaced by {@code ?}, sensitive values
 * masked, SQLState and vendor code kept, the original (with its message) not attached as the cause.
 */
public final class ErrorScrubber {
    private ErrorScrubber() {
    }

    public static SQLException scrub(SQLException e, Masker masker) {
        if (e == null) {
            return null;
        }
        String message = message(e.getMessage(), masker);
        SQLException clean;
        if (e instanceof SQLDataException) {
            clean = new SQLDataException(message, e.getSQLState(), e.getErrorCode());
        } else if (e instanceof SQLIntegrityConstraintViolationException) {
            clean = new SQLIntegrityConstraintViolationException(message, e.getSQLState(), e.getErrorCode());
        } else if (e instanceof SQLSyntaxErrorException) {
            clean = new SQLSyntaxErrorException(message, e.getSQLState(), e.getErrorCode());
        } else if (e instanceof SQLWarning) {
            clean = new SQLWarning(message, e.getSQLState(), e.getErrorCode());
        } else {
            clean = new SQLException(message, e.getSQLState(), e.getErrorCode());
        }
        clean.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            clean.setNextException(scrub(next, masker));
        }
        return clean;
    }

    public static SQLWarning scrub(SQLWarning warning, Masker masker) {
        if (warning == null) {
            return null;
        }
        SQLWarning head = null;
        SQLWarning tail = null;
        int guard = 0;
        for (SQLWarning w = warning; w != null && guard++ < 100; w = w.getNextWarning()) {
            SQLWarning clean = new SQLWarning(message(w.getMessage(), masker), w.getSQLState(), w.getErrorCode());
            if (head == null) {
                head = clean;
            } else {
                tail.setNextWarning(clean);
            }
            tail = clean;
        }
        return head;
    }

    static String message(String message, Masker masker) {
        if (message == null) {
            return null;
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    out.append('?');
                    break;
                }
                out.append(c).append('?').append(c);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return masker.maskEmbedded(out.toString()) + " [details withheld: results are masked for this identity]";
    }
}
