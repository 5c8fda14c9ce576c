package dev.governance.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lexer reads literals, identifiers and comments as each dialect's server does. */
class SqlLexerTest {

    private static String kinds(String sql, Dialect d) {
        SqlLexer.Lexed lexed = SqlLexer.lex(sql, d);
        return lexed.tokens().stream().map(t -> t.kind() + ":" + t.value()).collect(Collectors.joining(" "));
    }

    @Test
    void postgresDollarQuotesAndEscapeStrings() {
        assertEquals("WORD:SELECT STRING:a'b STRING:x$$y STRING: ; ", kinds("SELECT E'a\\'b' $q$x$$y$q$ $$ ; $$", Dialect.POSTGRESQL));
        assertEquals("WORD:SELECT STRING:a\\", kinds("SELECT 'a\\'", Dialect.POSTGRESQL));
        assertEquals("WORD:SELECT PARAM:2 SYMBOL:+ PARAM:1", kinds("SELECT $2 + $1", Dialect.POSTGRESQL));
    }

    @Test
    void postgresCommentsNest() {
        assertEquals("WORD:SELECT NUMBER:1", kinds("SELECT /* a /* b */ c */ 1", Dialect.POSTGRESQL));
        assertNotNull(SqlLexer.lex("SELECT /* a /* b */ 1", Dialect.POSTGRESQL).problem());
    }

    @Test
    void mysqlStringsCommentsAndExecutableComments() {
        assertEquals("WORD:SELECT STRING:a\"b STRING:c'd", kinds("SELECT \"a\\\"b\" 'c\\'d'", Dialect.MYSQL));
        assertEquals("WORD:SELECT NUMBER:1", kinds("SELECT 1 # DROP TABLE t", Dialect.MYSQL));
        assertEquals("WORD:SELECT NUMBER:5 SYMBOL:- SYMBOL:- NUMBER:1", kinds("SELECT 5 --1", Dialect.MYSQL));
        assertEquals("WORD:SELECT NUMBER:5", kinds("SELECT 5 -- 1", Dialect.MYSQL));
        assertEquals("WORD:DROP WORD:TABLE WORD:x", kinds("/*!50001 DROP TABLE x*/", Dialect.MYSQL));
        assertEquals("WORD:DROP WORD:TABLE WORD:x", kinds("/*M!100101 DROP TABLE x */", Dialect.MYSQL));
        assertEquals("QUOTED:a`b", kinds("`a``b`", Dialect.MYSQL));
        assertEquals("", kinds("/*! DROP TABLE x */", Dialect.POSTGRESQL), "PostgreSQL never runs /*! */");
    }

    @Test
    void h2SlashSlashComments() {
        assertEquals("WORD:SELECT NUMBER:1", kinds("SELECT 1 // ; DROP TABLE t", Dialect.H2));
        assertEquals("WORD:SELECT PARAM:3", kinds("SELECT ?3", Dialect.H2));
    }

    @Test
    void numbersAndParameters() {
        assertEquals("NUMBER:1.5e3 NUMBER:.5 NUMBER:0x1F PARAM:1 PARAM:2", kinds("1.5e3 .5 0x1F ? ?", Dialect.MYSQL));
    }

    @Test
    void unterminatedLiteralsAreProblems() {
        assertNotNull(SqlLexer.lex("SELECT 'abc", Dialect.POSTGRESQL).problem());
        assertNotNull(SqlLexer.lex("SELECT \"abc", Dialect.POSTGRESQL).problem());
        assertNotNull(SqlLexer.lex("SELECT $$abc", Dialect.POSTGRESQL).problem());
        assertNotNull(SqlLexer.lex("SELECT 1 /*! OR 1=1", Dialect.MYSQL).problem());
        assertNull(SqlLexer.lex("SELECT 'it''s'", Dialect.POSTGRESQL).problem());
    }

    @Test
    void statementsSplitOnTopLevelSemicolonsOnly() {
        List<TextShaper.Piece> pieces = TextShaper.shape(SqlLexer.lex("SELECT ';'; SELECT 2 -- ;\n;", Dialect.POSTGRESQL)
                .tokens()).pieces();
        assertEquals(2, pieces.size());
        assertEquals("SELECT ?", pieces.get(0).normalized());
        assertEquals("SELECT '0'", pieces.get(0).parseText());
        assertEquals("SELECT 1", pieces.get(1).parseText());
    }

    @Test
    void likeMatcher() {
        assertEquals(true, LikeMatcher.matches("abc", "a%"));
        assertEquals(true, LikeMatcher.matches("abc", "_b_"));
        assertEquals(false, LikeMatcher.matches("abc", "b%"));
        assertEquals(true, LikeMatcher.matches("", "%"));
    }
}
