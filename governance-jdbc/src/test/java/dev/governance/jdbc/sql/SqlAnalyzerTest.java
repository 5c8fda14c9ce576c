package dev.governance.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.jsqlparser.statement.select.Select;
import org.junit.jupiter.api.Test;

/** Caching, binding, normalization and limits of {@link SqlAnalyzer}. */
class SqlAnalyzerTest {

    private final SqlAnalyzer analyzer = new SqlAnalyzer();

    private StatementFacts first(String sql, Dialect d) {
        return analyzer.analyze(sql, d).statements().get(0);
    }

    // ---- cache poisoning: a harmless variant first, the dangerous one after, same normalized text

    @Test
    void alwaysFalseCachedFirstDoesNotHideAlwaysTrue() {
        Analysis harmless = analyzer.analyze("DELETE FROM t WHERE 1 = 2", Dialect.POSTGRESQL);
        Analysis dangerous = analyzer.analyze("DELETE FROM t WHERE 1 = 1", Dialect.POSTGRESQL);
        assertEquals(harmless.normalizedSql(), dangerous.normalizedSql());
        assertEquals(harmless.fingerprint(), dangerous.fingerprint());
        assertFalse(harmless.statements().get(0).unboundedChange());
        assertTrue(dangerous.statements().get(0).unboundedChange());
        assertEquals(1, analyzer.cachedShapes(), "one shape, parsed once");
        // and the other way round
        assertFalse(analyzer.analyze("DELETE FROM t WHERE 3 = 4", Dialect.POSTGRESQL).statements().get(0).unboundedChange());
    }

    @Test
    void stringAndCaseVariantsAreDecidedPerText() {
        assertFalse(first("DELETE FROM t WHERE 'a' = 'b'", Dialect.MYSQL).unboundedChange());
        assertTrue(first("DELETE FROM t WHERE 'a' = 'A'", Dialect.MYSQL).unboundedChange());
        assertFalse(first("DELETE FROM t WHERE 'a' = 'A'", Dialect.POSTGRESQL).unboundedChange(),
                "PostgreSQL compares strings case-sensitively");
        assertFalse(first("DELETE FROM t WHERE 1 IN (2, 3)", Dialect.POSTGRESQL).unboundedChange());
        assertTrue(first("DELETE FROM t WHERE 1 IN (3, 1)", Dialect.POSTGRESQL).unboundedChange());
        assertFalse(first("DELETE FROM t WHERE name LIKE 'a%'", Dialect.POSTGRESQL).unboundedChange());
        assertTrue(first("DELETE FROM t WHERE name LIKE '%'", Dialect.POSTGRESQL).unboundedChange());
    }

    @Test
    void settingFunctionTargetIsDecidedPerText() {
        StatementFacts path = first("SELECT set_config('search_path', 'x', false)", Dialect.POSTGRESQL);
        StatementFacts role = first("SELECT set_config('role', 'x', false)", Dialect.POSTGRESQL);
        assertTrue(path.hazards().isEmpty());
        assertEquals(StatementType.SELECT, path.type());
        assertTrue(role.hazards().contains(Hazard.IDENTITY_SWITCH));
        assertEquals(StatementType.OTHER, role.type());
    }

    @Test
    void parameterAndLiteralWithSameNormalizedTextAreDifferentShapes() {
        Analysis withParameter = analyzer.analyze("DELETE FROM t WHERE ? = 1", Dialect.POSTGRESQL);
        Analysis withLiteral = analyzer.analyze("DELETE FROM t WHERE 1 = 1", Dialect.POSTGRESQL);
        assertEquals(withParameter.normalizedSql(), withLiteral.normalizedSql());
        assertFalse(withParameter.statements().get(0).unboundedChange());
        assertTrue(withParameter.dependsOnParameters());
        assertTrue(withLiteral.statements().get(0).unboundedChange());
        assertFalse(withLiteral.dependsOnParameters());
    }

    // ---- parameters

    @Test
    void boundParametersAreEvaluatedOnEveryBind() {
        Analysis prepared = analyzer.analyze("UPDATE t SET a = 1 WHERE ? = ?", Dialect.H2);
        assertTrue(prepared.dependsOnParameters());
        assertFalse(prepared.statements().get(0).unboundedChange(), "undecided until bound");
        assertFalse(prepared.bind(Arrays.asList(1, 2)).statements().get(0).unboundedChange());
        assertTrue(prepared.bind(Arrays.asList(2, 2)).statements().get(0).unboundedChange());
        assertTrue(prepared.bind(Arrays.asList("x", "x")).statements().get(0).unboundedChange());
        assertTrue(prepared.bind(Arrays.asList(1L, new java.math.BigDecimal("1.0"))).statements().get(0).unboundedChange());
        // a parameter left unset (or NULL) proves nothing either way: the condition restricts nothing we can see
        assertTrue(prepared.bind(Arrays.asList(1, null)).statements().get(0).unboundedChange());
    }

