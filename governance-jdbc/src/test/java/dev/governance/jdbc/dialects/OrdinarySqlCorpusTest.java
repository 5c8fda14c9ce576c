package dev.governance.jdbc.dialects;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.policy.PolicyEngine;
import dev.governance.jdbc.policy.PolicyLoader;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import dev.governance.jdbc.sql.StatementFacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people and their tools write (analytics, JSON, ORM and migration-tool DDL, SHOW/DESCRIBE/EXPLAIN, session
 * SETs), per dialect: no statement is unparseable for an agent, and each gets the baseline's decision written next
 * to it in {@code corpus/<dialect>.sql} and, for what every dialect reads alike, {@code corpus/common.sql} ({@code allow}, {@code approve}: DDL in production, {@code deny}: DROP and
 * settings that change how SQL is read).
 */
class OrdinarySqlCorpusTest {
    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer();
    private static final PolicyEngine BASELINE = new PolicyEngine(PolicyLoader.baseline());
    private static final Identity AGENT = new Identity("agent-7", IdentityKind.AGENT, List.of(), null, null, true, null);

    record Entry(Dialect dialect, String decision, String sql) {
        @Override
        public String toString() {
            return dialect + ": " + sql;
        }
    }

    /** The dialect's own statements and the common ones ({@code corpus/common.sql}), each read as that dialect. */
    static List<Entry> corpus(String name, Dialect dialect) throws IOException {
        List<Entry> out = read("common", dialect);
        out.addAll(read(name, dialect));
        return out;
    }

    private static List<Entry> read(String name, Dialect dialect) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                OrdinarySqlCorpusTest.class.getResourceAsStream("/corpus/" + name + ".sql"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.add(new Entry(dialect, line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return out;
    }

    static Stream<Arguments> statements() throws IOException {
        return Stream.of(corpus("postgresql", Dialect.POSTGRESQL), corpus("mariadb", Dialect.MYSQL),
                corpus("h2", Dialect.H2)).flatMap(List::stream).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void readAndDecided(Entry entry) {
        Analysis analysis = ANALYZER.analyze(entry.sql(), entry.dialect());
        assertFalse(analysis.unparseable(), () -> "unparseable: " + analysis.parseProblem());
        Decision decision = BASELINE.decide(AGENT, "production", analysis);
        assertEquals(entry.decision(), decision.action().label(), decision::explain);
    }

    @Test
    void atLeastThreeHundredPerDialect() throws IOException {
        for (String name : List.of("postgresql", "mariadb", "h2")) {
            int n = corpus(name, Dialect.GENERIC).size();
            assertTrue(n >= 300, name + " has " + n);
        }
    }

    @Test
    void valuesDefaultNamesNoColumn() {
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.H2)) {
            StatementFacts facts = ANALYZER.analyze("INSERT INTO orders (id, status) VALUES (default, ?)", d)
                    .statements().get(0);
            for (ColumnName c : facts.columns()) {
                assertFalse(c.column().equalsIgnoreCase("default"), d + ": " + facts.columns());
            }
            assertEquals(2, facts.columns().size(), d + ": " + facts.columns());
        }
    }
}
