package dev.governance.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the text, the analyzer answers: no exception, and every problem is reported as unparseable. */
class SqlAnalyzerFuzzTest {

    private static final String[] PIECES = {"SELECT", "DELETE", "UPDATE", "FROM", "WHERE", "SET", "WITH", "AS", "(", ")",
        "'", "\"", "`", "$$", "$a$", "--", "/*", "*/", "/*!", "#", ";", "1", "=", "?", "$1", "t", "x.y", "\\", "E'",
        "U&\"", "OR", "AND", "NOT", "IN", ",", "*", "INTO", "OUTFILE", "pg_read_file(", "DROP", "TABLE", "\n", " ",
        "MERGE", "USING", "ON", "RETURNING", "COPY", "DO", "::", "@@", "[", "]", "N'", "_binary'", "COLLATE"};

    @Test
    void randomTextsNeverThrow() {
        SqlAnalyzer analyzer = new SqlAnalyzer();
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int j = 0; j < n; j++) {
                b.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
            }
            for (Dialect d : Dialect.values()) {
                Analysis a = analyzer.analyze(b.toString(), d);
                assertNotNull(a.normalizedSql());
                assertNotNull(a.fingerprint());
                if (a.unparseable()) {
                    assertNotNull(a.parseProblem(), b.toString());
                }
                a.statements().forEach(s -> assertNotNull(s.type()));
                if (a.dependsOnParameters()) {
                    Object[] values = new Object[10];
                    Arrays.fill(values, 1);
                    a.bind(Arrays.asList(values));
                }
            }
        }
        assertTrue(analyzer.cachedShapes() > 0);
    }
}