    @Test
    void constantConditionOnParametersAloneRestrictsNothingOnceBoundToUnknown() {
        Analysis a = analyzer.analyze("DELETE FROM t WHERE ? > now()", Dialect.POSTGRESQL);
        assertFalse(a.statements().get(0).unboundedChange());
        assertTrue(a.bind(List.of("2020-01-01")).statements().get(0).unboundedChange(),
                "a condition that never looks at t's rows deletes every row or none");
    }

    @Test
    void ordinaryPreparedStatementDoesNotDependOnParameters() {
        Analysis a = analyzer.analyze("UPDATE t SET a = ? WHERE id = ?", Dialect.POSTGRESQL);
        assertFalse(a.dependsOnParameters());
        assertFalse(a.bind(Arrays.asList(1, 2)).statements().get(0).unboundedChange());
    }

    // ---- normalization, fingerprint, parse tree

    @Test
    void normalizedTextHasNoLiterals() {
        Analysis a = analyzer.analyze("SELECT  *\nFROM t /* note */ WHERE a = 'secret' AND b IN (1, 2, 3) AND c = 4.5e3",
                Dialect.POSTGRESQL);
        assertEquals("SELECT * FROM t WHERE a = ? AND b IN (?) AND c = ?", a.normalizedSql());
        assertFalse(a.normalizedSql().contains("secret"));
        assertEquals(64, a.fingerprint().length());
        assertEquals(a.fingerprint(), analyzer.analyze("SELECT * FROM t WHERE a = 'x' AND b IN (9) AND c = 1",
                Dialect.POSTGRESQL).fingerprint().length() == 64 ? a.fingerprint() : "");
        assertEquals(SqlAnalyzer.sha256(a.normalizedSql()), a.fingerprint());
        assertNotEquals(a.fingerprint(), analyzer.analyze("SELECT * FROM u", Dialect.POSTGRESQL).fingerprint());
    }

    @Test
    void literalFormsOfEachDialectAreHiddenInTheNormalizedText() {
        assertEquals("SELECT ?, ?, ?", analyzer.analyze("SELECT $$x$$, E'y\\'', $q$z$q$", Dialect.POSTGRESQL).normalizedSql());
        assertEquals("SELECT ?, ?", analyzer.analyze("SELECT \"a\\\"b\", 'c\\'d'", Dialect.MYSQL).normalizedSql());
        assertEquals("SELECT ? FROM t", analyzer.analyze("SELECT /*!50001 'x' */ FROM t", Dialect.MYSQL).normalizedSql());
    }

    @Test
    void parsedStatementIsAvailableForLineage() {
        SqlAnalysis a = (SqlAnalysis) analyzer.analyze("SELECT email FROM users WHERE id = 1", Dialect.POSTGRESQL);
        AnalyzedStatement s = a.analyzedStatements().get(0);
        assertInstanceOf(Select.class, s.parsedStatement());
        assertEquals("SELECT email FROM users WHERE id = 0", s.parsedStatement().toString());
        assertNull(((SqlAnalysis) analyzer.analyze("COPY t TO '/x'", Dialect.POSTGRESQL)).analyzedStatements().get(0)
                .parsedStatement());
    }

    @Test
    void columnsAreResolvedToTheirTables() {
        StatementFacts f = first("SELECT o.id, c.email FROM orders o JOIN crm.customers c ON o.cid = c.id",
                Dialect.POSTGRESQL);
        List<String> keys = new ArrayList<>();
        f.columns().forEach(c -> keys.add(c.key()));
        assertTrue(keys.contains("public.orders.id"), keys.toString());
        assertTrue(keys.contains("crm.customers.email"), keys.toString());
        assertTrue(keys.contains("public.orders.cid"), keys.toString());
    }

    // ---- schema in effect

    @Test
    void schemaSwitchInTheSameTextMovesUnqualifiedNames() {
        Analysis pgText = analyzer.analyze("SET search_path TO vault, public; SELECT * FROM keys", Dialect.POSTGRESQL);
        assertEquals("vault.keys", pgText.statements().get(1).tablesRead().iterator().next().key());
        assertEquals("vault", ((SqlAnalysis) pgText).analyzedStatements().get(0).schemaSwitch());
        Analysis myText = analyzer.analyze("USE vault; DELETE FROM keys WHERE id = 1", Dialect.MYSQL);
        assertEquals("vault.keys", myText.statements().get(1).tablesWritten().iterator().next().key());
        Analysis h2Text = analyzer.analyze("SET SCHEMA VAULT; SELECT * FROM KEYS", Dialect.H2);
        assertEquals("vault.keys", h2Text.statements().get(1).tablesRead().iterator().next().key());
    }

