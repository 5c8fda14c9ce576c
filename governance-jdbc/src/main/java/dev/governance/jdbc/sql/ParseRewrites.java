package dev.governance.jdbc.sql;

import java.util.List;
import java.util.Locale;

/**
 * Ordinary statements the SQL parser doesn't read, given to it in an equivalent spelling that touches the same
 * tables and columns: {@code EXPLAIN [ANALYZE] [(options)] stmt} (the statement itself), PostgreSQL's unnamed
 * {@code CREATE INDEX ON t (c)}, H2's {@code DROP TABLE t IF EXISTS} and {@code MERGE INTO t KEY(k) VALUES},
 * MariaDB's {@code IF [NOT] EXISTS} inside {@code ALTER TABLE}, {@code CREATE SEQUENCE s START 1 INCREMENT 1},
 * {@code xmlelement(name e, …)}. Only the spelling changes; what is decided comes from the same words.
 */
final class ParseRewrites {

    /** How the statement was respelled: the text for the parser, and whether it is an EXPLAIN that runs nothing. */
    record Rewrite(String text, boolean explainOnly) {
    }

    private static final List<String> STATEMENT_STARTS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "WITH",
            "VALUES", "TABLE", "MERGE", "REPLACE");

    private ParseRewrites() {
    }

    /** The respelling of {@code parseText}, or null when there is none to try. */
    static Rewrite of(String parseText, Dialect dialect) {
        String upper = parseText.toUpperCase(Locale.ROOT);
        String trimmed0 = upper.stripLeading();
        int space = 0;
        while (space < trimmed0.length() && Character.isLetter(trimmed0.charAt(space))) {
            space++;
        }
        String first = trimmed0.substring(0, space); // as written: the keyword view skips EXPLAIN ANALYZE's prefix
        switch (first) {
            case "EXPLAIN", "DESCRIBE", "DESC" -> {
                int inner = innerStatement(upper);
                if (inner < 0) {
                    return null;
                }
                String options = upper.substring(0, inner);
                boolean runs = containsWord(options, "ANALYZE") || containsWord(options, "ANALYSE");
                return new Rewrite(parseText.substring(inner), !runs);
            }
            case "CREATE" -> {
                if (containsWord(upper, "SEQUENCE")) {
                    String s = replaceWord(parseText, "START", "START WITH", "WITH");
                    s = replaceWord(s, "INCREMENT", "INCREMENT BY", "BY");
                    return s.equals(parseText) ? null : new Rewrite(s, false);
                }
                int temporary = indexOfWord(upper, "TEMPORARY");
                if (temporary > 0 && (upper.startsWith("LOCAL ", temporary - 6) || upper.startsWith("GLOBAL ", temporary - 7))) {
                    // H2's CREATE LOCAL TEMPORARY TABLE
                    int cut = upper.lastIndexOf(' ', temporary - 2);
                    return new Rewrite(parseText.substring(0, cut + 1) + parseText.substring(temporary), false);
                }
                int on = indexOfWord(upper, "ON");
                int index = indexOfWord(upper, "INDEX");
                int concurrently = indexOfWord(upper, "CONCURRENTLY");
                if (index >= 0 && concurrently > index && concurrently < on) {
                    // CREATE INDEX CONCURRENTLY [IF NOT EXISTS] name: how it is built, not what it touches
                    String s = parseText.substring(0, concurrently) + parseText.substring(concurrently + 12);
                    String sUpper = s.toUpperCase(Locale.ROOT);
                    int ifNot = indexOfWord(sUpper, "IF NOT EXISTS");
                    if (ifNot >= 0) {
                        s = s.substring(0, ifNot) + s.substring(ifNot + "IF NOT EXISTS".length());
                    }
                    sUpper = s.toUpperCase(Locale.ROOT);
                    int idx = indexOfWord(sUpper, "INDEX");
                    int onAgain = indexOfWord(sUpper, "ON");
                    if (sUpper.substring(idx + 5, onAgain).isBlank()) {
                        s = s.substring(0, idx + 5) + " unnamed_index " + s.substring(onAgain);
                    }
                    return new Rewrite(s, false);
                }
                if (index >= 0 && on > index) {
                    String between = upper.substring(index + 5, on).trim();
                    if (between.isEmpty() || between.equals("CONCURRENTLY") || between.equals("IF NOT EXISTS")) {
                        return new Rewrite(parseText.substring(0, index + 5) + " unnamed_index " + parseText.substring(on),
                                false);
                    }
                }
                return null;
            }
            case "DROP" -> {
                String trimmed = upper.stripTrailing();
                for (String tail : List.of(" IF EXISTS CASCADE", " IF EXISTS RESTRICT", " IF EXISTS")) {
                    if (trimmed.endsWith(tail)) {
                        int at = trimmed.length() - tail.length();
                        int nameStart = upper.lastIndexOf(' ', at - 1);
                        if (nameStart < 0) {
                            return null;
                        }
                        String rest = tail.substring(" IF EXISTS".length());
                        return new Rewrite(parseText.substring(0, nameStart) + " IF EXISTS"
                                + parseText.substring(nameStart, at) + rest, false);
                    }
                }
                return null;
            }
            case "ALTER" -> {
                String s = removeWords(removeWords(parseText, "IF NOT EXISTS"), "IF EXISTS");
                int fk = indexOfWord(s.toUpperCase(Locale.ROOT), "DROP FOREIGN KEY");
                if (fk >= 0) {
                    // MySQL's DROP FOREIGN KEY fk is the standard DROP CONSTRAINT fk
                    s = s.substring(0, fk) + "DROP CONSTRAINT" + s.substring(fk + "DROP FOREIGN KEY".length());
                }
                return s.equals(parseText) ? null : new Rewrite(s, false);
            }
            case "MERGE" -> {
                int key = indexOfWord(upper, "KEY");
                int values = indexOfWord(upper, "VALUES");
                int select = indexOfWord(upper, "SELECT");
                int end = values >= 0 ? values : select;
                if (dialect != Dialect.H2 || key < 0 || end < key) {
                    return null;
                }
                int into = indexOfWord(upper, "INTO");
                return new Rewrite("INSERT " + parseText.substring(into, key) + parseText.substring(end), false);
            }
            default -> {
                String trimmed = upper.stripTrailing();
                if (trimmed.endsWith(" LOCK IN SHARE MODE")) {
                    // MySQL's shared row lock: how rows are locked, not which are read
                    return new Rewrite(parseText.substring(0, trimmed.length() - " LOCK IN SHARE MODE".length()), false);
                }
                int xml = upper.indexOf("XMLELEMENT(NAME ");
                if (xml < 0) {
                    return null;
                }
                int nameStart = xml + "XMLELEMENT(NAME ".length();
                int comma = parseText.indexOf(',', nameStart);
                int close = parseText.indexOf(')', nameStart);
                int cut = comma >= 0 && comma < close ? comma + 1 : close;
                if (cut < 0) {
                    return null;
                }
                String name = "'" + parseText.substring(nameStart, comma >= 0 && comma < close ? comma : close).trim()
                        .replace("'", "") + "'";
                String s = parseText.substring(0, xml) + "xmlelement(" + name + (cut == close ? "" : ",")
                        + parseText.substring(cut);
                return new Rewrite(s, false);
            }
        }
    }

    /** Where the explained statement starts: the first statement keyword after EXPLAIN and its options. */
    private static int innerStatement(String upper) {
        int best = -1;
        for (String start : STATEMENT_STARTS) {
            int at = indexOfWord(upper, start);
            if (at > 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    static int indexOfWord(String upper, String word) {
        int from = 0;
        while (true) {
            int at = upper.indexOf(word, from);
            if (at < 0) {
                return -1;
            }
            boolean startOk = at == 0 || !Character.isLetterOrDigit(upper.charAt(at - 1)) && upper.charAt(at - 1) != '_';
            int end = at + word.length();
            boolean endOk = end == upper.length() || !Character.isLetterOrDigit(upper.charAt(end)) && upper.charAt(end) != '_';
            if (startOk && endOk) {
                return at;
            }
            from = at + 1;
        }
    }

    private static boolean containsWord(String upper, String word) {
        return indexOfWord(upper, word) >= 0;
    }

    /** Replaces the word {@code word} by {@code with} unless it is already followed by {@code unlessNext}. */
    private static String replaceWord(String text, String word, String with, String unlessNext) {
        String upper = text.toUpperCase(Locale.ROOT);
        int at = indexOfWord(upper, word);
        if (at < 0) {
            return text;
        }
        String after = upper.substring(at + word.length()).stripLeading();
        if (after.startsWith(unlessNext + " ")) {
            return text;
        }
        return text.substring(0, at) + with + text.substring(at + word.length());
    }

    private static String removeWords(String text, String words) {
        String s = text;
        while (true) {
            int at = indexOfWord(s.toUpperCase(Locale.ROOT), words);
            if (at < 0) {
                return s;
            }
            s = s.substring(0, at) + s.substring(at + words.length());
        }
    }
}
