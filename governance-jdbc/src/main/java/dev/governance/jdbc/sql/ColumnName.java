package dev.governance.jdbc.sql;

import java.util.Locale;
import java.util.Objects;

/** A column of a resolved table; {@code table} is null when the statement doesn't say which table owns it. */
public record ColumnName(TableName table, String column) {
    public ColumnName {
        Objects.requireNonNull(column, "column");
    }

    /** {@code schema.table.column} (or just {@code column}) in lower case. */
    public String key() {
        String c = column.toLowerCase(Locale.ROOT);
        return table == null ? c : table.key() + "." + c;
    }

    @Override
    public String toString() {
        return key();
    }
}