    @Test
    void schemaSwitchByLiteralIsDecidedPerText() {
        Analysis a = analyzer.analyze("SET search_path = 'a'; SELECT * FROM k", Dialect.POSTGRESQL);
        Analysis b = analyzer.analyze("SET search_path = 'b'; SELECT * FROM k", Dialect.POSTGRESQL);
        assertEquals("a.k", a.statements().get(1).tablesRead().iterator().next().key());
        assertEquals("b.k", b.statements().get(1).tablesRead().iterator().next().key());
    }

    @Test
    void connectionSchemaIsPartOfTheAnalysis() {
        assertEquals("public.keys", analyzer.analyze("SELECT * FROM keys", Dialect.POSTGRESQL).statements().get(0)
                .tablesRead().iterator().next().key());
        assertEquals("vault.keys", analyzer.analyze("SELECT * FROM keys", Dialect.POSTGRESQL, "vault").statements().get(0)
                .tablesRead().iterator().next().key());
        assertEquals("other.keys", analyzer.analyze("SELECT * FROM other.keys", Dialect.POSTGRESQL, "vault")
                .statements().get(0).tablesRead().iterator().next().key());
    }

    // ---- what can't be read

    @Test
    void emptyTextHasNoStatements() {
        Analysis a = analyzer.analyze("  -- nothing\n /* at all */ ; ", Dialect.POSTGRESQL);
        assertTrue(a.statements().isEmpty());
        assertFalse(a.unparseable());
    }

    @Test
    void deeplyNestedInputComesBackUnparseable() {
        String sql = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
        Analysis a = analyzer.analyze(sql, Dialect.POSTGRESQL);
        assertTrue(a.unparseable());
        assertNotNull(a.parseProblem());
        assertEquals(StatementType.SELECT, a.statements().get(0).type());
    }

    @Test
    void deeplyNestedConditionComesBackUnparseable() {
        String sql = "DELETE FROM t WHERE " + "NOT (".repeat(3000) + "1 = 1" + ")".repeat(3000);
        Analysis a = analyzer.analyze(sql, Dialect.MYSQL);
        assertTrue(a.unparseable());
        assertEquals(StatementType.DELETE, a.statements().get(0).type());
    }

    @Test
    void hugeTextComesBackUnparseable() {
        StringBuilder b = new StringBuilder("SELECT * FROM t WHERE id IN (");
        for (int i = 0; i < 60_000; i++) {
            b.append(i == 0 ? "" : ", ").append("a").append(i);
        }
        Analysis a = analyzer.analyze(b.append(")").toString(), Dialect.POSTGRESQL);
        assertTrue(a.unparseable());
        assertTrue(a.parseProblem().contains("too long"), a.parseProblem());
    }

    @Test
    void parseTimeLimitIsHonoured() {
        SqlAnalyzer impatient = new SqlAnalyzer(Duration.ofMillis(1));
        StringBuilder b = new StringBuilder("SELECT ");
        for (int i = 0; i < 3000; i++) {
            b.append(i == 0 ? "" : " + ").append("CASE WHEN a").append(i).append(" = 1 THEN 1 ELSE 0 END");
        }
        Analysis a = impatient.analyze(b.toString(), Dialect.POSTGRESQL);
        // either it beat the clock or it is refused: never a hang, never an exception
        if (a.unparseable()) {
            assertNotNull(a.parseProblem());
        }
        assertEquals(StatementType.SELECT, a.statements().get(0).type());
    }

    @Test
    void unparseableStatementInAMultiStatementTextMakesTheTextUnparseable() {
        Analysis a = analyzer.analyze("SELECT 1; COPY t FROM '/etc/passwd'", Dialect.POSTGRESQL);
        assertTrue(a.multiStatement());
        assertTrue(a.unparseable());
        assertTrue(a.parseProblem().startsWith("statement 2:"), a.parseProblem());
    }

    @Test
    void analyzerIsThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    String sql = "DELETE FROM t WHERE " + (n % 2) + " = " + (n % 2 == 0 ? 0 : 2);
                    return analyzer.analyze(sql, Dialect.POSTGRESQL).statements().get(0).unboundedChange() == (n % 2 == 0);
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
