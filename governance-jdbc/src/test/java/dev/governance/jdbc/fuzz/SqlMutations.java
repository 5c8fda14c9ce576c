package dev.governance.jdbc.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated SQL: statements of an ordinary corpus (what applications and ORMs write) and an attack corpus, mutated
 * the ways attackers and odd clients do — comments, quotes, dialect literals, unicode, nesting, splicing.
 */
public final class SqlMutations {

    static final List<String> ORDINARY = List.of(
            "SELECT id, status FROM orders WHERE id = 1",
            "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'a'",
            "SELECT \"id\", \"status\" FROM \"ORDERS\" WHERE \"id\" IN (1, 2, 3) ORDER BY 1 LIMIT 10",
            "SELECT COUNT(*) FROM orders GROUP BY status HAVING COUNT(*) > 1",
            "SELECT * FROM orders WHERE note LIKE '%drop table%' OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY",
            "WITH t AS (SELECT id FROM orders WHERE amount > 10) SELECT * FROM t",
            "SELECT id FROM orders UNION ALL SELECT id FROM customers",
            "SELECT CASE WHEN amount > 10 THEN 'big' ELSE 'small' END FROM orders",
            "SELECT id FROM orders WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = orders.customer_id)",
            "INSERT INTO orders (id, customer_id, amount, status, note) VALUES (100, 1, 5, 'n', 'x')",
            "UPDATE orders SET status = 'z' WHERE id = 3",
            "DELETE FROM orders WHERE id = 4",
            "SELECT 'a;b', 'it''s', '--not a comment', '/* nor this */' FROM orders WHERE id = 1",
            "SELECT id AS \"select\", status AS \"from\" FROM orders");

    static final List<String> ATTACKS = List.of(
            "DROP TABLE orders",
            "DELETE FROM orders",
            "UPDATE orders SET amount = 0",
            "UPDATE orders SET amount = 0 WHERE 1 = 1",
            "TRUNCATE TABLE orders",
            "SELECT 1; DROP TABLE orders",
            "WITH d AS (DELETE FROM orders RETURNING id) SELECT * FROM d",
            "SELECT * FROM FINAL TABLE (DELETE FROM orders WHERE id > 0)",
            "SELECT FILE_READ('/etc/hostname')",
            "CALL FILE_WRITE('x', '/tmp/gov-fuzz-x')",
            "CREATE ALIAS EXEC AS 'String e(String c) { return c; }'",
            "SCRIPT TO '/tmp/gov-fuzz-dump.sql'",
            "SELECT NEXT VALUE FOR seq_orders",
            "SET EXCLUSIVE 1",
            "ALTER USER SA SET PASSWORD 'x'",
            "CREATE USER evil PASSWORD 'x' ADMIN",
            "GRANT ALL ON orders TO PUBLIC",
            "MERGE INTO orders KEY (id) VALUES (1, 1, 1, 'a', 'x')",
            "SELECT * FROM orders FOR UPDATE",
            "SELECT email, ssn FROM customers",
            "SELECT SET(@x, 1)");

    private static final List<String> SPLICES = List.of(
            "/* x */", "/**/", "--\n", "-- ; DROP TABLE orders\n", "/* ; DELETE FROM orders */", "'", "''", "\"",
            "\"\"", "`", "$$", "$a$", "E'\\''", "U&\"\\0041\"", "N'x'", "X'41'", "0x41", "\\", ";", "; ", "(", ")",
            ",", " OR 1=1 ", " AND ", " WHERE ", " UNION SELECT 1 ", "\t", "\n", "\r\n", "\u00a0", "\u200b", "\u2028",
            "ＳＥＬＥＣＴ", "sеlect", "é", "𝒮", "{fn ucase('a')}", "{d '2020-01-01'}", "{call f()}", "?", "?::int",
            ":name", "@@version", "#", "/*!", "*/", " COLLATE \"C\" ", "::text", "[x]", "$1", " FROM ", " INTO t ");

    private SqlMutations() {
    }

    static Arbitrary<String> corpus() {
        return Arbitraries.oneOf(Arbitraries.of(ORDINARY), Arbitraries.of(ATTACKS));
    }

    /** A corpus statement with up to 6 mutations. */
    public static Arbitrary<String> mutated() {
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(SPLICES), Arbitraries.doubles().between(0, 1))
                        .as((piece, at) -> (Mutation) s -> insert(s, at, piece)),
                Combinators.combine(corpus(), Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1))
                        .as((other, at, from) -> (Mutation) s -> insert(s, at, other.substring((int) (from * other.length())))),
                Arbitraries.doubles().between(0, 1).map(at -> (Mutation) s -> s.substring(0, (int) (at * s.length()))),
                Arbitraries.of((Mutation) s -> "SELECT * FROM (" + s + ") t", s -> "WITH w AS (" + s + ") SELECT * FROM w",
                        s -> s.toLowerCase(java.util.Locale.ROOT), s -> s.replace(" ", "/**/"), s -> s.replace(" ", "\n"),
                        s -> "(" + s + ")", s -> "EXPLAIN " + s, s -> s + ";", s -> s + " -- trailing"));
        return Combinators.combine(corpus(), mutation.list().ofMaxSize(6)).as((base, ms) -> {
            String s = base;
            for (Mutation m : ms) {
                s = m.apply(s);
            }
            return s;
        });
    }

    interface Mutation {
        String apply(String sql);
    }

    private static String insert(String s, double at, String piece) {
        int i = (int) (at * s.length());
        return s.substring(0, i) + piece + s.substring(i);
    }
}
