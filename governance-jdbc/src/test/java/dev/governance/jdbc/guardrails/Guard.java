package dev.governance.jdbc.guardrails;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.testing.TestConnections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared fixture of the guardrail acceptance tests: an H2 database, its observable state, refusal checks. */
final class Guard {
    private Guard() {
    }

    /** Every rule id a refusal may name under the baseline policy (plus the engine's own ids). */
    static final Set<String> BASELINE_RULES = Set.of("agent-no-drop", "agent-no-privilege-change",
            "agent-no-user-management", "agent-no-user-management-command", "agent-no-unbounded-change",
            "agent-no-primary-key-update", "agent-no-secret-tables", "agent-no-dangerous-commands",
            "agent-no-dangerous-functions", "agent-no-unparseable", "agent-no-multi-statement",
            "agent-prod-ddl-reviewed", "human-prod-drop-reviewed", "human-prod-unparseable-reviewed",
            "human-no-unbounded-change", "access", "unparseable", "multi-statement");

    /** A directory the attacks try to read from and write into; must stay exactly as created. */
    static final Path DIR;
    static final Path SECRET_FILE;
    static final Path SCRIPT_FILE;

    static {
        try {
            DIR = Files.createTempDirectory("guardrails");
            SECRET_FILE = DIR.resolve("secret.txt");
            Files.writeString(SECRET_FILE, "id,k\n1,top-secret\n", StandardCharsets.UTF_8);
            SCRIPT_FILE = DIR.resolve("script.sql");
            Files.writeString(SCRIPT_FILE, "DROP TABLE ORDERS;\nCREATE USER SCRIPTED PASSWORD 'x';\n",
                    StandardCharsets.UTF_8);
            Runtime.getRuntime().addShutdownHook(new Thread(Guard::deleteDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteDir() {
        try (Stream<Path> files = Files.list(DIR)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
        DIR.toFile().delete();
    }

    /** Replaces ${DIR} with the attack directory (forward slashes). */
    static String sql(String template) {
        return template.replace("${DIR}", DIR.toString().replace('\\', '/'));
    }

    static final String[] SCHEMA = {
        "CREATE TABLE orders(id INT PRIMARY KEY, status VARCHAR(20), amount INT, customer_id INT)",
        "INSERT INTO orders VALUES (1,'a',10,1),(2,'b',20,1),(3,'a',30,2),(4,'c',40,2),(5,'b',50,3)",
        "CREATE TABLE customers(id INT PRIMARY KEY, name VARCHAR(40), region VARCHAR(10))",
        "INSERT INTO customers VALUES (1,'Ann','north'),(2,'Bob','south'),(3,'Cy','north')",
        "CREATE TABLE line_items(order_id INT, line_no INT, qty INT, PRIMARY KEY(order_id, line_no))",
        "INSERT INTO line_items VALUES (1,1,2),(1,2,3),(2,1,1)",
        "CREATE TABLE notes(id INT PRIMARY KEY, body VARCHAR(200))",
        "INSERT INTO notes VALUES (1,'first'),(2,'second')",
        "CREATE TABLE api_keys(id INT PRIMARY KEY, k VARCHAR(40))",
        "INSERT INTO api_keys VALUES (1,'k1'),(2,'k2')",
        "CREATE TABLE user_tokens(id INT PRIMARY KEY, t VARCHAR(40))",
        "INSERT INTO user_tokens VALUES (1,'t1'),(2,'t2')",
        "CREATE TABLE \"Credentials\"(id INT PRIMARY KEY, pw VARCHAR(40))",
        "INSERT INTO \"Credentials\" VALUES (1,'p1')",
        "CREATE TABLE app_secrets(id INT PRIMARY KEY, v VARCHAR(40))",
        "INSERT INTO app_secrets VALUES (1,'s1')",
        "CREATE TABLE tokenizer_runs(id INT PRIMARY KEY, model VARCHAR(40), token_count INT)",
        "INSERT INTO tokenizer_runs VALUES (1,'m1',100),(2,'m2',250)",
        "CREATE SCHEMA other",
        "CREATE TABLE other.stuff(id INT PRIMARY KEY, v VARCHAR(10))",
        "INSERT INTO other.stuff VALUES (1,'x')",
        "CREATE VIEW v_orders AS SELECT id, status FROM orders",
        "CREATE INDEX idx_orders_status ON orders(status)",
        "CREATE SEQUENCE seq1",
        "CREATE USER bob PASSWORD 'bob'",
        "CREATE ROLE reader",
        "GRANT SELECT ON orders TO reader",
    };

    static void createSchema(Connection service) throws SQLException {
        try (Statement s = service.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    static Properties agent() {
        return TestConnections.agent();
    }

    static Properties with(Properties p, String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /**
     * Everything an attack could change, read through a service connection: every table's rows, the
     * schema objects, users, roles, rights, routines, and the files of the attack directory.
     */
    static String snapshot(Connection service) throws SQLException {
        StringBuilder out = new StringBuilder();
        List<String[]> tables = new ArrayList<>();
        try (Statement s = service.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        for (String[] t : tables) {
            out.append("table ").append(t[0]).append('.').append(t[1]).append(' ').append(t[2]).append('\n');
            if (!"BASE TABLE".equals(t[2])) {
                continue;
            }
            out.append(query(service, "SELECT * FROM \"" + t[0] + "\".\"" + t[1] + "\" ORDER BY 1"));
        }
        out.append(query(service, "SELECT USER_NAME, IS_ADMIN FROM INFORMATION_SCHEMA.USERS ORDER BY 1"));
        out.append(query(service, "SELECT ROLE_NAME FROM INFORMATION_SCHEMA.ROLES ORDER BY 1"));
        out.append(query(service, "SELECT GRANTEE, GRANTEDROLE, RIGHTS, TABLE_NAME FROM INFORMATION_SCHEMA.RIGHTS ORDER BY 1, 2, 3, 4"));
        out.append(query(service, "SELECT ROUTINE_SCHEMA, ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES"
                + " WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2"));
        out.append(query(service, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA ORDER BY 1"));
        out.append(query(service, "SELECT INDEX_SCHEMA, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES ORDER BY 1, 2"));
        out.append(query(service, "SELECT SEQUENCE_NAME, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES ORDER BY 1"));
        out.append(query(service, "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS ORDER BY 1"));
        out.append(query(service, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1"));
        out.append(query(service, "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2"));
        // settings (SET ...) and whether the database's users still log in with their passwords (ALTER USER ... SET PASSWORD)
        out.append(query(service, "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS ORDER BY 1"));
        out.append(logins(service));
        out.append(files());
        return out.toString();
    }

    /** Users with their password hashes and salts, as H2 scripts them (ALTER USER ... SET PASSWORD changes them). */
    static String logins(Connection service) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String line : column(service, "SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
            if (line.startsWith("CREATE USER")) {
                out.append(line).append('\n');
            }
        }
        for (String line : column(service, "SCRIPT NODATA")) {
            if (line.startsWith("CREATE USER")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static String files() {
        try (Stream<Path> list = Files.list(DIR)) {
            StringBuilder out = new StringBuilder("files:");
            list.map(p -> p.getFileName().toString()).sorted().forEach(n -> out.append(' ').append(n));
            return out.append('\n').toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String query(Connection c, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The governance refusal in an exception, its next-exception chain or its causes; null when there is none. */
    static SQLException refusal(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof SQLException e) {
                if (isGovernance(e)) {
                    return e;
                }
                SQLException next = e.getNextException();
                for (int n = 0; next != null && n < 10; n++) {
                    if (isGovernance(next)) {
                        return next;
                    }
                    next = next.getNextException();
                }
            }
            t = t.getCause();
        }
        return null;
    }

    static boolean isGovernance(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("42501") || state.startsWith("VG") || state.equals("28000"))
                && !(e instanceof BatchUpdateException && e.getMessage() == null);
    }

    /** Checks a refusal: the expected SQLState, a message naming a rule id (one of {@code rules} when given). */
    static void assertRefusal(Throwable thrown, String state, Set<String> rules, String context) {
        if (thrown == null) {
            fail(context + ": was NOT refused");
        }
        SQLException e = refusal(thrown);
        if (e == null) {
            throw new AssertionError(context + ": failed, but not with a governance refusal: " + thrown, thrown);
        }
        assertEquals(state, e.getSQLState(), context + ": SQLState of " + e);
        String message = String.valueOf(e.getMessage());
        Set<String> expected = rules.isEmpty() ? BASELINE_RULES : rules;
        assertTrue(expected.stream().anyMatch(message::contains),
                context + ": message names none of " + expected + ": " + message);
        if (state.equals("42501")) {
            assertTrue(e instanceof PolicyViolationException, context + ": not a PolicyViolationException: " + e);
            List<String> ids = ((PolicyViolationException) e).ruleIds();
            assertTrue(ids.stream().anyMatch(expected::contains), context + ": rule ids " + ids + " not in " + expected);
        }
    }

    /** The connection still answers and its transaction mode is what it was. */
    static void assertUsable(Connection c, boolean autoCommit, String context) throws SQLException {
        assertEquals(autoCommit, c.getAutoCommit(), context + ": autocommit changed by the refusal");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), context + ": SELECT 1 after the refusal");
            assertEquals(1, rs.getInt(1), context);
        }
    }

    static TreeMap<String, String> map(String... kv) {
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
