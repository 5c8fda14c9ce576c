package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.governance.jdbc.sql.Dialect.H2;
import static dev.governance.jdbc.sql.Dialect.MYSQL;
import static dev.governance.jdbc.sql.Dialect.POSTGRESQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-column sources for a table of queries over users(id, email, name, ssn), orders(id, user_id, total, note),
 * profiles(user_id, bio, phone), other.secrets(id, token) and mystery (columns unknown). Names follow sqlglot's
 * test_lineage where a case has a counterpart there; the attacker cases try to carry email (or ssn) out of the
 * database under another shape. Expected: {@code "a | b, c"} = column 1 from a, column 2 from b and c.
 */
class LineageAnalyzerTest {

    record Case(String name, Dialect dialect, String sql, String expected, boolean complete) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case ok(String name, String sql, String expected) {
        return new Case(name, POSTGRESQL, sql, expected, true);
    }

    private static Case ok(String name, Dialect dialect, String sql, String expected) {
        return new Case(name, dialect, sql, expected, true);
    }

    private static Case partial(String name, String sql, String expected) {
        return new Case(name, POSTGRESQL, sql, expected, false);
    }

    private static Case partial(String name, Dialect dialect, String sql, String expected) {
        return new Case(name, dialect, sql, expected, false);
    }

    private static final String USERS = "users.id | users.email | users.name | users.ssn";
    private static final String ORDERS = "orders.id | orders.user_id | orders.total | orders.note";
    private static final String USERS_ROW = "users.id, users.email, users.name, users.ssn";

