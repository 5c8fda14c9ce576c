package dev.governance.jdbc.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A search path of several schemas can't be resolved without the database: it is a configuration change. */
class SearchPathTest {
    private final SqlAnalyzer analyzer = new SqlAnalyzer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "SET search_path TO app|false",
            "SET search_path = app|false",
            "SET search_path TO app, vault|true",
            "SET search_path = 'app'|false",
            "SET search_path = 'app, vault'|true",
            "SET SESSION search_path TO \"App\", public|true",
    })
    void severalSchemasAreAConfigurationChange(String sql, boolean hazard) {
        StatementFacts facts = analyzer.analyze(sql, Dialect.POSTGRESQL).statements().get(0);
        assertEquals(hazard, facts.hazards().contains(Hazard.SYSTEM_CONFIGURATION), facts.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"SET search_path = 'app'", "SET search_path = 'app, vault'"})
    void literalPathsAreDecidedByValueNotByCache(String second) {
        analyzer.analyze("SET search_path = 'one'", Dialect.POSTGRESQL);
        StatementFacts facts = analyzer.analyze(second, Dialect.POSTGRESQL).statements().get(0);
        assertEquals(second.contains(","), facts.hazards().contains(Hazard.SYSTEM_CONFIGURATION));
    }
}
