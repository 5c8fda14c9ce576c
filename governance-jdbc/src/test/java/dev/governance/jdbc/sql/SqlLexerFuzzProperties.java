package dev.governance.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.fuzz.SqlMutations;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The lexer on its own: random texts over the characters that change how SQL is read (quotes, escapes, comment
 * openers, dollar tags, parameters, unicode) and mutated corpus statements, for every dialect and both MySQL
 * escape modes. The lexer never throws: a text it can't read gives a {@code problem} ("unterminated …") that the
 * analyzer turns into an unparseable statement. Its tokens are the pieces of the text, in order, and whatever
 * whitespace or comments stand between them changes nothing. Bounded by tries, not by the clock: the lexer is one
 * pass, and the long inputs below (up to 64k characters of openers) would make a quadratic one obvious.
 */
class SqlLexerFuzzProperties {

    /** Characters that start, end or escape something somewhere, and a few that only look like they do. */
    private static final String ALPHABET = "'\"`$;-/*#?()[]\\ \n\r\t:&.,_+=<>!@{}%"
            + "aeEnNxXuUbB0123456789sS"
            + "\u00a0\u200b\u2028\uff07\u2019\u00e9\u0435";

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> random = Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(120);
        Arbitrary<String> surrogates = Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(8)
                .flatMap(odd -> random.map(r -> r + odd + r));
        Arbitrary<String> repeated = Arbitraries.of("'", "$a$", "/*", "/*!", "\"", "`", "E'\\", "U&'\\", "((", "--", "?",
                        "$$", "/* /*", "x'", "1e", "0x")
                .flatMap(piece -> Arbitraries.integers().between(1, 16_384).map(piece::repeat));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, random),
                net.jqwik.api.Tuple.of(4, SqlMutations.mutated()),
                net.jqwik.api.Tuple.of(1, surrogates),
                net.jqwik.api.Tuple.of(1, repeated));
    }

    @Property(seed = "20261210")
    void theLexerAnswersWithItsPiecesOfTheText(@ForAll("texts") String text, @ForAll Dialect dialect,
                                               @ForAll boolean backslashEscapes) {
        SqlLexer.Lexed lexed = SqlLexer.lex(text, dialect, backslashEscapes);
        Statistics.label("outcome").collect(lexed.problem() == null ? "read" : "problem");
        if (lexed.problem() != null) {
            assertTrue(lexed.problem().startsWith("unterminated "), lexed.problem());
        }
        int cursor = 0;
        int opened = 0;
        for (Token t : lexed.tokens()) {
            assertFalse(t.text().isEmpty(), "an empty token");
            int at = text.indexOf(t.text(), cursor);
            assertTrue(at >= 0, () -> "token " + t + " is not the next piece of " + show(text));
            cursor = at + t.text().length();
            assertTrue(t.kind() == TokenKind.PARAM || t.value().length() <= t.text().length(),
                    () -> "a value longer than its text: " + t); // a PARAM's value is its index
            switch (t.kind()) {
                case WORD -> assertEquals(t.text(), t.value());
                case SEMICOLON -> assertEquals(";", t.text());
                case SYMBOL -> assertEquals(1, t.text().length(), t::toString);
                case PARAM -> assertTrue(!t.value().isEmpty() && t.value().chars().allMatch(Character::isDigit), t::toString);
                case NUMBER -> assertTrue(Character.isDigit(t.text().charAt(0)) || t.text().charAt(0) == '.', t::toString);
                default -> { }
            }
            if (t.isSymbol('(')) {
                opened++;
            }
        }
        assertTrue(lexed.maxDepth() <= opened, "nesting deeper than the parentheses opened");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "\n", "\t", "\r\n", " /* c */ ", " /**/ ", " -- c\n", "  \n\t ");
    }

    /**
     * Lexing what the lexer read, with other whitespace or comments between the tokens, reads the same tokens: the
     * lexer takes nothing from the gaps and each token stands on its own.
     */
    @Property(seed = "20261211")
    void tokensReadAgainWithOtherGapsAreTheSame(@ForAll("texts") String text, @ForAll Dialect dialect,
                                                @ForAll boolean backslashEscapes,
                                                @ForAll("separators") String separator) {
        SqlLexer.Lexed lexed = SqlLexer.lex(text, dialect, backslashEscapes);
        if (lexed.problem() != null || lexed.tokens().isEmpty()) {
            Statistics.label("respaced").collect("skipped");
            return;
        }
        Statistics.label("respaced").collect("checked");
        StringBuilder joined = new StringBuilder();
        for (Token t : lexed.tokens()) {
            joined.append(t.text()).append(separator);
        }
        SqlLexer.Lexed again = SqlLexer.lex(joined.toString(), dialect, backslashEscapes);
        assertNull(again.problem(), () -> "re-read " + show(joined.toString()) + " of " + show(text));
        assertEquals(kindsAndValues(lexed.tokens()), kindsAndValues(again.tokens()),
                () -> "re-read " + show(joined.toString()) + " of " + show(text));
    }

    private static List<String> kindsAndValues(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.kind() + ":" + t.value());
        }
        return out;
    }

    private static String show(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        return "<" + shown.replace("\n", "\\n").replace("\r", "\\r") + ">";
    }
}