    static Stream<Case> cases() {
        return Stream.of(
                // ---- plain columns, aliases, qualification ----
                ok("plain_column", "SELECT email FROM users", "users.email"),
                ok("two_columns", "SELECT id, email FROM users", "users.id | users.email"),
                ok("alias", "SELECT email AS e FROM users", "users.email"),
                ok("alias_swaps_labels", "SELECT email AS id, id AS email FROM users", "users.email | users.id"),
                ok("qualified_by_table", "SELECT users.email FROM users", "users.email"),
                ok("qualified_by_alias", "SELECT c.email FROM users c", "users.email"),
                ok("schema_qualified", "SELECT public.users.email FROM public.users", "users.email"),
                ok("quoted_identifiers", "SELECT \"email\" FROM \"users\"", "users.email"),
                ok("case_insensitive", "SELECT EMAIL FROM USERS", "users.email"),
                ok("mysql_backticks", MYSQL, "SELECT `email` FROM `users`", "users.email"),
                ok("other_schema", "SELECT s.token FROM other.secrets s", "other.secrets.token"),
                ok("literal_only", "SELECT 1, 'x'", " | "),
                ok("lineage_ignores_where", "SELECT id FROM users WHERE email = 'a@b.c'", "users.id"),
                ok("order_limit_do_not_change", "SELECT email FROM users ORDER BY id DESC LIMIT 5 OFFSET 2", "users.email"),
                ok("distinct", "SELECT DISTINCT email FROM users", "users.email"),

                // ---- stars and joins ----
                ok("star", "SELECT * FROM users", USERS),
                ok("star_join_shifts_positions", "SELECT * FROM orders o JOIN users u ON o.user_id = u.id", ORDERS + " | " + USERS),
                ok("star_join_other_order", "SELECT * FROM users u JOIN orders o ON o.user_id = u.id", USERS + " | " + ORDERS),
                ok("star_comma_join", "SELECT * FROM orders, users", ORDERS + " | " + USERS),
                ok("table_star_second", "SELECT u.* FROM orders o JOIN users u ON o.user_id = u.id", USERS),
                ok("table_star_then_column", "SELECT o.*, u.email FROM orders o JOIN users u ON o.user_id = u.id", ORDERS + " | users.email"),
                ok("star_plus_expression", "SELECT *, lower(name) FROM users", USERS + " | users.name"),
                ok("join_using_star", "SELECT * FROM users JOIN orders USING (id)",
                        "users.id, orders.id | users.email | users.name | users.ssn | orders.user_id | orders.total | orders.note"),
                ok("natural_join_star", "SELECT * FROM orders NATURAL JOIN users",
                        "orders.id, users.id | orders.user_id | orders.total | orders.note | users.email | users.name | users.ssn"),
                ok("using_column_unqualified", "SELECT id, email FROM users JOIN orders USING (id)", "users.id, orders.id | users.email"),
                ok("ambiguous_takes_both", "SELECT id FROM users, orders", "users.id, orders.id"),
                ok("unique_unqualified_in_join", "SELECT email, total FROM users u JOIN orders o ON u.id = o.user_id", "users.email | orders.total"),
                ok("left_join", "SELECT u.email, o.note FROM users u LEFT JOIN orders o ON o.user_id = u.id", "users.email | orders.note"),
                ok("self_join", "SELECT a.email, b.name FROM users a JOIN users b ON a.id = b.id", "users.email | users.name"),
                ok("parenthesized_join", "SELECT * FROM (users u JOIN orders o ON u.id = o.user_id)", USERS + " | " + ORDERS),
                ok("parenthesized_join_alias_ref", "SELECT o.note FROM (users u JOIN orders o ON u.id = o.user_id)", "orders.note"),

                // ---- derived tables and alias column lists ----
                ok("derived_table", "SELECT x.email FROM (SELECT email FROM users) x", "users.email"),
                ok("derived_column_alias_list", "SELECT a FROM (SELECT email FROM users) AS x(a)", "users.email"),
                ok("derived_alias_list_star", "SELECT * FROM (SELECT id, email FROM users) AS x(a, b)", "users.id | users.email"),
                ok("derived_alias_list_relabels", "SELECT email, b FROM (SELECT id, email FROM users) AS x(email, b)", "users.id | users.email"),
                ok("table_alias_column_list", "SELECT b FROM users AS t(a, b)", "users.email"),
                ok("table_alias_column_list_partial", "SELECT a, name FROM users AS t(a)", "users.id | users.name"),
                ok("derived_expression", "SELECT x.e FROM (SELECT lower(email) AS e FROM users) x", "users.email"),
                ok("nested_derived", "SELECT z.a FROM (SELECT y.a FROM (SELECT email AS a FROM users) y) z", "users.email"),
                ok("derived_star", "SELECT * FROM (SELECT * FROM users) s", USERS),
                ok("derived_join_renames", "SELECT d.x FROM (SELECT u.email AS x, o.note AS y FROM users u JOIN orders o ON u.id = o.user_id) d", "users.email"),

                ok("derived_alias_hides_email_as_id", "SELECT id FROM (SELECT email AS id, id AS x FROM users) t", "users.email"),
                ok("table_alias_list_hides_email_as_id", "SELECT t.id FROM users AS t(email, id)", "users.email"),

                // ---- CTEs ----
                ok("lineage_sql_with_cte", "WITH z AS (SELECT email FROM users) SELECT email FROM z", "users.email"),
                ok("cte_renames", "WITH z AS (SELECT email AS harmless FROM users) SELECT harmless FROM z", "users.email"),
                ok("cte_star_after_rename", "WITH x AS (SELECT email AS id FROM users) SELECT * FROM x", "users.email"),
                ok("cte_column_list", "WITH z(harmless) AS (SELECT email FROM users) SELECT harmless FROM z", "users.email"),
                ok("lineage_source_with_cte", "WITH y AS (SELECT * FROM users), z AS (SELECT email AS a FROM y) SELECT a FROM z", "users.email"),
                ok("cte_shadows_table", "WITH users AS (SELECT note AS email FROM orders) SELECT email FROM users", "orders.note"),
                ok("cte_reads_table_it_shadows", "WITH users AS (SELECT ssn AS email FROM users) SELECT email FROM users", "users.ssn"),
                ok("schema_qualified_bypasses_cte", "WITH users AS (SELECT 1 AS email) SELECT email FROM public.users", "users.email"),
                ok("cte_name_appears_in_schema", "WITH orders AS (SELECT * FROM users), inter AS (SELECT * FROM orders) SELECT * FROM inter", USERS),
                ok("cte_union", "WITH d AS (SELECT * FROM users UNION SELECT * FROM users) SELECT email FROM d", "users.email"),
                ok("recursive_cte_no_sources", "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t", ""),
                ok("recursive_cte_carries", "WITH RECURSIVE t(id, e) AS (SELECT id, email FROM users WHERE id = 1 UNION ALL "
                        + "SELECT u.id, t.e FROM users u JOIN t ON u.id = t.id + 1) SELECT e FROM t", "users.email"),
                ok("recursive_cte_swaps_columns", "WITH RECURSIVE t(a, b) AS (SELECT id, email FROM users UNION ALL SELECT b, a FROM t) SELECT a FROM t",
                        "users.id, users.email"),
                ok("nested_with_in_subquery", "SELECT x FROM (WITH c AS (SELECT ssn AS x FROM users) SELECT x FROM c) d", "users.ssn"),

                // ---- set operations ----
                ok("lineage_union", "SELECT id FROM users UNION SELECT user_id FROM orders", "users.id, orders.user_id"),
                ok("union_second_branch", "SELECT name FROM users UNION ALL SELECT email FROM users", "users.name, users.email"),
                ok("union_three_branches", "SELECT id AS x FROM users UNION SELECT total FROM orders UNION SELECT user_id FROM profiles",
                        "users.id, orders.total, profiles.user_id"),
                ok("union_by_position", "SELECT id, name FROM users UNION SELECT id, email FROM users", "users.id | users.name, users.email"),
                ok("intersect", "SELECT name FROM users INTERSECT SELECT email FROM users", "users.name, users.email"),
                ok("except", "SELECT note FROM orders EXCEPT SELECT ssn FROM users", "orders.note, users.ssn"),
                ok("union_in_derived", "SELECT x FROM (SELECT name AS x FROM users UNION SELECT email FROM users) d", "users.name, users.email"),
                ok("union_parenthesized_order_by", "(SELECT name FROM users) UNION (SELECT email FROM users) ORDER BY 1", "users.name, users.email"),
                ok("union_of_stars_joined", "SELECT * FROM orders UNION ALL SELECT * FROM users", "orders.id, users.id | orders.user_id, users.email | orders.total, users.name | orders.note, users.ssn"),

                // ---- scalar subqueries ----
                ok("subquery", "SELECT (SELECT max(t3.email) AS my_column FROM users t3) AS result FROM orders", "users.email"),
                ok("subquery_correlated", "SELECT o.id, (SELECT u.email FROM users u WHERE u.id = o.user_id) FROM orders o", "orders.id | users.email"),
                ok("subquery_unqualified_outer_reference", "SELECT id, (SELECT email) FROM users", "users.id | users.email"),
                ok("subquery_outer_reference", "SELECT (SELECT o.note) FROM orders o", "orders.note"),
                ok("subquery_in_expression", "SELECT 'x' || (SELECT ssn FROM users LIMIT 1)", "users.ssn"),
                ok("exists_value", "SELECT EXISTS (SELECT email FROM users WHERE id = 1)", "users.email"),

                // ---- expressions and functions ----
                ok("lower", "SELECT lower(email) FROM users", "users.email"),
                ok("concat", "SELECT concat('x', email) FROM users", "users.email"),
                ok("substring", "SELECT substring(email, 1, 3) FROM users", "users.email"),
                ok("substring_from_for", "SELECT substring(email FROM 1 FOR 3) FROM users", "users.email"),
                ok("overlay", "SELECT overlay(email PLACING 'x' FROM 1) FROM users", "users.email"),
                ok("position_in", "SELECT position('@' IN email) FROM users", "users.email"),
                ok("case_when_then", "SELECT CASE WHEN id > 0 THEN email END FROM users", "users.id, users.email"),
                ok("case_simple_else", "SELECT CASE id WHEN 1 THEN 'a' ELSE ssn END FROM users", "users.id, users.ssn"),
                ok("case_condition_only", "SELECT CASE WHEN email LIKE 'a%' THEN 1 ELSE 0 END FROM users", "users.email"),
                ok("cast", "SELECT CAST(email AS varchar(10)) FROM users", "users.email"),
                ok("pg_cast", "SELECT email::text FROM users", "users.email"),
                ok("concat_operator", "SELECT email || '' FROM users", "users.email"),
                ok("arithmetic", "SELECT total * 2 + id FROM orders", "orders.total, orders.id"),
                ok("coalesce", "SELECT coalesce(NULL, email) FROM users", "users.email"),
                ok("nullif", "SELECT nullif(ssn, '') FROM users", "users.ssn"),
                ok("nested_functions", "SELECT upper(trim(reverse(email))) FROM users", "users.email"),
                ok("trim_from", "SELECT trim(both ' ' from email) FROM users", "users.email"),
                ok("hex", MYSQL, "SELECT hex(email) FROM users", "users.email"),
                ok("to_base64", MYSQL, "SELECT to_base64(email) FROM users", "users.email"),
                ok("encode_bytea_base64", "SELECT encode(email::bytea, 'base64') FROM users", "users.email"),
                ok("cast_varbinary", H2, "SELECT cast(email as varbinary) FROM users", "users.email"),
                ok("convert_using", MYSQL, "SELECT convert(email using utf8) FROM users", "users.email"),
                ok("md5", "SELECT md5(ssn) FROM users", "users.ssn"),
                ok("in_list_value", "SELECT email IN ('a', 'b') FROM users", "users.email"),
                ok("array_constructor", "SELECT ARRAY[email, name] FROM users", "users.email, users.name"),
                ok("json_build_object", "SELECT json_build_object('e', email) FROM users", "users.email"),
                ok("json_object_key_value", H2, "SELECT JSON_OBJECT(KEY 'a' VALUE email) FROM users", "users.email"),

                // ---- aggregates ----
                ok("max", "SELECT max(email) FROM users", "users.email"),
                ok("string_agg", "SELECT string_agg(email, ',') FROM users", "users.email"),
                ok("string_agg_order_by", "SELECT string_agg(name, ',' ORDER BY email) FROM users", "users.name, users.email"),
                ok("listagg", "SELECT listagg(email, ',') WITHIN GROUP (ORDER BY id) FROM users", "users.email, users.id"),
                ok("group_concat", MYSQL, "SELECT group_concat(email SEPARATOR ',') FROM users", "users.email"),
                ok("array_agg", "SELECT array_agg(email) FROM users", "users.email"),
                ok("json_agg_row", "SELECT json_agg(u) FROM users u", USERS_ROW),
                ok("count_column_is_derived", "SELECT count(email) FROM users", "users.email"),
                ok("count_distinct", "SELECT count(DISTINCT email) FROM users", "users.email"),
                ok("count_star", "SELECT count(*) FROM users", ""),
                ok("count_filter", "SELECT count(*) FILTER (WHERE email LIKE 'a%') FROM users", "users.email"),
                ok("group_by_aggregate", "SELECT name, max(ssn) FROM users GROUP BY name", "users.name | users.ssn"),

                // ---- windows ----
                ok("window_partition_order", "SELECT first_value(email) OVER (PARTITION BY name ORDER BY id) FROM users", "users.email, users.name, users.id"),
                ok("row_number_ordered_by_email", "SELECT row_number() OVER (ORDER BY email) FROM users", "users.email"),
                ok("window_sum", "SELECT sum(total) OVER (PARTITION BY user_id) FROM orders", "orders.total, orders.user_id"),

                // ---- whole-row values ----
                ok("row_to_json", "SELECT row_to_json(u) FROM users u", USERS_ROW),
                ok("to_json_table_star", "SELECT to_json(u.*) FROM users u", USERS_ROW),
                ok("table_alias_as_value", "SELECT u FROM users u", USERS_ROW),
                ok("table_name_as_value", "SELECT users FROM users", USERS_ROW),
                ok("derived_row_as_value", "SELECT t FROM (SELECT email FROM users) t", "users.email"),
                ok("composite_field_access", "SELECT (u).email FROM users u", "users.email"),
                ok("row_to_json_of_join_side", "SELECT o.id, row_to_json(p) FROM orders o JOIN profiles p ON p.user_id = o.user_id",
                        "orders.id | profiles.user_id, profiles.bio, profiles.phone"),
                ok("table_statement", "TABLE users", USERS),

                ok("cast_table_star_to_text", "SELECT (u.*)::text FROM users u", USERS_ROW),
                ok("cast_row_alias_to_text", "SELECT u::text FROM users u", USERS_ROW),
                ok("row_to_json_of_derived", "SELECT row_to_json(t) FROM (SELECT id, ssn FROM users) t", "users.id, users.ssn"),
                ok("json_agg_in_scalar_subquery", "SELECT (SELECT json_agg(x) FROM (SELECT email FROM users) x)", "users.email"),
                ok("row_constructor", "SELECT ROW(email, name) FROM users", "users.email, users.name"),
                ok("array_of_subquery", "SELECT ARRAY(SELECT email FROM users)", "users.email"),
                ok("json_arrow", "SELECT email->>'x' FROM users", "users.email"),
                ok("string_agg_over_union", "SELECT string_agg(v, ',') FROM (SELECT name AS v FROM users UNION ALL SELECT email FROM users) z",
                        "users.name, users.email"),
                ok("named_window", "SELECT first_value(email) OVER w FROM users WINDOW w AS (PARTITION BY name ORDER BY ssn)",
                        "users.email, users.name, users.ssn"),
                ok("rank_over_named_window", "SELECT rank() OVER w FROM users WINDOW w AS (ORDER BY ssn)", "users.ssn"),
                ok("query_to_xml_literal", "SELECT query_to_xml('SELECT email FROM users', true, false, '')", "users.email"),
                ok("table_to_xml_literal", "SELECT table_to_xml('users', true, false, '')", USERS_ROW),
                partial("query_to_xml_dynamic", "SELECT query_to_xml(note, true, false, '') FROM orders", "orders.note"),
                partial("user_variable", MYSQL, "SELECT @v, email FROM users", " | users.email"),

                // ---- VALUES and LATERAL ----
                ok("lineage_values", "SELECT a FROM (VALUES (1), (2)) AS t (a)", ""),
                ok("values_star", "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(x, y)", " | "),
                ok("values_carries_subquery", "VALUES ((SELECT email FROM users LIMIT 1))", "users.email"),
                ok("lateral_subquery", "SELECT x.e FROM users u, LATERAL (SELECT u.email AS e) x", "users.email"),
                ok("lateral_table_star", "SELECT x.* FROM users u, LATERAL (SELECT u.*) x", USERS),
                ok("left_join_lateral", "SELECT l.n FROM users u LEFT JOIN LATERAL (SELECT o.note AS n FROM orders o WHERE o.user_id = u.id) l ON true",
                        "orders.note"),

                // ---- DML results ----
                ok("delete_returning", "DELETE FROM users WHERE id = 1 RETURNING email", "users.email"),
                ok("update_returning_moved_value", "UPDATE orders SET note = (SELECT email FROM users LIMIT 1) WHERE id = 1 RETURNING id, note",
                        "orders.id | orders.note, users.email"),
                ok("insert_select_returning", "INSERT INTO profiles (bio) SELECT ssn FROM users RETURNING bio",
                        "profiles.bio, users.ssn"),
                ok("dml_cte_returning", "WITH d AS (DELETE FROM users WHERE id = 1 RETURNING *) SELECT email FROM d", "users.email"),
                ok("delete_without_returning", "DELETE FROM users WHERE id = 1", null),

                // ---- what can't be fully traced ----
                partial("unknown_table_star", "SELECT * FROM mystery", "mystery.*"),
                ok("unknown_table_named_column", "SELECT secret FROM mystery", "mystery.secret"),
                ok("unknown_table_next_to_known", "SELECT email FROM users, mystery", "users.email"),
                partial("table_function", "SELECT * FROM generate_series(1, 3) g", ""),
                partial("unnest_of_column", "SELECT x FROM users u, unnest(ARRAY[u.email]) AS x", "users.email"),
                partial("lineage_external_col", "WITH y AS (SELECT * FROM mystery) SELECT uid FROM y JOIN orders USING (id)", "mystery.uid"),
                ok("correlated_name_unknown_inner_table", "SELECT (SELECT email FROM mystery) FROM users", "mystery.email, users.email"),
                partial("correlated_name_unknown_derived", "SELECT (SELECT ssn FROM (SELECT * FROM mystery) m) FROM users", "mystery.ssn, users.ssn"),
                partial("unresolvable_column", "SELECT nosuch FROM users", "?.nosuch"),
                partial("union_with_unknown_star", "SELECT id FROM users UNION SELECT * FROM mystery", "users.id, mystery.*"),
                partial("name_through_union_with_unknown_star", "SELECT secret FROM (SELECT id FROM users UNION SELECT * FROM mystery) x",
                        "users.id, mystery.*"),
                partial("alias_list_over_unknown_star", "SELECT a FROM mystery AS m(a, b)", "mystery.*"),
                partial("unknown_star_in_derived_by_name", "SELECT d.secret, d.id FROM (SELECT * FROM mystery) d", "mystery.secret | mystery.id"));
    }

    private final LineageAnalyzer analyzer = new LineageAnalyzer();

    @Test
    void oneAnalyzerAcrossThreadsGivesTheSameAnswers() throws Exception {
        List<Case> all = cases().toList();
        List<Statement> parsed = new ArrayList<>();
        List<ResultLineage> expected = new ArrayList<>();
        for (Case c : all) {
            Statement st = CCJSqlParserUtil.parse(c.sql());
            parsed.add(st);
            expected.add(analyzer.lineage(st, c.dialect(), FakeSchema.INSTANCE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < all.size(); i++) {
                            if (!expected.get(i).equals(analyzer.lineage(parsed.get(i), all.get(i).dialect(), FakeSchema.INSTANCE))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : runs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lineage(Case c) throws Exception {
        ResultLineage lineage = analyzer.lineage(CCJSqlParserUtil.parse(c.sql()), c.dialect(), FakeSchema.INSTANCE);
        assertEquals(Render.normalize(c.expected()), Render.columns(lineage), c.sql());
        assertEquals(c.complete(), lineage.complete(), "complete: " + c.sql());
    }
}
