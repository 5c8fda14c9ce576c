package dev.governance.jdbc.sql;

import java.util.List;

/** The tokens of one statement read as keywords: what the statement says it does, parser or not. */
final class KeywordView {

    private final List<Token> tokens;
    private final int start;

    KeywordView(List<Token> tokens) {
        this.tokens = tokens;
        int i = 0;
        // "(SELECT ...)" is still a SELECT
        while (i < tokens.size() && tokens.get(i).isSymbol('(')) {
            i++;
        }
        this.start = i;
    }

    /**
     * The statement that actually runs: for EXPLAIN ANALYZE (which executes its statement) the explained
     * INSERT/UPDATE/DELETE/MERGE, otherwise this view.
     */
    KeywordView executed() {
        if (!is(0, "EXPLAIN") || !contains("ANALYZE")) {
            return this;
        }
        for (int i = 1; i < size(); i++) {
            String w = word(i);
            if (w.equals("INSERT") || w.equals("UPDATE") || w.equals("DELETE") || w.equals("MERGE") || w.equals("WITH")
                    || w.equals("SELECT") || w.equals("CREATE")) {
                return new KeywordView(tokens.subList(start + i, tokens.size()));
            }
        }
        return this;
    }

    List<Token> tokens() {
        return tokens;
    }

    int size() {
        return tokens.size() - start;
    }

    Token token(int i) {
        int j = start + i;
        return j >= 0 && j < tokens.size() ? tokens.get(j) : null;
    }

    /** The i-th token (from the first keyword) upper-cased when it is a word, else "". */
    String word(int i) {
        Token t = token(i);
        return t != null && t.kind() == TokenKind.WORD ? t.value().toUpperCase(java.util.Locale.ROOT) : "";
    }

    boolean is(int i, String word) {
        Token t = token(i);
        return t != null && t.isWord(word);
    }

    /** Index of the first word equal to {@code word} at or after {@code from}, or -1. */
    int find(String word, int from) {
        for (int i = Math.max(from, 0); i < size(); i++) {
            if (is(i, word)) {
                return i;
            }
        }
        return -1;
    }

    boolean contains(String word) {
        return find(word, 0) >= 0;
    }

    /** True when the words appear in this order, adjacent, anywhere. */
    boolean containsSequence(String first, String second) {
        for (int i = find(first, 0); i >= 0; i = find(first, i + 1)) {
            if (is(i + 1, second)) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first token after the leading modifiers (OR REPLACE, TEMP, UNIQUE, ...) that follow {@code from}. */
    int skipModifiers(int from) {
        int i = from;
        while (i < size()) {
            String w = word(i);
            switch (w) {
                case "OR", "REPLACE", "TEMP", "TEMPORARY", "UNIQUE", "GLOBAL", "LOCAL", "UNLOGGED", "MATERIALIZED",
                        "CACHED", "MEMORY", "FORCE", "RECURSIVE", "TRUSTED", "PROCEDURAL", "CONCURRENTLY", "EXTERNAL",
                        "AGGREGATE", "DEFINER", "ALGORITHM", "SQL", "SECURITY", "INVOKER", "UNDEFINED", "MERGE",
                        "TEMPTABLE", "ONLINE", "OFFLINE", "IGNORE", "FULLTEXT", "SPATIAL", "CONSTRAINT", "ONLY" -> i++;
                default -> {
                    Token t = token(i);
                    // DEFINER = `root`@`%`, ALGORITHM = MERGE
                    if (t != null && (t.isSymbol('=') || t.isSymbol('@') || t.kind() == TokenKind.QUOTED
                            || t.kind() == TokenKind.STRING) && i > from) {
                        i++;
                    } else {
                        return i;
                    }
                }
            }
        }
        return i;
    }
}
