package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.TableName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches statement lineage with the result the database returned. Counts that agree keep the lineage (with the
 * real labels); one placeholder is widened to the columns it turned out to be ({@code t.*} read as
 * {@code t.<label>} when the placeholder keeps its table's names, else left as "any column of t");
 * anything else means positions can't be trusted, so every column gets every source (and, when lineage was
 * incomplete, {@code t.*} for every table read) and lineage is incomplete.
 */
final class LineageAlignment {
    private LineageAlignment() {
    }

    static ResultLineage align(ResultLineage lineage, ResultShape shape) {
        int n = shape.columnCount();
        List<ColumnLineage> cols = lineage.columns();
        int placeholders = 0;
        int at = -1;
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).placeholder()) {
                placeholders++;
                at = i;
            }
        }
        List<ColumnLineage> out = new ArrayList<>(n);
        if (placeholders == 0 && cols.size() == n) {
            for (int i = 0; i < n; i++) {
                ColumnLineage c = cols.get(i);
                out.add(c.labelled(labelOr(shape, i, c.label())));
            }
            return new ResultLineage(out, lineage.tablesTouched(), lineage.predicates(), lineage.complete());
        }
        if (placeholders == 1 && cols.size() - 1 <= n) {
            int width = n - (cols.size() - 1);
            for (int i = 0; i < at; i++) {
                ColumnLineage c = cols.get(i);
                out.add(c.labelled(labelOr(shape, i, c.label())));
            }
            ColumnLineage star = cols.get(at);
            for (int k = 0; k < width; k++) {
                String label = labelOr(shape, at + k, ColumnLineage.UNKNOWN_COLUMNS);
                Set<ColumnName> sources = new LinkedHashSet<>();
                for (ColumnName s : star.sources()) {
                    boolean byName = ColumnLineage.UNKNOWN_COLUMNS.equals(star.label()) && ColumnLineage.UNKNOWN_COLUMNS.equals(s.column());
                    sources.add(byName ? new ColumnName(s.table(), label) : s);
                }
                out.add(new ColumnLineage(label, sources, false));
            }
            for (int i = at + 1; i < cols.size(); i++) {
                ColumnLineage c = cols.get(i);
                int pos = i - 1 + width;
                out.add(c.labelled(labelOr(shape, pos, c.label())));
            }
            return new ResultLineage(out, lineage.tablesTouched(), lineage.predicates(), false);
        }
        Set<ColumnName> all = new LinkedHashSet<>(lineage.allSources());
        if (!lineage.complete()) {
            // untraced: any column of any table read may be anywhere
            for (TableName t : lineage.tablesTouched()) {
                all.add(new ColumnName(t, ColumnLineage.UNKNOWN_COLUMNS));
            }
        }
        for (int i = 0; i < n; i++) {
            out.add(new ColumnLineage(labelOr(shape, i, "?"), all, false));
        }
        return new ResultLineage(out, lineage.tablesTouched(), lineage.predicates(), false);
    }

    private static String labelOr(ResultShape shape, int i, String fallback) {
        String l = shape.label(i);
        return l == null || l.isEmpty() ? fallback : l;
    }
}
