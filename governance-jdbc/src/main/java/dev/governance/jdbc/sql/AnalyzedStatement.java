package dev.governance.jdbc.sql;

import java.util.Set;
import net.sf.jsqlparser.statement.Statement;

/**
 * The facts of one statement for one use (its literals and bound parameters applied).
 *
 * @param normalizedSql   this statement's text with literals replaced by {@code ?}
 * @param parseProblem    why it is unparseable, or null
 * @param parsedStatement JSqlParser's tree, or null when unparseable. Shared by every use of the same
 *                        statement shape (it comes from the cache): read it, never change it. Its literals are
 *                        markers ({@code 0}, {@code '1'}: the k-th literal of the text), not the values.
 * @param schemaSwitch    the schema unqualified names resolve to after this statement ({@code SET search_path},
 *                        {@code SET SCHEMA}, {@code USE}), or null: a connection that runs it should pass it to
 *                        {@link SqlAnalyzer#analyze(String, Dialect, String)} from then on
 * @param kinds           every kind of statement this one may be, {@code type} included (see {@link #kinds()})
 * @param changesRows     whether it may change table rows (see {@link #changesRows()})
 * @param sequences       the sequences it advances or sets, also among {@code tablesWritten}
 */
public record AnalyzedStatement(
        StatementType type,
        ObjectKind objectKind,
        Set<TableName> tablesRead,
        Set<TableName> tablesWritten,
        Set<ColumnName> columns,
        Set<ColumnName> updatedColumns,
        Set<String> functions,
        Set<Hazard> hazards,
        boolean unboundedChange,
        boolean unparseable,
        String parseProblem,
        String normalizedSql,
        Statement parsedStatement,
        String schemaSwitch,
        java.util.List<Set<ColumnName>> notNullBranches,
        Set<StatementType> kinds,
        boolean changesRows,
        Set<TableName> sequences) implements StatementFacts {

    /** The one table whose rows it writes (sequences it advances aside), or null. */
    TableName rowTarget() {
        TableName target = null;
        for (TableName t : tablesWritten) {
            if (!sequences.contains(t)) {
                if (target != null) {
                    return null;
                }
                target = t;
            }
        }
        return target;
    }
}
