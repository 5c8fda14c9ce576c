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

    /** The schema of {@link #opaqueFunction(String)} reads: no real schema is called this. */
    public static final String FUNCTION_SCHEMA = "function()";

    /**
     * What a call to a user-defined function whose body can't be read reads: itself, as a table outside every
     * access list that doesn't name the function under {@code functions}.
     */
    public static TableName opaqueFunction(String name) {
        return new TableName(FUNCTION_SCHEMA, name.toLowerCase(Locale.ROOT));
    }

    /** True for {@link #opaqueFunction(String)}. */
    public boolean isOpaqueFunction() {
        return FUNCTION_SCHEMA.equals(schema);
    }

    /** The schema of {@link #unreadableView(TableName)} reads: no real schema is called this. */
    public static final String VIEW_SCHEMA = "view()";

    /**
     * What a view whose definition can't be read (from the catalog, or by the parser) reads: an unknown table,
     * outside every access list that doesn't name the view under {@code views}. Its table part is the view's key.
     */
    public static TableName unreadableView(TableName view) {
        return new TableName(VIEW_SCHEMA, view.key());
    }

    /** True for {@link #unreadableView(TableName)}. */
    public boolean isUnreadableView() {
        return VIEW_SCHEMA.equals(schema);
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
