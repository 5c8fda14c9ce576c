package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
import dev.governance.jdbc.sql.TableName;

import java.util.List;
import java.util.Set;

/**
 * The condition of a {@code when}, {@code unless} or {@code auto-approve}: every given field must hold; an empty
 * list/set or null field is not checked. Fields of contract 4.1 plus the documented extensions
 * ({@code tables-read}, {@code tables-written}, {@code hazards}, {@code primary-key}, {@code unparseable},
 * {@code multi-statement}).
 *
 * @param identity       selectors, any of
 * @param environments   environment globs, any of (case-insensitive)
 * @param statements     statement types, any of
 * @param objects        object kinds, any of
 * @param tables         globs, any table read or written matching any of them
 * @param tablesRead     globs over tables read only
 * @param tablesWritten  globs over tables written only
 * @param columns        globs over every column named
 * @param whereAbsent    true for {@code where: absent}: an unbounded UPDATE/DELETE/MERGE
 * @param functions      globs over functions called
 * @param hazards        hazards, any of
 * @param primaryKey     true: a primary-key column is updated; false: none is; null: not checked
 * @param unparseable    whether the SQL text could not be read reliably; null: not checked
 * @param multiStatement whether the SQL text holds several statements; null: not checked
 */
public record Match(List<IdentitySelector> identity, List<Glob> environments, Set<StatementType> statements,
                    Set<ObjectKind> objects, List<NameGlob> tables, List<NameGlob> tablesRead,
                    List<NameGlob> tablesWritten, List<NameGlob> columns, boolean whereAbsent, List<Glob> functions,
                    Set<Hazard> hazards, Boolean primaryKey, Boolean unparseable, Boolean multiStatement) {

    /** Matches everything (a rule without {@code when}). */
    public static final Match ANY = new Match(List.of(), List.of(), Set.of(), Set.of(), List.of(), List.of(),
            List.of(), List.of(), false, List.of(), Set.of(), null, null, null);

    public Match {
        identity = List.copyOf(identity);
        environments = List.copyOf(environments);
        statements = Set.copyOf(statements);
        objects = Set.copyOf(objects);
        tables = List.copyOf(tables);
        tablesRead = List.copyOf(tablesRead);
        tablesWritten = List.copyOf(tablesWritten);
        columns = List.copyOf(columns);
        functions = List.copyOf(functions);
        hazards = Set.copyOf(hazards);
    }

    /** The parts that depend on who runs what text where, not on a single statement. */
    public boolean matchesCall(Identity who, String environment, Analysis analysis) {
        if (!identity.isEmpty() && !IdentitySelector.anyMatches(identity, who)) {
            return false;
        }
        if (!environments.isEmpty() && !anyGlob(environments, environment)) {
            return false;
        }
        if (unparseable != null && unparseable != analysis.unparseable()) {
            return false;
        }
        return multiStatement == null || multiStatement == analysis.multiStatement();
    }

    /** The parts that look at one statement. */
    public boolean matchesStatement(StatementFacts facts, PrimaryKeys keys) {
        if (!statements.isEmpty() && !anyKind(statements, facts)) {
            return false;
        }
        if (!objects.isEmpty() && !objects.contains(facts.objectKind())) {
            return false;
        }
        if (whereAbsent && !facts.unboundedChange() && !coveredByKey(facts, keys)) {
            return false;
        }
        if (!tables.isEmpty() && !anyTable(tables, facts.tablesRead()) && !anyTable(tables, facts.tablesWritten())) {
            return false;
        }
        if (!tablesRead.isEmpty() && !anyTable(tablesRead, facts.tablesRead())) {
            return false;
        }
        if (!tablesWritten.isEmpty() && !anyTable(tablesWritten, facts.tablesWritten())) {
            return false;
        }
        if (!columns.isEmpty() && !anyColumn(columns, facts.columns()) && !anyColumn(columns, facts.updatedColumns())) {
            return false;
        }
        if (!functions.isEmpty() && !anyFunction(functions, facts.functions())) {
            return false;
        }
        if (!hazards.isEmpty() && !anyHazard(hazards, facts.hazards())) {
            return false;
        }
        return primaryKey == null || primaryKey == (updatedPrimaryKey(facts, keys) != null);
    }

    /** True when the statement is any of {@code wanted}: every kind it may be counts (an upsert is an UPDATE). */
    static boolean anyKind(Set<StatementType> wanted, StatementFacts facts) {
        if (wanted.contains(facts.type())) {
            return true;
        }
        for (StatementType kind : facts.kinds()) {
            if (wanted.contains(kind)) {
                return true;
            }
        }
        return false;
    }

    public boolean matches(Identity who, String environment, Analysis analysis, StatementFacts facts, PrimaryKeys keys) {
        return matchesCall(who, environment, analysis) && matchesStatement(facts, keys);
    }

    /** The first updated column that is part of its table's primary key, or null. */
    /** A branch {@code pk IS NOT NULL}: true for every row, because a primary key is never NULL. */
    static boolean coveredByKey(StatementFacts facts, PrimaryKeys keys) {
        for (java.util.Set<ColumnName> branch : facts.notNullBranches()) {
            boolean allKeys = !branch.isEmpty();
            for (ColumnName column : branch) {
                allKeys &= column.table() != null && isKey(keys.of(column.table()), column);
            }
            if (allKeys) {
                return true;
            }
        }
        return false;
    }

    static ColumnName updatedPrimaryKey(StatementFacts facts, PrimaryKeys keys) {
        for (ColumnName updated : facts.updatedColumns()) {
            if (updated.table() != null) {
                if (isKey(keys.of(updated.table()), updated)) {
                    return updated;
                }
            } else {
                // The analyzer could not tell the owner: any written table whose key has this column counts.
                for (TableName t : facts.tablesWritten()) {
                    if (isKey(keys.of(t), updated)) {
                        return updated;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isKey(Set<ColumnName> key, ColumnName column) {
        for (ColumnName k : key) {
            if (k.column().equalsIgnoreCase(column.column())) {
                return true;
            }
        }
        return false;
    }

    static boolean anyGlob(List<Glob> globs, String text) {
        if (text == null) {
            return false;
        }
        for (Glob g : globs) {
            if (g.matches(text)) {
                return true;
            }
        }
        return false;
    }

    static boolean anyTable(List<NameGlob> globs, Set<TableName> tables) {
        for (TableName t : tables) {
            if (firstTableMatch(globs, t) != null) {
                return true;
            }
        }
        return false;
    }

    static NameGlob firstTableMatch(List<NameGlob> globs, TableName table) {
        for (NameGlob g : globs) {
            if (g.matches(table)) {
                return g;
            }
        }
        return null;
    }

    private static boolean anyColumn(List<NameGlob> globs, Set<ColumnName> columns) {
        return firstColumnMatch(globs, columns) != null;
    }

    /**
     * The first column matching any glob, or null. A column named {@code *} is every column of its table (the whole
     * row, or columns that are unknown): it matches a glob that can name a column of that table.
     */
    static ColumnName firstColumnMatch(List<NameGlob> globs, Set<ColumnName> columns) {
        for (ColumnName c : columns) {
            boolean whole = c.column().equals("*");
            for (NameGlob g : globs) {
                if (whole ? c.table() == null || g.matchesSomeColumnOf(c.table()) : g.matches(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static boolean anyFunction(List<Glob> globs, Set<String> functions) {
        for (String f : functions) {
            if (anyGlob(globs, f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyHazard(Set<Hazard> wanted, Set<Hazard> present) {
        for (Hazard h : present) {
            if (wanted.contains(h)) {
                return true;
            }
        }
        return false;
    }
}
