package dev.governance.jdbc.masking;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLWarning;

/**
 * Errors and warnings from the real driver quote values ({@code Data conversion error converting "ada@…"}).
 * For a masked identity they are rebuilt: the values taken out ({@link ErrorValues}: identifiers, hints and
 * positions kept, so the caller can still correct its SQL), any sensitive value left masked, SQLState and vendor code
 * kept, the original (with its message) not attached as the cause.
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

    /** The message without data values (identifiers, hints and positions kept), then any sensitive value masked. */
    static String message(String message, Masker masker) {
        if (message == null) {
            return null;
        }
        return masker.maskEmbedded(ErrorValues.scrub(message));
    }
}
