package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The session settings a {@code SET} may change without being a hazard: a short allow-list per dialect of
 * settings that only affect the session's own view (schema, time zone, timeouts, formats, transaction
 * characteristics). Everything else is {@link Hazard#SYSTEM_CONFIGURATION}: H2's database-wide settings
 * (REFERENTIAL_INTEGRITY, ALLOW_LITERALS, MODE, EXCLUSIVE, DATABASE_EVENT_LISTENER, ...), settings that change how
 * the server reads SQL text (MySQL sql_mode, PostgreSQL standard_conforming_strings / backslash_quote, client
 * encodings whose multi-byte characters can swallow a backslash) or that bypass integrity
 * (session_replication_role), and settings the analyzer doesn't know (custom PostgreSQL settings that row-level
 * security policies read). Character-set settings are harmless only with a character set that has no multi-byte
 * character ending in a backslash byte.
 */
final class HarmlessSettings {

    private static final Set<String> POSTGRESQL = Set.of("search_path", "schema", "time zone", "timezone",
            "application_name", "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout", "datestyle",
            "intervalstyle", "extra_float_digits", "client_min_messages", "bytea_output", "transaction",
            "session characteristics", "constraints", "transaction_isolation", "default_transaction_isolation");
    private static final Set<String> POSTGRESQL_CHARSET = Set.of("client_encoding", "names");

    private static final Set<String> MYSQL = Set.of("time_zone", "autocommit", "transaction", "transaction_isolation",
            "tx_isolation", "max_execution_time", "max_statement_time", "sql_select_limit", "lock_wait_timeout",
            "innodb_lock_wait_timeout", "wait_timeout", "interactive_timeout", "net_read_timeout", "net_write_timeout",
            "group_concat_max_len");
    private static final Set<String> MYSQL_CHARSET = Set.of("names", "character set", "charset",
            "character_set_client", "character_set_connection", "character_set_results");

    private static final Set<String> H2 = Set.of("schema", "schema_search_path", "autocommit", "lock_timeout",
            "query_timeout", "time zone", "session characteristics");

    /** Character sets with no multi-byte character whose later bytes can be an ASCII backslash or quote. */
    private static final Set<String> SAFE_CHARSETS = Set.of("utf8", "utf-8", "utf8mb4", "utf8mb3", "unicode", "latin1",
            "latin9", "iso_8859_1", "iso-8859-1", "iso8859_1", "iso88591", "ascii", "sql_ascii", "us-ascii", "binary",
            "default", "null");

    private HarmlessSettings() {
    }

