package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.lineage.ValueShape.Elements;
import dev.governance.jdbc.sql.lineage.ValueShape.Fields;
import dev.governance.jdbc.sql.lineage.ValueShape.Format;
import dev.governance.jdbc.sql.lineage.ValueShape.Leaf;
import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The shapes of JSON, array and row values a statement spells out, down to the column each part comes from. */
class ShapesTest {

    private static List<ColumnLineage> columns(String sql) throws Exception {
        return new LineageAnalyzer().lineage(CCJSqlParserUtil.parse(sql), Dialect.POSTGRESQL, FakeSchema.INSTANCE)
                .columns();
    }

    private static String sources(ValueShape shape) {
        return ((Leaf) shape).sources().toString();
    }

    @Test
    void jsonObjectsKeyedByLiteralMarkers() throws Exception {
        // the analyzed tree holds literal markers ('0', '1'): keys are bound to the text's literals per use
        ValueShape shape = columns("SELECT JSON_ARRAYAGG(JSON_OBJECT('0': id, '1': email)) FROM users").get(0).value();
        Fields row = assertInstanceOf(Fields.class, assertInstanceOf(Elements.class, shape).element());
        assertEquals(Format.JSON, row.format());
        assertEquals(List.of(ValueShape.LITERAL_KEY + "0", ValueShape.LITERAL_KEY + "1"), row.names());
        assertEquals(0, ValueShape.literalKey(row.names().get(0)));
        assertEquals("[public.users.email]", sources(row.values().get(1)));
    }

    @Test
    void wholeRowsRowsAndArrays() throws Exception {
        List<ColumnLineage> cols = columns("SELECT json_agg(u ORDER BY id), ROW(id, email), array_agg(email), u, id"
                + " FROM users u");
        Fields jsonRow = assertInstanceOf(Fields.class, ((Elements) cols.get(0).value()).element());
        assertEquals(Format.JSON, jsonRow.format());
        assertEquals(FakeSchema.INSTANCE.columnsOf(new dev.governance.jdbc.sql.TableName("public", "users")),
                jsonRow.names());
        Fields row = assertInstanceOf(Fields.class, cols.get(1).value());
        assertEquals(List.of("f1", "f2"), row.names());
        assertEquals(Format.ROW, row.format());
        Elements array = assertInstanceOf(Elements.class, cols.get(2).value());
        assertEquals(Format.ARRAY, array.format());
        assertEquals("[public.users.email]", sources(array.element()));
        assertEquals(Format.ROW, assertInstanceOf(Fields.class, cols.get(3).value()).format());
        assertNull(cols.get(4).value(), "a plain column has no shape");
    }

    @Test
    void computedKeysAreNotTakenApart() throws Exception {
        assertNull(columns("SELECT json_build_object(name, email) FROM users").get(0).value());
    }
}
