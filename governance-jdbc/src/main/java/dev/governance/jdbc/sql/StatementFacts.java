package dev.governance.jdbc.sql;

import java.util.Set;

/**
 * What one statement does, as the policy engine and the audit trail see it. Produced by the SQL analyzer with
 * the statement's literals and (for prepared statements) bound parameters already taken into account.
 */
public interface StatementFacts {

    StatementType type();

    /**
     * Every kind of statement this one may be, {@link #type()} included: an upsert ({@code INSERT … ON CONFLICT DO
     * UPDATE}, {@code ON DUPLICATE KEY UPDATE}, H2 {@code MERGE INTO … KEY}) is also an UPDATE, {@code REPLACE} also
     * a DELETE, a {@code MERGE} also each action it names, a statement with a writing CTE also that write. Rules and
     * row limits that name any of these kinds apply to it.
     */
    default Set<StatementType> kinds() {
        return Set.of(type());
    }

    /**
     * Whether it may change table rows: it is an INSERT, UPDATE, DELETE or MERGE of a table. Advancing or setting
     * a sequence ({@code nextval}, {@code NEXT VALUE FOR}) makes a statement an UPDATE of that sequence, but changes
     * no row: row limits don't apply to it (a rollback wouldn't undo it either).
     */
    default boolean changesRows() {
        for (StatementType kind : kinds()) {
            if (kind.changesRows()) {
                return true;
            }
        }
        return false;
    }

    /** What a DDL/DCL statement acts on; {@link ObjectKind#NONE} for DML and queries. */
    ObjectKind objectKind();

    Set<TableName> tablesRead();

    /** Tables inserted into, updated, deleted from, merged into, created, altered, dropped or truncated. */
    Set<TableName> tablesWritten();

    /** Every column the statement names (select list, predicates, SET targets, ...). */
    Set<ColumnName> columns();

    /** Columns assigned by UPDATE / MERGE / ON CONFLICT DO UPDATE / ON DUPLICATE KEY UPDATE. */
    Set<ColumnName> updatedColumns();

    /** Functions called, lower case, without schema. */
    Set<String> functions();

    Set<Hazard> hazards();

    /**
     * True when an UPDATE, DELETE or MERGE has no restricting condition: no WHERE, an always-true one
     * (also after binding parameters), {@code MERGE ... ON true}, {@code UPDATE ... FROM}/{@code DELETE ... USING}
     * without a condition that restricts the target.
     */
    boolean unboundedChange();

    /** True when the parser could not read this statement reliably; the other facts are then best effort. */
    boolean unparseable();

    /**
     * OR-branches of a change's condition made only of {@code IS NOT NULL} tests on columns of the changed table:
     * such a branch reaches every row when those columns can't be NULL ({@code DELETE FROM t WHERE id IS NOT NULL}
     * on a primary key), which only the database's metadata can tell.
     */
    default java.util.List<Set<ColumnName>> notNullBranches() {
        return java.util.List.of();
    }

    /**
     * The views among the tables this statement reads or writes, and the views behind those, each with what its
     * definition reads (tables, views, what the functions it calls read; {@link TableName#unreadableView(TableName)}
     * when the definition can't be read). Filled in by the driver for access lists (views followed to the tables
     * behind them); empty when not looked up, or when nothing the statement touches is a view.
     */
    default java.util.Map<TableName, Set<TableName>> viewReads() {
        return java.util.Map.of();
    }
}
