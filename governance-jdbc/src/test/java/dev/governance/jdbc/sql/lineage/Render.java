package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Compact text forms for assertions: {@code [a,b] [c] []}, one bracket per column, sources sorted. */
final class Render {
    private Render() {
    }

    static String columns(ResultLineage lineage) {
        List<String> cols = new ArrayList<>();
        for (ColumnLineage c : lineage.columns()) {
            TreeSet<String> keys = new TreeSet<>();
            for (ColumnName s : c.sources()) {
                keys.add(key(s));
            }
            cols.add("[" + String.join(",", keys) + "]");
        }
        return String.join(" ", cols);
    }

    static String key(ColumnName c) {
        if (c.table() == null) {
            return "?." + c.column().toLowerCase();
        }
        String k = c.key();
        return k.startsWith("public.") ? k.substring("public.".length()) : k;
    }

    /** Expected text {@code "users.email | orders.id, users.id | "} in the same form; null means no columns. */
    static String normalize(String expected) {
        if (expected == null) {
            return "";
        }
        List<String> cols = new ArrayList<>();
        for (String col : expected.split("\\|", -1)) {
            String t = col.trim();
            if (t.isEmpty()) {
                cols.add("[]");
                continue;
            }
            TreeSet<String> keys = new TreeSet<>(Arrays.asList(t.split("\\s*,\\s*")));
            cols.add("[" + String.join(",", keys) + "]");
        }
        return String.join(" ", cols);
    }
}
