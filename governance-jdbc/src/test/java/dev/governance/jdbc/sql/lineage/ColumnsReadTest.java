package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every column a statement reads or writes, for {@code columns} rules: {@code *} and whole rows expanded from the
 * schema, join keys, ordering, subqueries, CTEs, written columns and the values written; {@code t.*} where the
 * columns are unknown.
 */
class ColumnsReadTest {

    private static ColumnsRead read(String sql) throws Exception {
        return new LineageAnalyzer().columnsRead(CCJSqlParserUtil.parse(sql), Dialect.POSTGRESQL, FakeSchema.INSTANCE);
    }

    private static String columns(String sql) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        for (ColumnName c : read(sql).columns()) {
            out.add(Render.key(c));
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM users | users.email users.id users.name users.ssn",
        "SELECT u.* FROM users u JOIN orders o ON o.user_id = u.id | orders.user_id users.email users.id users.name users.ssn",
        "SELECT u FROM users u | users.email users.id users.name users.ssn",
        "SELECT row_to_json(u) FROM users u | users.email users.id users.name users.ssn",
        "SELECT json_agg(u) FROM users u | users.email users.id users.name users.ssn",
        "TABLE users | users.email users.id users.name users.ssn",
        "SELECT * FROM (SELECT * FROM users) d | users.email users.id users.name users.ssn",
        "WITH d AS (SELECT * FROM users) SELECT d.* FROM d | users.email users.id users.name users.ssn",
        "SELECT id FROM users ORDER BY ssn | users.id users.ssn",
        "SELECT name FROM users GROUP BY name HAVING max(ssn) > '1' | users.name users.ssn",
        "SELECT u.name FROM users u NATURAL JOIN orders o | orders.id users.id users.name",
        "SELECT name FROM users JOIN orders USING (id) | orders.id users.id users.name",
        "SELECT id FROM mystery | mystery.id",
        "SELECT * FROM mystery | mystery.*",
        "SELECT m.id FROM mystery m NATURAL JOIN users u | mystery.* mystery.id users.email users.id users.name users.ssn",
        "SELECT count(*) FROM users | ''",
        "SELECT count(*) FROM (SELECT * FROM users) d | ''",
        "SELECT id FROM orders o WHERE EXISTS (SELECT * FROM users u WHERE u.id = o.user_id) | orders.id orders.user_id users.id",
        "INSERT INTO orders SELECT id, id, 1, email FROM users | orders.id orders.note orders.total orders.user_id users.email users.id",
        "INSERT INTO orders (id, note) VALUES (1, 'x') | orders.id orders.note",
        "UPDATE orders SET note = (SELECT ssn FROM users WHERE id = 1) WHERE id = 2 | orders.id orders.note users.id users.ssn",
        "INSERT INTO orders (id, note) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET total = excluded.total | orders.id orders.note orders.total",
        "DELETE FROM users WHERE ssn = '1' RETURNING * | users.email users.id users.name users.ssn",
    })
    void everyColumnReadOrWritten(String sql, String expected) throws Exception {
        assertEquals(expected, columns(sql), sql);
        assertTrue(read(sql).followed(), sql);
    }

    @Test
    void aStatementLineageDoesNotWalkIsNotFollowed() throws Exception {
        ColumnsRead merge = read("MERGE INTO users u USING orders o ON u.id = o.user_id WHEN MATCHED THEN UPDATE SET name = 'x'");
        assertFalse(merge.followed(), "MERGE: the caller counts every column of its tables");
        assertTrue(read("CREATE TABLE t2 AS SELECT * FROM users").followed() == false);
    }
}
