package dev.governance.jdbc.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL reads {@code 'a\' OR 1=1 -- '} as one string by default, but as a string followed by {@code OR 1=1}
 * when the server runs with NO_BACKSLASH_ESCAPES, which we can't see from here. When the two readings of a text
 * differ in what they do (statements, conditions, commands), the text is ambiguous and treated as unreadable.
 */
final class BackslashAmbiguity {

    private static final Set<String> SIGNIFICANT = Set.of("OR", "AND", "XOR", "NOT", "UNION", "SELECT", "INSERT",
            "UPDATE", "DELETE", "REPLACE", "DROP", "TRUNCATE", "CREATE", "ALTER", "RENAME", "GRANT", "REVOKE", "SET",
            "INTO", "CALL", "EXECUTE", "PREPARE", "LOAD", "KILL", "INSTALL", "WHERE", "FROM", "HANDLER", "DO");

    private BackslashAmbiguity() {
    }

    static boolean ambiguous(SqlLexer.Lexed usual, SqlLexer.Lexed alternative) {
        if (alternative.problem() != null) {
            // the other reading is not valid SQL: the server would refuse it, nothing hides there
            return false;
        }
        return !profile(usual.tokens()).equals(profile(alternative.tokens()));
    }

    private static Map<String, Integer> profile(List<Token> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (Token t : tokens) {
            String key = null;
            if (t.kind() == TokenKind.SEMICOLON) {
                key = ";";
            } else if (t.kind() == TokenKind.WORD) {
                String w = t.value().toUpperCase(Locale.ROOT);
                key = SIGNIFICANT.contains(w) || DangerousOperations.functionHazard(w, Dialect.MYSQL) != null ? w : null;
            } else if (t.isSymbol('|') || t.isSymbol('&') || t.isSymbol('=')) {
                key = t.text();
            }
            if (key != null) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts;
    }
}
