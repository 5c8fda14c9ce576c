package dev.governance.jdbc.sql;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdbcEscapesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{call p(?, ?)}|CALL p(?, ?)",
            "{ call p}|CALL p",
            "{? = call f(?)}|SELECT f(?)",
            "{ ?= call f(?)}|SELECT f(?)",
            "SELECT {fn ucase(name)} FROM t|SELECT ucase(name) FROM t",
            "SELECT * FROM t WHERE d > {d '2026-01-01'}|SELECT * FROM t WHERE d > DATE '2026-01-01'",
            "SELECT {ts '2026-01-01 00:00:00'}|SELECT TIMESTAMP '2026-01-01 00:00:00'",
            "SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id}|SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id",
            "SELECT '{call x}' FROM t|SELECT '{call x}' FROM t",
            "SELECT 1 -- {call x}|SELECT 1 -- {call x}",
            "SELECT /* {fn x} */ 1|SELECT /* {fn x} */ 1",
            "{call p(?)}; DROP TABLE t|CALL p(?); DROP TABLE t",
            "{frobnicate x}|{frobnicate x}",
            "{call p(?)|{call p(?)",
            "SELECT '{\"a\": 1}'::json|SELECT '{\"a\": 1}'::json",
    })
    void translatesWhatDriversTranslate(String in, String out) {
        assertEquals(out, JdbcEscapes.translate(in));
    }
}
