package dev.governance.jdbc.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a lexed text into its statements, each with its normalized text (literals as {@code ?}, IN-lists of
 * literals collapsed, comments and whitespace normalized) and its parse text, in which literal number k is
 * written as the marker {@code k} (numbers) or {@code 'k'} (strings) and parameter n as {@code ?n}. The parse
 * text depends only on the shape of the text, never on literal values, so a parse can be cached by it and
 * the literal values of each text applied afresh.
 */
final class TextShaper {

    /** One statement of a text. */
    record Piece(List<Token> tokens, String normalized, String parseText) {
    }

    /**
     * @param literals per marker k: a {@link BigDecimal}, a {@link String}, or a {@code List} of those for a
     *                 collapsed IN-list
     */
    record Shaped(List<Piece> pieces, String normalized, String parseKey, List<Object> literals) {
    }

    private TextShaper() {
    }

    static Shaped shape(List<Token> tokens) {
        List<Piece> pieces = new ArrayList<>();
        List<Object> literals = new ArrayList<>();
        StringBuilder allNormalized = new StringBuilder();
        StringBuilder allParse = new StringBuilder();
        int from = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).kind() == TokenKind.SEMICOLON) {
                if (i > from) {
                    Piece p = piece(tokens.subList(from, i), literals);
                    if (allNormalized.length() > 0) {
                        allNormalized.append("; ");
                        allParse.append(";\n");
                    }
                    allNormalized.append(p.normalized());
                    allParse.append(p.parseText());
                    pieces.add(p);
                }
                from = i + 1;
            }
        }
        boolean one = pieces.size() == 1; // the usual case: the piece's own strings, not copies of them
        return new Shaped(List.copyOf(pieces), one ? pieces.get(0).normalized() : allNormalized.toString(),
                one ? pieces.get(0).parseText() : allParse.toString(), java.util.Collections.unmodifiableList(literals));
    }

    private static Piece piece(List<Token> tokens, List<Object> literals) {
        StringBuilder norm = new StringBuilder();
        StringBuilder parse = new StringBuilder();
        boolean setStatement = !tokens.isEmpty() && tokens.get(0).isWord("SET");
        int variablesEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i >= variablesEnd) {
                variablesEnd = variableTargets(tokens, i);
            }
            if (i < variablesEnd || setStatement && assignmentColon(tokens, i)) {
                // MySQL/MariaDB: SELECT … INTO @a, @b and SET @x := … are read by the parser as the same query
                // without its variable targets and as SET @x = …; which variables they set is read from the tokens
                if (i > 0 && t.spaceBefore()) {
                    norm.append(' ');
                }
                norm.append(t.kind() == TokenKind.STRING ? "?" : t.text());
                continue;
            }
            if (i > 0 && (t.spaceBefore() || t.isSymbol('-') && tokens.get(i - 1).isSymbol('-'))) {
                // "- -1" stays two minus signs: "--" would start a comment for the parser
                norm.append(' ');
                parse.append(' ');
            } else if (i > 0 && (t.isLiteral() || t.kind() == TokenKind.PARAM)) {
                // markers never run into a neighbouring token ("?1" followed by "0" is not "?10")
                parse.append(' ');
            }
            int end = collapsibleInList(tokens, i);
            if (end > 0) {
                // IN (1, 2, 3) -> IN (?): one marker holding the whole list
                List<Object> values = new ArrayList<>();
                for (int j = i + 1; j < end; j += 2) {
                    values.add(value(tokens.get(j)));
                }
                int k = literals.size();
                literals.add(List.copyOf(values));
                norm.append("(?)");
                parse.append('(').append(marker(tokens.get(i + 1), k)).append(')');
                i = end;
                continue;
            }
            switch (t.kind()) {
                case STRING, NUMBER -> {
                    int k = literals.size();
                    literals.add(value(t));
                    norm.append('?');
                    parse.append(marker(t, k));
                }
                case PARAM -> {
                    norm.append('?');
                    if (jsonbOperator(tokens, i)) {
                        // PostgreSQL's jsonb key operators (doc ? 'k', ?| and ?&) in a plain statement: an operator
                        // between two operands, not a parameter; the parser reads containment the same way
                        parse.append("@>");
                        if (i + 1 < tokens.size() && (tokens.get(i + 1).isSymbol('|') || tokens.get(i + 1).isSymbol('&'))) {
                            norm.append(tokens.get(i + 1).text());
                            i++;
                        }
                    } else {
                        parse.append('?').append(t.value());
                    }
                }
                case QUOTED -> {
                    norm.append(t.text());
                    if (i > 0 && tokens.get(i - 1).isWord("COLLATE")) {
                        // the parser can't read COLLATE "C"; which collation it is changes nothing we decide
                        parse.append("collation_name");
                        continue;
                    }
                    // U&"..." goes to the parser decoded, as an ordinary quoted identifier
                    parse.append(t.text().startsWith("U&") || t.text().startsWith("u&")
                            ? '"' + t.value().replace("\"", "\"\"") + '"' : t.text());
                }
                case WORD -> {
                    norm.append(t.text());
                    // PostgreSQL's FROM ONLY t / UPDATE ONLY t: inheritance doesn't change what is touched
                    // MySQL/MariaDB: CONSTRAINT PRIMARY KEY (…) without a name (Flyway writes it) is the same
                    // constraint as without the word, which is what the parser reads
                    boolean unnamedConstraint = t.isWord("CONSTRAINT") && i + 1 < tokens.size()
                            && unnamedConstraintKind(tokens.get(i + 1));
                    if (!(t.isWord("ONLY") && i > 0 && onlyContext(tokens.get(i - 1))) && !unnamedConstraint) {
                        parse.append(t.text());
                    }
                }
                default -> {
                    norm.append(t.text());
                    parse.append(t.text());
                }
            }
        }
        return new Piece(List.copyOf(tokens), norm.toString(), parse.toString());
    }

    /**
     * When tokens[i] is {@code INTO} followed by a list of user variables ({@code @a, @`b`, @'c'}; not {@code @@x}):
     * the index past the list; otherwise -1.
     */
    private static int variableTargets(List<Token> tokens, int i) {
        if (!tokens.get(i).isWord("INTO")) {
            return -1;
        }
        int j = i + 1;
        int end = -1;
        while (j + 1 < tokens.size() && tokens.get(j).isSymbol('@')) {
            Token name = tokens.get(j + 1);
            if (name.spaceBefore() || !(name.isIdentifier() || name.kind() == TokenKind.STRING)) {
                return -1;
            }
            end = j + 2;
            if (end + 1 < tokens.size() && tokens.get(end).isSymbol(',') && tokens.get(end + 1).isSymbol('@')) {
                j = end + 1;
            } else {
                break;
            }
        }
        return end;
    }

    /** The colon of {@code :=} (MySQL's assignment operator). */
    private static boolean assignmentColon(List<Token> tokens, int i) {
        return tokens.get(i).isSymbol(':') && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('=')
                && !tokens.get(i + 1).spaceBefore();
    }

    private static boolean unnamedConstraintKind(Token next) {
        return next.isWord("PRIMARY") || next.isWord("UNIQUE") || next.isWord("FOREIGN") || next.isWord("CHECK");
    }

    /** A bare {@code ?} between an operand and a string, array or {@code |}/{@code &}: the jsonb operator. */
    private static boolean jsonbOperator(List<Token> tokens, int i) {
        if (!tokens.get(i).text().equals("?") || i == 0 || i + 1 >= tokens.size()) {
            return false;
        }
        Token before = tokens.get(i - 1);
        Token after = tokens.get(i + 1);
        boolean operandBefore = before.isIdentifier() && !keywordBefore(before) || before.isSymbol(')')
                || before.isSymbol(']') || before.kind() == TokenKind.STRING;
        boolean operandAfter = after.kind() == TokenKind.STRING || after.isWord("ARRAY")
                || (after.isSymbol('|') || after.isSymbol('&')) && !after.spaceBefore();
        return operandBefore && operandAfter;
    }

    private static boolean keywordBefore(Token t) {
        return t.isWord("SELECT") || t.isWord("WHERE") || t.isWord("AND") || t.isWord("OR") || t.isWord("ON")
                || t.isWord("BY") || t.isWord("SET") || t.isWord("VALUES") || t.isWord("THEN") || t.isWord("ELSE")
                || t.isWord("WHEN") || t.isWord("NOT") || t.isWord("LIKE") || t.isWord("IN") || t.isWord("IS");
    }

    private static boolean onlyContext(Token before) {
        return before.isWord("FROM") || before.isWord("UPDATE") || before.isWord("TABLE") || before.isWord("JOIN")
                || before.isWord("TRUNCATE");
    }

    private static String marker(Token t, int k) {
        return t.kind() == TokenKind.STRING ? "'" + k + "'" : Integer.toString(k);
    }

    /** When tokens[i] is "(" after IN and opens a list of two or more literals only: the index of its ")". */
    private static int collapsibleInList(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i).isSymbol('(') || !tokens.get(i - 1).isWord("IN")) {
            return -1;
        }
        int j = i + 1;
        int count = 0;
        while (j < tokens.size() && tokens.get(j).isLiteral()) {
            count++;
            Token after = j + 1 < tokens.size() ? tokens.get(j + 1) : null;
            if (after == null) {
                return -1;
            }
            if (after.isSymbol(')')) {
                return count >= 2 ? j + 1 : -1;
            }
            if (!after.isSymbol(',')) {
                return -1;
            }
            j += 2;
        }
        return -1;
    }

    static Object value(Token t) {
        if (t.kind() == TokenKind.STRING) {
            return t.value();
        }
        String v = t.value();
        try {
            if (v.length() > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'x' || v.charAt(1) == 'X')) {
                return new BigDecimal(new BigInteger(v.substring(2), 16));
            }
            return new BigDecimal(v.replace("_", ""));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
