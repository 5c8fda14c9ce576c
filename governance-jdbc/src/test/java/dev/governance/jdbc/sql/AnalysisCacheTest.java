package dev.governance.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Ad-hoc SQL with a new literal on every call is parsed once per shape: the cache hits (the second text gets the
 * very parse tree the first one built) while each text still carries its own values.
 */
class AnalysisCacheTest {

    private final SqlAnalyzer analyzer = new SqlAnalyzer();

    private Object parseTree(String sql, Dialect dialect) {
        SqlAnalysis analysis = (SqlAnalysis) analyzer.analyze(sql, dialect);
        Object tree = analysis.analyzedStatements().get(0).parsedStatement();
        assertNotNull(tree, "parsed: " + sql);
        return tree;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id, customer FROM orders WHERE id = %d",
        "SELECT * FROM orders WHERE customer = 'customer-%d' AND total > %d.50",
        "UPDATE orders SET status = 'paid-%d' WHERE id = %d",
        "SELECT id FROM orders WHERE created > DATE '2026-01-%02d' ORDER BY id LIMIT %d",
        "INSERT INTO notes (id, body) VALUES (%d, 'note %d')",
    })
    void textsDifferingOnlyInLiteralsShareOneParse(String shape) {
        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.H2, Dialect.MYSQL)) {
            Object first = parseTree(String.format(shape, 1, 1), dialect);
            for (int i = 2; i < 200; i++) {
                assertSame(first, parseTree(String.format(shape, i, i % 28 + 1), dialect),
                        "a cache hit gives the parse tree of the first text: " + dialect + " " + shape + " #" + i);
            }
        }
        assertEquals(3, analyzer.cachedShapes(), "one shape per dialect");
    }

    @Test
    void eachTextKeepsItsOwnLiteralValues() {
        Analysis one = analyzer.analyze("DELETE FROM orders WHERE id = 1 OR 1 = 1", Dialect.POSTGRESQL);
        Analysis two = analyzer.analyze("DELETE FROM orders WHERE id = 1 OR 1 = 2", Dialect.POSTGRESQL);
        assertSame(((SqlAnalysis) one).analyzedStatements().get(0).parsedStatement(),
                ((SqlAnalysis) two).analyzedStatements().get(0).parsedStatement());
        assertEquals(true, one.statements().get(0).unboundedChange(), "1 = 1 is decided with its own values");
        assertEquals(false, two.statements().get(0).unboundedChange());
    }

    @Test
    void anotherShapeIsAnotherParse() {
        Object byId = parseTree("SELECT id FROM orders WHERE id = 1", Dialect.POSTGRESQL);
        assertNotSame(byId, parseTree("SELECT id FROM orders WHERE customer = 1", Dialect.POSTGRESQL));
        assertNotSame(byId, parseTree("SELECT id FROM orders WHERE id = 1", Dialect.H2), "dialects are kept apart");
        assertNotSame(byId, ((SqlAnalysis) analyzer.analyze("SELECT id FROM orders WHERE id = 1", Dialect.POSTGRESQL,
                "other")).analyzedStatements().get(0).parsedStatement(), "default schemas are kept apart");
        assertEquals(4, analyzer.cachedShapes());
    }

    /**
     * A text without literals (a prepared statement's, a constant query's) seen again is found by its exact text and
     * skips lexing: the same parse, the same facts. Texts with literals never enter that cache (they would crowd it).
     */
    @Test
    void aTextWithoutLiteralsIsFoundByItsExactText() {
        String prepared = "UPDATE orders SET status = ? WHERE id = ?";
        SqlAnalysis first = (SqlAnalysis) analyzer.analyze(prepared, Dialect.POSTGRESQL);
        SqlAnalysis again = (SqlAnalysis) analyzer.analyze(prepared, Dialect.POSTGRESQL);
        assertSame(first.analyzedStatements().get(0).parsedStatement(), again.analyzedStatements().get(0).parsedStatement());
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(first.statements().get(0).type(), again.statements().get(0).type());
        assertEquals(first.statements().get(0).tablesWritten(), again.statements().get(0).tablesWritten());
        Analysis unbounded = analyzer.analyze("DELETE FROM orders WHERE ? = ?", Dialect.POSTGRESQL);
        assertTrue(analyzer.analyze("DELETE FROM orders WHERE ? = ?", Dialect.POSTGRESQL).dependsOnParameters()
                && unbounded.dependsOnParameters(), "a cached text still waits for its parameters");
        assertEquals(2, analyzer.cachedTexts());
        for (int i = 0; i < 50; i++) {
            analyzer.analyze("SELECT id FROM orders WHERE id = " + i, Dialect.POSTGRESQL);
        }
        assertEquals(2, analyzer.cachedTexts(), "texts with literals are cached by shape only");
        analyzer.analyze(prepared, Dialect.H2);
        analyzer.analyze(prepared, Dialect.POSTGRESQL, "other");
        assertEquals(4, analyzer.cachedTexts(), "dialects and default schemas are kept apart");
        Analysis dangerous = analyzer.analyze("DROP TABLE orders", Dialect.POSTGRESQL);
        Analysis dangerousAgain = analyzer.analyze("DROP TABLE orders", Dialect.POSTGRESQL);
        assertEquals(dangerous.statements().get(0).type(), dangerousAgain.statements().get(0).type());
        assertEquals(dangerous.statements().get(0).tablesWritten(), dangerousAgain.statements().get(0).tablesWritten());
    }

    /** The counters benchmarks read move with the cache: one miss for a new shape, a hit for each repeat. */
    @Test
    void hitsAndMissesAreCounted() {
        NormalizedTextCache.Counts before = NormalizedTextCache.counts().get("analysis");
        analyzer.analyze("SELECT total FROM orders WHERE id = 7 AND note = 'counted'", Dialect.POSTGRESQL);
        for (int i = 0; i < 5; i++) {
            analyzer.analyze("SELECT total FROM orders WHERE id = " + i + " AND note = 'counted'", Dialect.POSTGRESQL);
        }
        NormalizedTextCache.Counts after = NormalizedTextCache.counts().get("analysis");
        long hitsBefore = before == null ? 0 : before.hits();
        long missesBefore = before == null ? 0 : before.misses();
        // other tests may analyse in parallel: at least ours are counted
        assertTrue(after.hits() - hitsBefore >= 5, "hits: " + before + " -> " + after);
        assertTrue(after.misses() - missesBefore >= 1, "misses: " + before + " -> " + after);
    }

    /** One huge text must not crowd out the rest: past the limit a text is analysed but not cached. */
    @Test
    void aTextLongerThanTheLimitIsNotCached() {
        StringBuilder in = new StringBuilder("SELECT id FROM orders WHERE customer IN (");
        for (int i = 0; in.length() <= NormalizedTextCache.MAX_TEXT_LENGTH; i++) {
            in.append(i == 0 ? "" : ", ").append("c").append(i); // columns, not literals: the shape stays long
        }
        String huge = in.append(")").toString();
        Analysis analysis = analyzer.analyze(huge, Dialect.POSTGRESQL);
        assertEquals(false, analysis.unparseable(), analysis.parseProblem());
        assertEquals(0, analyzer.cachedShapes(), "not cached");
        analyzer.analyze("SELECT id FROM orders WHERE id = 1", Dialect.POSTGRESQL);
        assertEquals(1, analyzer.cachedShapes(), "a short text is");
    }
}
