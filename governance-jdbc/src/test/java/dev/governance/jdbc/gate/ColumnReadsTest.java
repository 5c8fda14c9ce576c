package dev.governance.jdbc.gate;

import dev.governance.jdbc.masking.ViewLookup;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.TableName;
import dev.governance.jdbc.sql.lineage.ColumnsRead;
import dev.governance.jdbc.sql.lineage.SchemaLookup;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What {@code columns} rules see: lineage's columns with views followed, {@code t.*} for every table lineage could
 * not follow, and one trace per statement shape until DDL.
 */
class ColumnReadsTest {
    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer();
    private static final TableName CUSTOMERS = new TableName("public", "customers");
    private static final TableName TAX = new TableName("public", "tax");
    private static final SchemaLookup SCHEMA = new SchemaLookup() {
        @Override
        public List<String> columnsOf(TableName table) {
            return switch (table.table()) {
                case "customers" -> List.of("id", "name", "ssn");
                case "tax" -> List.of("id", "tax_id");
                default -> List.of();
            };
        }

        @Override
        public TableName resolve(String schema, String table, Dialect dialect) {
            return new TableName(schema == null ? "public" : schema, table);
        }
    };
    /** tax is a view: tax_id is customers.ssn */
    private static final ViewLookup VIEWS = table -> table.table().equals("tax")
            ? new ViewLookup.View(Map.of("id", Set.of(new ColumnName(CUSTOMERS, "id")),
                    "tax_id", Set.of(new ColumnName(CUSTOMERS, "ssn"))), Set.of(CUSTOMERS))
            : null;

    private static String seen(String sql) {
        Analysis analysis = ANALYZER.analyze(sql, Dialect.POSTGRESQL, table -> "public");
        Analysis widened = ColumnReads.of(analysis, analysis,
                tree -> ColumnReads.trace(tree, Dialect.POSTGRESQL, SCHEMA, VIEWS));
        TreeSet<String> out = new TreeSet<>();
        for (ColumnName c : widened.statements().get(0).columns()) {
            out.add(c.key());
        }
        return String.join(" ", out);
    }

    @Test
    void starAndViewsAreExpanded() {
        assertEquals("public.customers.id public.customers.name public.customers.ssn", seen("SELECT * FROM customers"));
        assertEquals("public.customers.ssn public.tax.tax_id", seen("SELECT tax_id FROM tax"));
        assertEquals("public.customers.id public.customers.ssn public.tax.id public.tax.tax_id", seen("SELECT * FROM tax"));
    }

    @Test
    void whatLineageCannotFollowCountsAsEveryColumn() {
        assertEquals("public.customers.* public.customers.id public.customers.name public.orders.* public.orders.id",
                seen("MERGE INTO customers c USING orders o ON c.id = o.id WHEN MATCHED THEN UPDATE SET name = 'x'"));
        assertEquals("public.customers.*", seen("CREATE TABLE copy AS SELECT * FROM customers"));
        assertEquals("", seen("DROP TABLE customers"), "a dropped table's columns are neither read nor written");
        assertEquals("public.customers.id public.customers.name", seen("SELECT id, name FROM customers"));
    }

    @Test
    void oneTracePerStatementShapeUntilDdl() {
        MetadataCache cache = new MetadataCache();
        SearchPath path = SearchPath.of("public");
        AtomicInteger traces = new AtomicInteger();
        Statement first = tree("SELECT * FROM customers WHERE id = 1");
        Statement again = tree("SELECT * FROM customers WHERE id = 2");
        assertSame(first, again, "one parse per shape");
        ColumnsRead read = cache.columnsRead("db", path, first, () -> {
            traces.incrementAndGet();
            return ColumnReads.trace(first, Dialect.POSTGRESQL, SCHEMA, VIEWS);
        });
        for (int i = 0; i < 100; i++) {
            assertSame(read, cache.columnsRead("db", path, again, () -> {
                traces.incrementAndGet();
                return null;
            }));
        }
        assertEquals(1, traces.get(), "traced once, then cached");
        cache.columnsRead("db", SearchPath.of("other"), again, () -> {
            traces.incrementAndGet();
            return read;
        });
        assertEquals(2, traces.get(), "another search path is traced again");
        cache.invalidate();
        cache.columnsRead("db", path, again, () -> {
            traces.incrementAndGet();
            return read;
        });
        assertEquals(3, traces.get(), "DDL drops what was traced");
    }

    private static Statement tree(String sql) {
        Analysis analysis = ANALYZER.analyze(sql, Dialect.POSTGRESQL);
        return analysis.analyzedStatements().get(0).parsedStatement();
    }
}
