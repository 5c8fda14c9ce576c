package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the two shapes of statement with which tools (Flyway among them) put a session back the way it was:
 * {@code SET ROLE 'login'} / {@code RESET ROLE} (PostgreSQL) and {@code SET a = ?, b = ?} on plain session
 * variables (MySQL, MariaDB). The gate lets such a statement through only when it changes nothing (see
 * {@code gate.SessionRestores}); this class only reads the text. Anything else reads as null.
 */
public final class SessionRestore {
    /** A role switch: {@code role} is the role named, or null for {@code RESET ROLE} / {@code SET ROLE NONE}. */
    public record RoleSwitch(String role) {
    }

    /** One session variable and the value written (a String, a number as text, or a bound parameter value). */
    public record Setting(String name, Object value) {
    }

    private SessionRestore() {
    }

    /** {@code SET [SESSION] ROLE x}, {@code SET ROLE NONE}, {@code RESET ROLE}; else null. */
    public static RoleSwitch roleSwitch(String sql, Dialect dialect, List<Object> parameters) {
        List<Token> t = tokens(sql, dialect);
        if (t == null) {
            return null;
        }
        if (t.size() == 2 && t.get(0).isWord("RESET") && t.get(1).isWord("ROLE")) {
            return new RoleSwitch(null);
        }
        int i = 0;
        if (t.isEmpty() || !t.get(i++).isWord("SET")) {
            return null;
        }
        if (i < t.size() && t.get(i).isWord("SESSION")) {
            i++;
        }
        if (i + 2 != t.size() || !t.get(i).isWord("ROLE")) {
            return null;
        }
        Token role = t.get(i + 1);
        return switch (role.kind()) {
            case WORD -> role.isWord("NONE") ? new RoleSwitch(null) : new RoleSwitch(Names.identifier(role.value(), dialect));
            case QUOTED, STRING -> new RoleSwitch(role.value());
            case PARAM -> parameter(parameters, role) instanceof String s ? new RoleSwitch(s) : null;
            default -> null;
        };
    }

    /** {@code SET [SESSION] a = v, [SESSION] b = v, …} with plain names and constant values (MySQL); else null. */
    public static List<Setting> sessionSettings(String sql, Dialect dialect, List<Object> parameters) {
        List<Token> t = tokens(sql, dialect);
        if (t == null || t.size() < 4 || !t.get(0).isWord("SET")) {
            return null;
        }
        List<Setting> out = new ArrayList<>();
        int i = 1;
        while (i < t.size()) {
            if (t.get(i).isWord("SESSION") || t.get(i).isWord("LOCAL")) {
                i++;
            }
            if (i + 2 >= t.size()) {
                return null;
            }
            Token name = t.get(i);
            if (name.kind() != TokenKind.WORD || !plainName(name.value()) || !t.get(i + 1).isSymbol('=')) {
                return null;
            }
            Token value = t.get(i + 2);
            Object v = switch (value.kind()) {
                case NUMBER, STRING, WORD -> value.value();
                case PARAM -> parameter(parameters, value);
                default -> null;
            };
            if (v == null) {
                return null;
            }
            out.add(new Setting(name.value().toLowerCase(Locale.ROOT), v));
            i += 3;
            if (i < t.size()) {
                if (!t.get(i).isSymbol(',')) {
                    return null;
                }
                i++;
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean plainName(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static Object parameter(List<Object> parameters, Token param) {
        int index;
        try {
            index = Integer.parseInt(param.value());
        } catch (NumberFormatException e) {
            return null;
        }
        return parameters == null || index < 1 || index > parameters.size() ? null : parameters.get(index - 1);
    }

    private static boolean semicolon(Token t) {
        return t.kind() == TokenKind.SEMICOLON || t.isSymbol(';');
    }

    /** The tokens without a trailing semicolon; null when the text can't be read or holds several statements. */
    private static List<Token> tokens(String sql, Dialect dialect) {
        SqlLexer.Lexed lexed = SqlLexer.lex(sql, dialect);
        if (lexed.problem() != null) {
            return null;
        }
        List<Token> t = new ArrayList<>(lexed.tokens());
        while (!t.isEmpty() && semicolon(t.get(t.size() - 1))) {
            t.remove(t.size() - 1);
        }
        for (Token token : t) {
            if (semicolon(token)) {
                return null;
            }
        }
        return t;
    }
}
