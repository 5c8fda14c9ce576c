package dev.governance.jdbc.policy;

import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.TableName;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether one statement stays inside the access entries that apply to its identity: the tables it writes under
 * {@code write}, those it reads under {@code read} or {@code write}, opaque function calls under {@code functions}.
 * A view counts as the tables behind it (nested views and function bodies followed), unless an entry lists it under
 * {@code views}: then it is read, and written, as itself.
 */
final class AccessCheck {
    private static final String OUTSIDE = ", which is outside this identity's access list";

    private final List<AccessEntry> entries;
    private final Map<TableName, Set<TableName>> views;

    private AccessCheck(List<AccessEntry> entries, Map<TableName, Set<TableName>> views) {
        this.entries = entries;
        this.views = views;
    }

    /** Why {@code facts} is outside {@code entries} (the first table that is), or null when it is inside. */
    static String refusal(List<AccessEntry> entries, StatementFacts facts) {
        AccessCheck check = new AccessCheck(entries, facts.viewReads());
        // DDL on a view (CREATE OR REPLACE VIEW, DROP VIEW) writes the view itself, not the tables behind it.
        boolean writesRows = facts.changesRows();
        for (TableName t : facts.tablesWritten()) {
            String why = writesRows ? check.reach(t, true) : check.writable(t) ? null : "writes " + t.key() + OUTSIDE;
            if (why != null) {
                return why;
            }
        }
        for (TableName t : facts.tablesRead()) {
            String why = check.reach(t, false);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Why reading (or writing) {@code t}, and what is behind it when it is a view, is outside the lists. */
    private String reach(TableName t, boolean write) {
        if (t.isOpaqueFunction()) {
            return callable(t.table()) ? null : opaque(t, null);
        }
        boolean view = views.containsKey(t);
        if (!view || asItself(t)) {
            // a view listed under views is read as itself; written as itself, it must be under write
            return covered(t, write) || view && !write ? null : (write ? "writes " : "reads ") + t.key() + OUTSIDE;
        }
        return behind(t, t, write, new HashSet<>());
    }

    /** The first table behind {@code view} (read or written through {@code named}) that is outside the lists. */
    private String behind(TableName named, TableName view, boolean write, Set<TableName> seen) {
        if (!seen.add(view)) {
            return null;
        }
        for (TableName t : views.get(view)) {
            String why;
            if (t.isUnreadableView()) {
                why = (write ? "writes" : "reads") + " view " + t.table() + ", whose definition can't be read or"
                        + " followed (what it reads is unknown)" + through(named, t.table()) + "; list the view under views: to "
                        + (write ? "write" : "read") + " it as itself";
            } else if (t.isOpaqueFunction()) {
                why = callable(t.table()) ? null : opaque(t, named);
            } else if (views.containsKey(t) && !asItself(t)) {
                why = behind(named, t, write, seen);
            } else if (covered(t, write) || !write && views.containsKey(t)) {
                why = null;
            } else {
                why = (write ? "writes " : "reads ") + t.key() + " through view " + named.key() + OUTSIDE
                        + "; list the view under views:" + (write ? " and write: to write" : " to read") + " it as itself";
            }
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String through(TableName named, String view) {
        return named.key().equals(view) ? "" : " behind view " + named.key();
    }

    private static String opaque(TableName function, TableName view) {
        return "calls function " + function.table() + (view == null ? "" : " through view " + view.key())
                + ", whose body can't be read (what it reads is unknown); an access entry may allow it under functions";
    }

    /** A table that may be written may also be read (an UPDATE's WHERE reads its target). */
    private boolean covered(TableName t, boolean write) {
        return writable(t) || !write && readable(t);
    }

    private boolean asItself(TableName view) {
        return listed(AccessEntry::views, view);
    }

    private boolean callable(String function) {
        for (AccessEntry e : entries) {
            if (Match.anyGlob(e.functions(), function)) {
                return true;
            }
        }
        return false;
    }

    private boolean writable(TableName t) {
        return listed(AccessEntry::write, t);
    }

    private boolean readable(TableName t) {
        return listed(AccessEntry::read, t);
    }

    /** Whether any matching entry's list (read, write or views) names {@code t}. */
    private boolean listed(java.util.function.Function<AccessEntry, List<NameGlob>> list, TableName t) {
        for (AccessEntry e : entries) {
            if (Match.firstTableMatch(list.apply(e), t) != null) {
                return true;
            }
        }
        return false;
    }
}
