package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Dialect;
import net.sf.jsqlparser.statement.Statement;

import java.util.Objects;

/**
 * Column lineage of a parsed statement: for each result column, the table columns it is computed from.
 * Stateless and thread-safe; the caller caches the result with the statement's analysis (it depends only on
 * the statement text and the schema).
 *
 * <p>Resolution follows the database: FROM items by alias, CTEs before tables of the same name, inner query
 * levels before outer ones, {@code *} expanded in FROM order with USING/NATURAL columns merged. Where the choice
 * can't be known (an unqualified name two tables may own, an unknown table's columns, a table function), every
 * candidate is a source and the column or result is marked uncertain: a leak needs a missed source, a few extra
 * masked columns cost nothing.
 */
public final class LineageAnalyzer {

    public ResultLineage lineage(Statement parsed, Dialect dialect, SchemaLookup schema) {
        Objects.requireNonNull(parsed, "parsed");
        return new LineageWalker(dialect == null ? Dialect.GENERIC : dialect,
                schema == null ? SchemaLookup.none() : schema).run(parsed);
    }

    /**
     * Every column the statement reads or writes (for {@code columns} rules): see {@link ColumnsRead}. Like
     * {@link #lineage}, it depends only on the statement and the schema, so the caller caches it.
     */
    public ColumnsRead columnsRead(Statement parsed, Dialect dialect, SchemaLookup schema) {
        Objects.requireNonNull(parsed, "parsed");
        LineageWalker walker = new LineageWalker(dialect == null ? Dialect.GENERIC : dialect,
                schema == null ? SchemaLookup.none() : schema, false);
        return walker.columnsRead(walker.run(parsed));
    }

    /** The lineage matched to the result the database actually returned; see {@link ResultShape}. */
    public static ResultLineage align(ResultLineage lineage, ResultShape shape) {
        return LineageAlignment.align(lineage, shape);
    }
}
