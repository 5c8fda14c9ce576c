package dev.governance.jdbc.sql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The session variables a SQL text mentions: MySQL/MariaDB and H2 user variables ({@code @x}, {@code @`x`},
 * {@code @'x'}; not the system variables {@code @@x}), and PostgreSQL's custom settings as one channel
 * ({@code set_config(…)} writes it; {@code current_setting(…)}, {@code SHOW}, {@code pg_settings} read it). A value put there by one statement can be
 * read back by the next, so what flows in must be remembered by the session.
 */
public final class UserVariables {
    /** The one name PostgreSQL's custom settings go by here: written by set_config, read by current_setting. */
    public static final String POSTGRES_SETTINGS = "set_config()";

    private UserVariables() {
    }

    /** The variables {@code sql} mentions, lower case; empty (cheaply) when it can mention none. */
    public static Set<String> in(String sql, Dialect dialect) {
        if (sql == null || sql.indexOf('@') < 0 && !(dialect == Dialect.POSTGRESQL && mentionsSettings(sql))) {
            return Set.of();
        }
        List<Token> tokens = SqlLexer.lex(sql, dialect).tokens();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('@')) {
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                if (next != null && next.isSymbol('@')) {
                    i++; // @@system_variable
                    continue;
                }
                boolean previousAt = i > 0 && tokens.get(i - 1).isSymbol('@');
                if (!previousAt && next != null && !next.spaceBefore() && (next.isIdentifier()
                        || next.kind() == TokenKind.STRING)) {
                    names.add(next.value().toLowerCase(Locale.ROOT));
                }
            } else if (dialect == Dialect.POSTGRESQL && t.kind() == TokenKind.WORD
                    && (t.isWord("SET_CONFIG") || t.isWord("CURRENT_SETTING") || t.isWord("PG_SETTINGS")
                    || t.isWord("PG_SHOW_ALL_SETTINGS") || i == 0 && t.isWord("SHOW"))) {
                names.add(POSTGRES_SETTINGS);
            }
        }
        return names;
    }

    /**
     * Every identifier the text names, lower case, wherever it stands (also inside expressions a parser may not
     * walk, such as {@code JSON_OBJECT('s', token)}): to tell whether it may compute from a sensitive column.
     */
    public static Set<String> identifiers(String sql, Dialect dialect) {
        Set<String> names = new java.util.HashSet<>();
        for (Token t : SqlLexer.lex(sql, dialect).tokens()) {
            if (t.isIdentifier()) {
                names.add(t.value().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** True when the text reads diagnostics into variables ({@code GET DIAGNOSTICS … @m = MESSAGE_TEXT}). */
    public static boolean readsDiagnostics(String sql) {
        return sql != null && sql.regionMatches(true, firstWord(sql), "GET", 0, 3)
                && sql.toUpperCase(Locale.ROOT).contains("DIAGNOSTICS");
    }

    private static int firstWord(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean mentionsSettings(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("set_config") || lower.contains("current_setting") || lower.contains("pg_settings")
                || lower.contains("pg_show_all_settings") || lower.stripLeading().startsWith("show");
    }
}
