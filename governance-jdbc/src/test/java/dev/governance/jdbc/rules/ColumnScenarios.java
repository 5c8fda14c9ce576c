package dev.governance.jdbc.rules;

import dev.governance.jdbc.maskingattacks.LeakProbe;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@code columns} rule on {@code customers.ssn}, with masking off so the rule is the only thing between the agent
 * and the value: every statement that reads or writes the column — by name, behind {@code *}, {@code t.*}, a
 * whole-row value, a join key, an ordering, a subquery, a CTE or a view — is refused before it runs (nothing
 * changed, nothing delivered, no value in the refusal); ordinary statements of the same shapes run, and every cell
 * they deliver is read through every getter without finding an SSN.
 */
final class ColumnScenarios implements AutoCloseable {
    static final String AGENT = "agent-columns";
    static final String RULE = "no-ssn";
    static final List<String> SSNS = List.of("731-04-9Kq5", "652-88-Tz71");
    private static final List<LeakProbe.Secret> SECRETS = LeakProbe.withEncodings(SSNS);

    final RuleHarness db;
    /** customers (id, name, tier, ssn) — the protected column is ssn */
    final String c = RuleTarget.unique("col_customers");
    /** orders (id, customer_id, total) */
    final String o = RuleTarget.unique("col_orders");
    /** people (id, ssn, nick): shares id and ssn with customers, for NATURAL JOIN and USING */
    final String p = RuleTarget.unique("col_people");
    /** a table written by INSERT … SELECT */
    final String log = RuleTarget.unique("col_log");
    /** a view exposing customers.ssn under another name */
    final String v = RuleTarget.unique("col_taxview");
    /** a view over customers without ssn */
    final String safe = RuleTarget.unique("col_safeview");
    private final List<String> refusedSql = new ArrayList<>();

    ColumnScenarios(RuleTarget target, Path dir) throws Exception {
        this(target, dir, null);
    }

    /** With a second rule, {@code no-ssn-there}, on the ssn of {@code elsewhere} ({@code schema.table}). */
    ColumnScenarios(RuleTarget target, Path dir, String elsewhere) throws Exception {
        this(target, dir, RULE, tables -> """
                version: 1
                identities:
                  agent: { subject: "%s" }
                masking: { detect: off }
                rules:
                  - id: %s
                    when: { identity: agent, columns: ["%s.ssn"] }
                    action: deny
                """.formatted(AGENT, RULE, tables) + (elsewhere == null ? "" : """
                  - id: no-ssn-there
                    when: { identity: agent, columns: ["%s.ssn"] }
                    action: deny
                """.formatted(elsewhere)));
    }

    /**
     * No rule: customers.ssn is a masked column and {@code masking.predicates: deny} — the predicate guard is what
     * refuses (rule {@code masking-predicates}), and results show ssn masked.
     */
    static ColumnScenarios predicateGuard(RuleTarget target, Path dir) throws Exception {
        return new ColumnScenarios(target, dir, "masking-predicates", customers -> """
                version: 1
                identities:
                  agent: { subject: "%s" }
                masking:
                  detect: off
                  columns: [{ match: ["%s.ssn"], strategy: redact }]
                  predicates: deny
                """.formatted(AGENT, customers));
    }

    private final String rule;

    private ColumnScenarios(RuleTarget target, Path dir, String rule,
                            java.util.function.Function<String, String> policy) throws Exception {
        this.rule = rule;
        db = new RuleHarness(target, dir, policy.apply(c), List.of(log, o, p, c));
        db.raw("CREATE TABLE " + c + " (id INT PRIMARY KEY, name VARCHAR(40), tier VARCHAR(20), ssn VARCHAR(20))",
                "INSERT INTO " + c + " VALUES (1, 'Ann', 'gold', '" + SSNS.get(0) + "'), (2, 'Bob', 'basic', '"
                        + SSNS.get(1) + "')",
                "CREATE TABLE " + o + " (id INT PRIMARY KEY, customer_id INT, total INT)",
                "INSERT INTO " + o + " VALUES (10, 1, 100), (11, 2, 250)",
                "CREATE TABLE " + p + " (id INT PRIMARY KEY, ssn VARCHAR(20), nick VARCHAR(40))",
                "INSERT INTO " + p + " VALUES (1, 'not-protected-1', 'annie'), (3, 'not-protected-3', 'cy')",
                "CREATE TABLE " + log + " (id INT, note VARCHAR(80))",
                "INSERT INTO " + log + " VALUES (0, 'start')",
                "CREATE VIEW " + v + " AS SELECT id, ssn AS tax_id FROM " + c,
                "CREATE VIEW " + safe + " AS SELECT id, name FROM " + c);
    }

