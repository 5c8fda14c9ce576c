package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Names;
import dev.governance.jdbc.sql.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names visible at one query level: its FROM items (by alias), the CTEs in force, the select-list aliases
 * seen so far, and the enclosing level for correlated references and LATERAL.
 */
final class Scope {

    /** One FROM item. {@code alias} is the alias, or the table / CTE name when there is none. */
    record Entry(String alias, Relation relation, TableName table) {
    }

    final Scope parent;
    final List<Entry> entries = new ArrayList<>();
    /** CTEs defined at this level (lower-case name); null value = recursive CTE being defined. */
    final Map<String, Relation> ctes = new HashMap<>();
    final Map<String, Col> selectAliases = new HashMap<>();
    /** Named windows of this level ({@code WINDOW w AS (...)}): what their PARTITION BY / ORDER BY read. */
    final Map<String, Acc> windows = new HashMap<>();
    /** The columns {@code SELECT *} gives at this level, USING/NATURAL merges applied. */
    final List<Col> star = new ArrayList<>();
    /** In ORDER BY / GROUP BY a simple name may also mean an output column: take both. */
    boolean outputNamesToo;

    Scope(Scope parent) {
        this.parent = parent;
    }

    /** The CTE called {@code name} visible from here, or null. */
    Relation cte(String name) {
        String k = Names.key(name);
        for (Scope s = this; s != null; s = s.parent) {
            if (s.ctes.containsKey(k)) {
                return s.ctes.get(k);
            }
        }
        return null;
    }

    /** The named window visible from here, or null. */
    Acc window(String name) {
        String k = Names.key(name);
        for (Scope s = this; s != null; s = s.parent) {
            if (s.windows.containsKey(k)) {
                return s.windows.get(k);
            }
        }
        return null;
    }

    boolean hasCte(String name) {
        String k = Names.key(name);
        for (Scope s = this; s != null; s = s.parent) {
            if (s.ctes.containsKey(k)) {
                return true;
            }
        }
        return false;
    }
}
