package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import org.h2.jdbcx.JdbcDataSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineageAlignmentTest {

    private static ResultLineage lineage(String sql) throws Exception {
        return new LineageAnalyzer().lineage(CCJSqlParserUtil.parse(sql), Dialect.POSTGRESQL, FakeSchema.INSTANCE);
    }

    private static List<String> labels(ResultLineage l) {
        List<String> out = new ArrayList<>();
        for (ColumnLineage c : l.columns()) {
            out.add(c.label());
        }
        return out;
    }

    @Test
    void matchingCountsKeepLineageAndTakeRealLabels() throws Exception {
        ResultLineage aligned = LineageAnalyzer.align(lineage("SELECT id, lower(email) AS e FROM users"), ResultShape.of(List.of("ID", "E")));
        assertEquals("[users.id] [users.email]", Render.columns(aligned));
        assertEquals(List.of("ID", "E"), labels(aligned));
        assertTrue(aligned.complete());
    }

    @Test
    void unknownStarIsWidenedByTheResultLabels() throws Exception {
        ResultLineage l = lineage("SELECT o.id, m.*, o.note FROM orders o, mystery m");
        assertEquals("[orders.id] [mystery.*] [orders.note]", Render.columns(l));
        assertFalse(l.complete());
        ResultLineage aligned = LineageAnalyzer.align(l, ResultShape.of(List.of("id", "secret", "other", "note")));
        assertEquals("[orders.id] [mystery.secret] [mystery.other] [orders.note]", Render.columns(aligned));
        assertEquals(List.of("id", "secret", "other", "note"), labels(aligned));
        assertFalse(aligned.complete());
    }

    @Test
    void placeholderWhoseNamesSayNothingKeepsAnyColumnOfTheTable() throws Exception {
        // the second branch's columns take the first branch's labels: "id" says nothing about mystery's column
        ResultLineage aligned = LineageAnalyzer.align(lineage("SELECT id FROM users UNION SELECT * FROM mystery"),
                ResultShape.of(List.of("id")));
        assertEquals("[mystery.*,users.id]", Render.columns(aligned));
        assertFalse(aligned.complete());
    }

    @Test
    void countMismatchGivesEveryColumnEverySource() throws Exception {
        ResultLineage aligned = LineageAnalyzer.align(lineage("SELECT id, email FROM users"), ResultShape.of(List.of("a", "b", "c")));
        assertEquals("[users.email,users.id] [users.email,users.id] [users.email,users.id]", Render.columns(aligned));
        assertFalse(aligned.complete());
        for (ColumnLineage c : aligned.columns()) {
            assertFalse(c.certain());
        }
    }

    @Test
    void fewerResultColumnsThanLineageIsAMismatch() throws Exception {
        ResultLineage aligned = LineageAnalyzer.align(lineage("SELECT id, ssn FROM users"), ResultShape.of(List.of("id")));
        assertEquals("[users.id,users.ssn]", Render.columns(aligned));
        assertFalse(aligned.complete());
    }

    @Test
    void untracedStatementWithAResultGetsEveryTableItReads() throws Exception {
        ResultLineage l = lineage("MERGE INTO users u USING orders o ON (u.id = o.user_id) WHEN MATCHED THEN UPDATE SET name = o.note");
        assertFalse(l.complete());
        assertTrue(l.columns().isEmpty());
        ResultLineage aligned = LineageAnalyzer.align(l, ResultShape.of(List.of("x")));
        assertEquals("[orders.*,users.*]", Render.columns(aligned));
        assertFalse(aligned.complete());
    }

    @Test
    void callIsUntraced() throws Exception {
        ResultLineage l = lineage("CALL get_emails(1)");
        assertFalse(l.complete());
        assertTrue(l.columns().isEmpty());
    }

    @Test
    void shapeFromRealResultSetMetaData() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:lineage_align;DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection();
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS users(id INT, email VARCHAR(100), name VARCHAR(100), ssn VARCHAR(20))");
            st.execute("CREATE TABLE IF NOT EXISTS orders(id INT, user_id INT, total INT, note VARCHAR(100))");
            String sql = "SELECT * FROM orders o JOIN users u ON o.user_id = u.id";
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultLineage l = new LineageAnalyzer().lineage(CCJSqlParserUtil.parse(sql), Dialect.H2, FakeSchema.INSTANCE);
                ResultLineage aligned = LineageAnalyzer.align(l, ResultShape.of(rs.getMetaData()));
                assertEquals(8, aligned.columns().size());
                assertEquals("EMAIL", aligned.columns().get(5).label());
                assertEquals("[users.email]", Render.columns(new ResultLineage(List.of(aligned.columns().get(5)),
                        aligned.tablesTouched(), aligned.predicates(), true)));
                assertTrue(aligned.complete());
            }
        }
    }
}
