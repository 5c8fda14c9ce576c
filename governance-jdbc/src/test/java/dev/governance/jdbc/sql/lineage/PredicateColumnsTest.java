package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Columns a statement filters, joins, groups or orders on, with {@code =} for "only plain equality" and {@code ~}
 * for any other use: what {@code masking.predicates: deny} decides on.
 */
class PredicateColumnsTest {

    record Case(String name, String sql, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("equality_literal", "SELECT id FROM users WHERE email = 'a@b.c'", "=users.email"),
                new Case("equality_parameter", "SELECT id FROM users WHERE ? = email", "=users.email"),
                new Case("equality_named_parameter", "SELECT id FROM users WHERE email = :e AND id = 3", "=users.email =users.id"),
                new Case("like", "SELECT id FROM users WHERE email LIKE 'a%'", "~users.email"),
                new Case("range", "SELECT id FROM users WHERE ssn > '5'", "~users.ssn"),
                new Case("function_equality", "SELECT id FROM users WHERE lower(email) = 'a@b.c'", "~users.email"),
                new Case("substring_equality", "SELECT id FROM users WHERE substring(ssn, 1, 1) = '1'", "~users.ssn"),
                new Case("mixed_uses_merge", "SELECT id FROM users WHERE email = 'x' OR email LIKE 'a%'", "~users.email"),
                new Case("not_equality", "SELECT id FROM users WHERE NOT (email = 'x')", "=users.email"),
                new Case("not_equal", "SELECT id FROM users WHERE email <> 'x'", "~users.email"),
                new Case("in_list", "SELECT id FROM users WHERE email IN ('a', 'b')", "~users.email"),
                new Case("column_equals_column", "SELECT u.id FROM users u, profiles p WHERE u.email = p.bio", "=users.email =profiles.bio"),
                new Case("join_on", "SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id", "=orders.user_id =users.id"),
                new Case("join_using", "SELECT name FROM users JOIN orders USING (id)", "~orders.id ~users.id"),
                new Case("group_by", "SELECT count(*) FROM users GROUP BY email", "~users.email"),
                new Case("group_by_position", "SELECT ssn, count(*) FROM users GROUP BY 1", "~users.ssn"),
                new Case("having", "SELECT name FROM users GROUP BY name HAVING max(ssn) > '5'", "~users.name ~users.ssn"),
                new Case("order_by", "SELECT id FROM users ORDER BY email", "~users.email"),
                new Case("order_by_position", "SELECT id, ssn FROM users ORDER BY 2", "~users.id ~users.ssn"), // any output: see orderingUse
                new Case("order_by_output_alias", "SELECT name AS email FROM users ORDER BY email", "~users.email ~users.name"),
                new Case("subquery_in_where", "SELECT id FROM users WHERE id IN (SELECT user_id FROM orders WHERE note LIKE '%x%')",
                        "~orders.note ~orders.user_id ~users.id"),
                new Case("exists_correlated", "SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM profiles p WHERE p.user_id = u.id AND p.phone LIKE '+1%')",
                        "~profiles.phone =profiles.user_id =users.id"),
                new Case("derived_direct_equality", "SELECT * FROM (SELECT email AS e FROM users) x WHERE e = 'a'", "=users.email"),
                new Case("derived_computed_equality", "SELECT * FROM (SELECT lower(email) AS e FROM users) x WHERE e = 'a'", "~users.email"),
                new Case("inside_cte", "WITH c AS (SELECT id FROM users WHERE email LIKE 'a%') SELECT id FROM c", "~users.email"),
                new Case("inside_scalar_subquery", "SELECT (SELECT count(*) FROM users WHERE ssn LIKE '1%')", "~users.ssn"),
                new Case("union_order_by", "SELECT name FROM users UNION SELECT email FROM users ORDER BY 1", "~users.email ~users.name"),
                new Case("delete_where", "DELETE FROM users WHERE email LIKE '%@x.com'", "~users.email"),
                new Case("no_predicates", "SELECT email FROM users", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predicates(Case c) throws Exception {
        ResultLineage lineage = new LineageAnalyzer().lineage(CCJSqlParserUtil.parse(c.sql()), Dialect.POSTGRESQL, FakeSchema.INSTANCE);
        TreeSet<String> actual = new TreeSet<>();
        for (PredicateColumn p : lineage.predicates()) {
            actual.add((p.plainEquality() ? "=" : "~") + Render.key(p.column()));
        }
        TreeSet<String> expected = new TreeSet<>();
        for (String e : c.expected().split(" ")) {
            if (!e.isEmpty()) {
                expected.add(e);
            }
        }
        assertEquals(expected, actual, c.sql());
    }
}
