package dev.governance.jdbc.policy;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted glob over a table ({@code schema.table} or bare {@code table}) or a column ({@code column},
 * {@code table.column} or {@code schema.table.column}), compiled per segment so that {@code *} never crosses a dot
 * and matching reads the name parts directly (no key string built per check). Case is ignored.
 *
 * <p>A bare glob matches the last part only ({@code *secret*} matches the table of {@code app.user_secrets}). A
 * part the statement did not name (no schema, or a column whose table is unknown) is matched as the empty string,
 * so {@code *.orders} still matches an unqualified {@code orders} but {@code public.orders} does not.
 */
public final class NameGlob {
    private final String pattern;
    private final Glob[] parts;

    private NameGlob(String pattern, Glob[] parts) {
        this.pattern = pattern;
        this.parts = parts;
    }

    /** Splits {@code pattern} on dots; {@code maxParts} is 2 for tables, 3 for columns. Null when invalid. */
    static NameGlob parse(String pattern, int maxParts) {
        List<Glob> out = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '.') {
                if (i == start) {
                    return null;
                }
                out.add(Glob.of(pattern.substring(start, i)));
                start = i + 1;
            }
        }
        if (out.isEmpty() || out.size() > maxParts) {
            return null;
        }
        return new NameGlob(pattern, out.toArray(new Glob[0]));
    }

    public static NameGlob table(String pattern) {
        NameGlob g = parse(pattern, 2);
        if (g == null) {
            throw new IllegalArgumentException("not a table glob: " + pattern);
        }
        return g;
    }

    public static NameGlob column(String pattern) {
        NameGlob g = parse(pattern, 3);
        if (g == null) {
            throw new IllegalArgumentException("not a column glob: " + pattern);
        }
        return g;
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(TableName table) {
        return switch (parts.length) {
            case 1 -> parts[0].matches(table.table());
            case 2 -> parts[0].matches(orEmpty(table.schema())) && parts[1].matches(table.table());
            default -> false;
        };
    }

    public boolean matches(ColumnName column) {
        TableName t = column.table();
        return switch (parts.length) {
            case 1 -> parts[0].matches(column.column());
            case 2 -> parts[0].matches(t == null ? "" : t.table()) && parts[1].matches(column.column());
            case 3 -> parts[0].matches(t == null ? "" : orEmpty(t.schema()))
                    && parts[1].matches(t == null ? "" : t.table()) && parts[2].matches(column.column());
            default -> false;
        };
    }

    /**
     * Whether some column of {@code table} may match: the glob's table (and schema) parts match it. For a read of
     * {@code t.*} — the whole row, or columns that are unknown — which may hold the column this glob names.
     */
    public boolean matchesSomeColumnOf(TableName table) {
        return switch (parts.length) {
            case 1 -> true;
            case 2 -> parts[0].matches(table.table());
            case 3 -> parts[0].matches(orEmpty(table.schema())) && parts[1].matches(table.table());
            default -> false;
        };
    }

    /** Matches raw parts (for masking of result columns): any may be null when unknown. */
    public boolean matches(String schema, String table, String column) {
        return matches(new ColumnName(table == null ? null : new TableName(schema, table), column));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameGlob g && g.pattern.equalsIgnoreCase(pattern) && g.parts.length == parts.length;
    }

    @Override
    public int hashCode() {
        return pattern.toLowerCase(java.util.Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