    /**
     * {@code sql} is refused by the columns rule before it runs: nothing changed, the connection stays usable, and a
     * query run again through the leak probe is refused too, with no SSN in the refusal.
     */
    void refused(String sql, Object... parameters) throws Exception {
        db.refused(AGENT, sql, "42501", rule, parameters);
        refusedSql.add(sql);
        if (parameters.length == 0 && isQuery(sql)) {
            try (Connection agent = db.agent(AGENT)) {
                LeakProbe.Outcome out = LeakProbe.probe(agent, sql, SECRETS);
                assertTrue(out.refused(), db.target.name() + ": delivered a result: " + sql);
                assertEquals(List.of(), firstLeaks(out), db.target.name() + ": " + sql);
            }
        }
    }

    /** {@code sql} runs and gives rows; every cell, through every getter, holds no SSN. */
    void allowedQuery(String sql) throws Exception {
        try (Connection agent = db.agent(AGENT)) {
            LeakProbe.Outcome out = LeakProbe.probe(agent, sql, SECRETS);
            assertTrue(!out.refused(), db.target.name() + ": refused: " + sql + ": " + out.refusal());
            assertTrue(out.rows() > 0 && out.outputs() > 0, db.target.name() + ": no rows: " + sql);
            assertEquals(List.of(), firstLeaks(out), db.target.name() + ": " + sql);
        } catch (SQLException e) {
            fail(db.target.name() + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * On one agent connection: {@code setup} runs (it moves where names resolve), then {@code sql} is refused naming
     * {@code rule}, and the connection is still usable.
     */
    void refusedAfter(String setup, String sql, String rule) throws Exception {
        try (Connection agent = db.agent(AGENT); java.sql.Statement st = agent.createStatement()) {
            st.execute(setup);
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> st.executeQuery(sql),
                    db.target.name() + ": after " + setup + ": " + sql);
            assertEquals("42501", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains(rule), e.getMessage());
            try (java.sql.ResultSet rs = st.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
        refusedSql.add(setup + "; " + sql);
    }

    /** On one agent connection: {@code setup} runs, then {@code sql} runs and gives rows free of SSNs. */
    void allowedAfter(String setup, String sql) throws Exception {
        try (Connection agent = db.agent(AGENT); java.sql.Statement st = agent.createStatement()) {
            st.execute(setup);
            LeakProbe.Outcome out = LeakProbe.probe(agent, sql, SECRETS);
            assertTrue(!out.refused() && out.rows() > 0, db.target.name() + ": after " + setup + ": " + sql + ": "
                    + out.refusal());
            assertEquals(List.of(), firstLeaks(out), db.target.name() + ": " + sql);
        }
    }

    /** {@code sql} changes the database. */
    void allowedChange(String sql) throws Exception {
        db.allowed(AGENT, sql);
    }

    /** How many distinct statements were refused (the acceptance asks for at least ten per database). */
    int refusals() {
        return (int) refusedSql.stream().distinct().count();
    }

    private static List<String> firstLeaks(LeakProbe.Outcome out) {
        return out.leaks().stream().limit(3).map(Object::toString).toList();
    }

    private static boolean isQuery(String sql) {
        String s = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return s.startsWith("SELECT") || s.startsWith("WITH") || s.startsWith("TABLE") || s.startsWith("(");
    }

    /** The statements every database reads alike, refused. */
    void commonRefusals() throws Exception {
        refused("SELECT * FROM " + c);
        refused("SELECT x.* FROM " + c + " x");
        refused("SELECT x.*, o.total FROM " + c + " x JOIN " + o + " o ON o.customer_id = x.id");
        refused("SELECT * FROM " + c + ", " + o + " WHERE " + o + ".customer_id = " + c + ".id");
        refused("SELECT * FROM (SELECT * FROM " + c + ") d");
        refused("SELECT d.* FROM (SELECT x.* FROM " + c + " x) d");
        refused("WITH d AS (SELECT * FROM " + c + ") SELECT * FROM d");
        refused("WITH d AS (SELECT * FROM " + c + "), e AS (SELECT * FROM d) SELECT name, ssn FROM e");
        refused("SELECT id FROM " + c + " ORDER BY ssn");
        refused("SELECT id, name FROM " + c + " ORDER BY 2, ssn DESC");
        refused("SELECT tier, count(*) FROM " + c + " GROUP BY tier, ssn");
        refused("SELECT tier FROM " + c + " GROUP BY tier HAVING max(ssn) > ''");
        refused("SELECT id FROM " + c + " WHERE ssn LIKE '7%'");
        refused("SELECT id FROM " + c + " WHERE id IN (SELECT id FROM " + c + " WHERE ssn > '5')");
        refused("SELECT id FROM " + o + " WHERE EXISTS (SELECT 1 FROM " + c + " x WHERE x.ssn = '1' AND x.id = "
                + o + ".customer_id)");
        refused("SELECT x.id FROM " + c + " x NATURAL JOIN " + p + " y");
        refused("SELECT x.id FROM " + c + " x JOIN " + p + " y USING (ssn)");
        refused("SELECT x.id FROM " + c + " x JOIN " + p + " y ON y.ssn = x.ssn");
        refused("SELECT * FROM " + c + " x JOIN " + p + " y USING (id)");
        refused("SELECT (SELECT max(ssn) FROM " + c + ") AS m");
        refused("SELECT name FROM " + c + " UNION SELECT ssn FROM " + c);
        refused("SELECT id, row_number() OVER (ORDER BY ssn) AS r FROM " + c);
        refused("SELECT upper(ssn) AS u FROM " + c);
        refused("SELECT count(ssn) FROM " + c);
        refused("SELECT * FROM " + v);
        refused("SELECT tax_id FROM " + v);
        refused("SELECT id FROM " + v + " ORDER BY tax_id");
        refused("SELECT * FROM " + c + " WHERE id = ?", 1);
        refused("INSERT INTO " + log + " SELECT id, ssn FROM " + c);
        refused("INSERT INTO " + log + " (id, note) SELECT * FROM (SELECT id, ssn FROM " + c + ") d");
        refused("UPDATE " + c + " SET name = ssn WHERE id = 1");
        refused("UPDATE " + c + " SET ssn = 'x' WHERE id = 1");
        refused("UPDATE " + c + " SET tier = 'gold' WHERE ssn = '" + SSNS.get(1) + "'");
        refused("UPDATE " + log + " SET note = (SELECT max(ssn) FROM " + c + ") WHERE id = 0");
        refused("INSERT INTO " + c + " VALUES (9, 'Eve', 'basic', '000-00-0000')");
        refused("DELETE FROM " + c + " WHERE ssn = '" + SSNS.get(0) + "'");
        refused("SELECT id FROM " + c.toUpperCase(java.util.Locale.ROOT) + " WHERE SSN IS NOT NULL");
    }

    /** Ordinary statements of the same shapes, allowed. */
    void commonAllowed() throws Exception {
        allowedQuery("SELECT id, name FROM " + c);
        allowedQuery("SELECT count(*) FROM " + c);
        allowedQuery("SELECT x.id, x.name, o.total FROM " + c + " x JOIN " + o + " o ON o.customer_id = x.id");
        allowedQuery("SELECT * FROM " + o);
        allowedQuery("SELECT o.* FROM " + o + " o JOIN " + c + " x ON x.id = o.customer_id");
        allowedQuery("SELECT * FROM (SELECT id, name FROM " + c + ") d");
        allowedQuery("SELECT count(*) FROM (SELECT * FROM " + c + ") d");
        allowedQuery("WITH d AS (SELECT id, name FROM " + c + ") SELECT * FROM d");
        allowedQuery("SELECT id FROM " + c + " ORDER BY name");
        allowedQuery("SELECT tier, count(*) FROM " + c + " GROUP BY tier HAVING count(*) > 0");
        allowedQuery("SELECT name FROM " + c + " WHERE id IN (SELECT customer_id FROM " + o + ")");
        allowedQuery("SELECT name FROM " + c + " x WHERE EXISTS (SELECT * FROM " + o + " WHERE " + o
                + ".customer_id = x.id)");
        allowedQuery("SELECT x.name, y.nick FROM " + c + " x JOIN " + p + " y ON y.id = x.id");
        allowedQuery("SELECT id, row_number() OVER (ORDER BY name) AS r FROM " + c);
        allowedQuery("SELECT * FROM " + safe);
        allowedQuery("SELECT upper(name) AS u FROM " + c + " WHERE tier = 'gold'");
        allowedQuery("SELECT * FROM " + p); // the same column name in another table is not the rule's
        allowedChange("UPDATE " + c + " SET tier = 'silver' WHERE id = 2");
        allowedChange("INSERT INTO " + c + " (id, name, tier) VALUES (5, 'Eve', 'basic')");
        allowedChange("INSERT INTO " + log + " SELECT id, name FROM " + c);
        allowedChange("DELETE FROM " + c + " WHERE id = 5");
    }

    /** Under {@link #predicateGuard}: filtering, joining, grouping or ordering on ssn other than by =, refused. */
    void guardRefusals() throws Exception {
        refused("SELECT x.id FROM " + c + " x NATURAL JOIN " + p + " y");
        refused("SELECT x.id FROM " + c + " x JOIN " + p + " y USING (ssn)");
        refused("SELECT * FROM " + c + " ORDER BY 4");
        refused("SELECT id FROM " + c + " GROUP BY id, ssn");
        refused("SELECT id FROM " + v + " WHERE tax_id LIKE '7%'");
        refused("SELECT id FROM " + v + " ORDER BY tax_id");
        refused("SELECT d.id FROM (SELECT * FROM " + c + ") d WHERE d.ssn > '5'");
        refused("WITH d AS (SELECT * FROM " + c + ") SELECT id FROM d ORDER BY ssn");
        refused("SELECT id FROM " + c + " WHERE id IN (SELECT x.id FROM " + c + " x NATURAL JOIN " + p + " y)");
        refused("SELECT id, row_number() OVER (ORDER BY ssn) AS r FROM " + c);
        refused("SELECT id FROM " + o + " WHERE EXISTS (SELECT * FROM " + c + " x WHERE x.ssn LIKE '7%')");
    }

    /** Under {@link #predicateGuard}: plain equality, other columns and EXISTS over other columns run; ssn masked. */
    void guardAllowed() throws Exception {
        allowedQuery("SELECT id FROM " + c + " WHERE ssn = '" + SSNS.get(0) + "'");
        allowedQuery("SELECT * FROM " + c + " ORDER BY name");
        allowedQuery("SELECT * FROM " + c + " x JOIN " + o + " o ON o.customer_id = x.id");
        allowedQuery("SELECT name FROM " + c + " x WHERE EXISTS (SELECT * FROM " + c + " y WHERE y.id = x.id)");
        allowedQuery("SELECT * FROM " + v);
        allowedQuery("SELECT tier, count(*) FROM " + c + " GROUP BY tier");
    }

    @Override
    public void close() throws Exception {
        try {
            db.raw("DROP VIEW IF EXISTS " + v, "DROP VIEW IF EXISTS " + safe);
        } finally {
            db.close();
        }
    }
}
