package dev.governance.jdbc.sql;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search path, of one schema or several, is an ordinary session setting: names are resolved as the server resolves
 * them (by the connection's {@link TableResolver}), not refused.
 */
class SearchPathTest {
    private final SqlAnalyzer analyzer = new SqlAnalyzer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET search_path TO app|app",
            "SET search_path = app|app",
            "SET search_path TO app, vault|app",
            "SET search_path = 'app'|app",
            "SET search_path = 'app, vault'|app",
            "SET SESSION search_path TO \"App\", public|App",
    })
    void settingThePathIsNoConfigurationChange(String sql, String first) {
        AnalyzedStatement facts = ((SqlAnalysis) analyzer.analyze(sql, Dialect.POSTGRESQL)).analyzedStatements().get(0);
        assertEquals(Set.of(), facts.hazards(), facts.toString());
        assertEquals(StatementType.SET, facts.type());
        assertEquals(first, facts.schemaSwitch());
    }

    @Test
    void unqualifiedNamesResolvePerUseWhileTheShapeIsParsedOnce() {
        Map<String, String> holders = Map.of("orders", "agent_tool", "pg_class", "pg_catalog");
        TableResolver path = table -> holders.getOrDefault(table, "public");
        String sql = "SELECT o.id, c.relname FROM orders o JOIN pg_class c ON c.oid = o.id JOIN Customers x ON x.id = o.id"
                + " JOIN vault.keys k ON k.id = o.id";
        StatementFacts facts = analyzer.analyze(sql, Dialect.POSTGRESQL, path).statements().get(0);
        assertEquals(Set.of(new TableName("agent_tool", "orders"), new TableName("pg_catalog", "pg_class"),
                new TableName("public", "customers"), new TableName("vault", "keys")), facts.tablesRead());
        assertTrue(facts.columns().contains(new ColumnName(new TableName("agent_tool", "orders"), "id")), facts.toString());

        long shapes = analyzer.cachedShapes();
        StatementFacts elsewhere = analyzer.analyze(sql, Dialect.POSTGRESQL, table -> "other").statements().get(0);
        assertEquals(shapes, analyzer.cachedShapes(), "the same shape serves every search path");
        assertEquals(Set.of(new TableName("other", "orders"), new TableName("other", "pg_class"),
                new TableName("other", "customers"), new TableName("vault", "keys")), elsewhere.tablesRead());
    }

    @Test
    void writesAndTheirColumnsResolveToo() {
        StatementFacts facts = analyzer.analyze("UPDATE orders SET status = ? WHERE id = ?", Dialect.POSTGRESQL,
                table -> "agent_tool").statements().get(0);
        assertEquals(Set.of(new TableName("agent_tool", "orders")), facts.tablesWritten());
        assertEquals(Set.of(new ColumnName(new TableName("agent_tool", "orders"), "status")), facts.updatedColumns());
    }
}
