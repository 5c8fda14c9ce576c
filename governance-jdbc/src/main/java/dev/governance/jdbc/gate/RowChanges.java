package dev.governance.jdbc.gate;

import dev.governance.jdbc.SqlStates;
import dev.governance.jdbc.sql.Dialect;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.BitSet;

/**
 * Writes through an updatable result set ({@code updateRow}, {@code insertRow}, {@code deleteRow}) carry no SQL
 * text; this spells out the statement each one amounts to, so the gate decides on it like on any other:
 * {@code UPDATE t SET a = ?, b = ? WHERE <first column> = ?}, {@code INSERT INTO t (a, b) VALUES (?, ?)},
 * {@code DELETE FROM t WHERE <first column> = ?}.
 */
public final class RowChanges {
    private RowChanges() {
    }

    public static String update(ResultSetMetaData md, BitSet columns, Session session) throws SQLException {
        Dialect dialect = session.dialect();
        StringBuilder sql = new StringBuilder("UPDATE ").append(table(md, columns, dialect)).append(" SET ");
        appendColumns(sql, md, columns, dialect, " = ?, ");
        sql.setLength(sql.length() - 2);
        return sql.append(" WHERE ").append(quote(md.getColumnName(1), dialect)).append(" = ?").toString();
    }

    public static String insert(ResultSetMetaData md, BitSet columns, Session session) throws SQLException {
        Dialect dialect = session.dialect();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table(md, columns, dialect)).append(" (");
        appendColumns(sql, md, columns, dialect, ", ");
        sql.setLength(sql.length() - 2);
        sql.append(") VALUES (");
        for (int i = 0; i < Math.max(1, columns.cardinality()); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    /**
     * {@code source}: the admission that produced the result (null: unknown). When its query did not restrict its
     * rows, deleting row by row through the result is decided as the unbounded DELETE it adds up to.
     */
    public static String delete(ResultSetMetaData md, Session session, Admission source) throws SQLException {
        Dialect dialect = session.dialect();
        boolean bounded = source != null && boundedSource(source.analysis());
        String delete = "DELETE FROM " + table(md, new BitSet(), dialect);
        return bounded ? delete + " WHERE " + quote(md.getColumnName(1), dialect) + " = ?" : delete;
    }

    /** True when the query behind a result has a WHERE (or isn't a plain SELECT we can read). */
    private static boolean boundedSource(dev.governance.jdbc.sql.Analysis source) {
        if (source != null && !source.analyzedStatements().isEmpty()
                && source.analyzedStatements().get(0).parsedStatement()
                        instanceof net.sf.jsqlparser.statement.select.PlainSelect select) {
            return select.getWhere() != null;
        }
        return source != null;
    }

    private static void appendColumns(StringBuilder sql, ResultSetMetaData md, BitSet columns, Dialect dialect,
                                      String separator) throws SQLException {
        if (columns.isEmpty()) {
            sql.append(quote(md.getColumnName(1), dialect)).append(separator);
        }
        for (int i = columns.nextSetBit(0); i >= 0; i = columns.nextSetBit(i + 1)) {
            sql.append(quote(md.getColumnName(i), dialect)).append(separator);
        }
    }

    /** The one table the changed columns belong to; a result over several tables (or none known) is refused. */
    private static String table(ResultSetMetaData md, BitSet columns, Dialect dialect) throws SQLException {
        String schema = null;
        String table = null;
        int n = md.getColumnCount();
        for (int i = 1; i <= n; i++) {
            if (!columns.isEmpty() && !columns.get(i)) {
                continue;
            }
            String t = md.getTableName(i);
            if (t == null || t.isEmpty()) {
                continue;
            }
            if (table != null && !table.equals(t)) {
                throw new SQLException("A row change through this result touches several tables; it is refused",
                        SqlStates.POLICY_DENIED);
            }
            table = t;
            String s = md.getSchemaName(i);
            schema = s == null || s.isEmpty() ? schema : s;
        }
        if (table == null) {
            throw new SQLException("The table behind this result is unknown, so a change through it can't be decided",
                    SqlStates.POLICY_DENIED);
        }
        return schema == null ? quote(table, dialect) : quote(schema, dialect) + "." + quote(table, dialect);
    }

    /** Quoted exactly as the metadata spells it, so the name resolves to the very table the driver will write. */
    private static String quote(String name, Dialect dialect) {
        char q = dialect == Dialect.MYSQL ? '`' : '"';
        return q + name.replace(String.valueOf(q), String.valueOf(q) + q) + q;
    }
}