    /**
     * Whether set_config(name, ...) (PostgreSQL) changes only a harmless session setting. The value is not
     * checked here, so settings that are harmless only with some values (client_encoding) are not.
     */
    static boolean harmlessName(String name, Dialect d) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return (d == Dialect.POSTGRESQL || d == Dialect.GENERIC) && POSTGRESQL.contains(n);
    }

    /** Whether every assignment of this SET statement is on the dialect's allow-list. */
    static boolean harmless(KeywordView v, Dialect d) {
        List<List<Token>> pieces = assignments(v, d);
        if (pieces.isEmpty()) {
            return false;
        }
        for (List<Token> piece : pieces) {
            if (!harmlessAssignment(piece, d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The assignments of {@code SET a = 1, b = 2} (MySQL lists them; elsewhere a comma belongs to the value, as in
     * {@code SET search_path = a, b}). Commas inside parentheses never separate.
     */
    private static List<List<Token>> assignments(KeywordView v, Dialect d) {
        List<List<Token>> pieces = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        boolean list = d == Dialect.MYSQL || d == Dialect.GENERIC;
        int depth = 0;
        for (int i = 1; i < v.size(); i++) {
            Token t = v.token(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            }
            if (list && depth == 0 && t.isSymbol(',')) {
                pieces.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        pieces.add(current);
        List<List<Token>> out = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            List<Token> p = pieces.get(k);
            if (k > 0 && !assigns(p) && !startsWithCharset(p)) {
                // GENERIC: SET search_path = a, b - the rest of a value list, not an assignment
                continue;
            }
            out.add(p);
            if (!p.isEmpty() && (p.get(0).isWord("TRANSACTION") || p.size() > 1 && p.get(1).isWord("TRANSACTION"))) {
                // SET [SESSION] TRANSACTION ISOLATION LEVEL ..., READ ONLY: characteristics, not assignments
                break;
            }
        }
        return out;
    }

    private static boolean assigns(List<Token> p) {
        for (Token t : p) {
            if (t.isSymbol('=') || t.isWord("TO")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithCharset(List<Token> p) {
        return !p.isEmpty() && (p.get(0).isWord("NAMES") || p.get(0).isWord("CHARACTER") || p.get(0).isWord("CHARSET"));
    }

    private static boolean harmlessAssignment(List<Token> p, Dialect d) {
        int i = 0;
        if (at(p, i) != null && at(p, i).isSymbol('@')) {
            if (at(p, i + 1) == null || !at(p, i + 1).isSymbol('@')) {
                // a user variable (@x = ...): the session's own value
                return true;
            }
            // @@x, @@session.x, @@local.x (@@global.x is a hazard on its own)
            i += 2;
            if (at(p, i + 1) != null && at(p, i + 1).isSymbol('.')) {
                i += 2;
            }
        } else {
            while (isWord(p, i, "SESSION") && !isWord(p, i + 1, "CHARACTERISTICS") || isWord(p, i, "LOCAL")) {
                i++;
            }
        }
        Token first = at(p, i);
        if (first == null || !first.isIdentifier()) {
            return false;
        }
        String name = first.value().toLowerCase(Locale.ROOT);
        int next = i + 1;
        if (at(p, next) != null && at(p, next).isSymbol('.')) {
            // a dotted (custom) setting: never on the list
            return false;
        }
        if (first.kind() == TokenKind.WORD) {
            String second = at(p, next) != null && at(p, next).kind() == TokenKind.WORD
                    ? at(p, next).value().toLowerCase(Locale.ROOT) : "";
            String two = name + " " + second;
            if (two.equals("time zone") || two.equals("character set") || two.equals("session characteristics")) {
                name = two;
                next++;
            }
        }
        boolean postgres = d == Dialect.POSTGRESQL || d == Dialect.GENERIC;
        boolean mysql = d == Dialect.MYSQL || d == Dialect.GENERIC;
        boolean h2 = d == Dialect.H2 || d == Dialect.GENERIC;
        if (postgres && POSTGRESQL.contains(name) || mysql && MYSQL.contains(name) || h2 && H2.contains(name)) {
            return true;
        }
        if (postgres && POSTGRESQL_CHARSET.contains(name) || mysql && MYSQL_CHARSET.contains(name)) {
            return safeCharset(at(p, valueIndex(p, next)));
        }
        return false;
    }

    private static int valueIndex(List<Token> p, int i) {
        Token t = at(p, i);
        if (t != null && (t.isSymbol('=') || t.isWord("TO"))) {
            return i + 1;
        }
        if (t != null && t.isSymbol(':') && at(p, i + 1) != null && at(p, i + 1).isSymbol('=')) {
            return i + 2;
        }
        return i;
    }

    private static boolean safeCharset(Token value) {
        if (value == null || !(value.kind() == TokenKind.WORD || value.kind() == TokenKind.STRING
                || value.kind() == TokenKind.QUOTED)) {
            return false;
        }
        return SAFE_CHARSETS.contains(value.value().trim().toLowerCase(Locale.ROOT));
    }

    private static Token at(List<Token> p, int i) {
        return i >= 0 && i < p.size() ? p.get(i) : null;
    }

    private static boolean isWord(List<Token> p, int i, String word) {
        Token t = at(p, i);
        return t != null && t.isWord(word);
    }
}
