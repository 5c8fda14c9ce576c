package dev.governance.jdbc.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * A table resolved as the database resolves it: quotes removed, unquoted names folded to the dialect's case,
 * schema filled in with the dialect's default when the statement gave none. Policies compare case-insensitively
 * through {@link #key()}.
 */
public record TableName(String schema, String table) {
    public TableName {
        Objects.requireNonNull(table, "table");
    }

    /** {@code schema.table} in lower case: what policy globs and audit records use. */
    public String key() {
        String t = table.toLowerCase(Locale.ROOT);
        return schema == null ? t : schema.toLowerCase(Locale.ROOT) + "." + t;
    }

    @Override
    public String toString() {
        return key();
    }
}
