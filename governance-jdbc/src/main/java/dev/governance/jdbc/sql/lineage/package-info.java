/**
 * Column lineage on the statement side: which table columns each result column is computed from, and which
 * columns the statement filters, joins, groups or orders on.
 *
 * <p>Entry points: {@link dev.governance.jdbc.sql.lineage.LineageAnalyzer#lineage} (statement, dialect,
 * {@link dev.governance.jdbc.sql.lineage.SchemaLookup}) gives a {@link dev.governance.jdbc.sql.lineage.ResultLineage};
 * {@link dev.governance.jdbc.sql.lineage.LineageAnalyzer#align} matches it with the returned result's shape.
 *
 * <p>The rule throughout: when the database's choice can't be known, every candidate is a source and the answer
 * is marked uncertain; a missed source is a leak, an extra one a needlessly masked column. Expressions are walked
 * by a JSqlParser visitor, and a lexical backstop compares the expression's identifiers with the names the visitor
 * resolved, so a node type the visitor skips can't silently drop a column.
 */
package dev.governance.jdbc.sql.lineage;
