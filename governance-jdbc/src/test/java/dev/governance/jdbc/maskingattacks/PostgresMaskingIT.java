package dev.governance.jdbc.maskingattacks;

import dev.governance.jdbc.testing.Databases;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The masking attacks against the real PostgreSQL 15: its functions, whole-row values and metadata. */
class PostgresMaskingIT {

    static final List<String> DDL = List.of(
            "CREATE TABLE {c} (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), ssn VARCHAR(20),"
                    + " phone VARCHAR(30), card_number VARCHAR(30), notes TEXT)",
            "CREATE TABLE {o} (id INT PRIMARY KEY, customer_id INT, total NUMERIC(10,2), note TEXT, status VARCHAR(20))",
            "INSERT INTO {c} VALUES (1, 'Alice Smith', 'alice.smith@example.com', '078-05-1120', '+14155550123',"
                    + " '4111111111111111', 'VIP, paid with card 5555555555554444 last time'),"
                    + " (2, 'Bob Jones', 'bob.jones@example.org', '219-09-9999', '+442079460958', '378282246310005',"
                    + " 'call before delivery')",
            "INSERT INTO {o} VALUES (10, 1, 42.50, 'shipped', 'shipped'),"
                    + " (11, 1, 99.99, 'reach me at dave.secret@example.com', 'pending'),"
                    + " (12, 2, 5.00, 'refund to 4012888888881881', 'paid')",
            "CREATE VIEW {v} AS SELECT id, encode(convert_to(email, 'UTF8'), 'hex') AS h FROM {c}",
            "CREATE FUNCTION {p}_mail(i int) RETURNS text AS 'SELECT email FROM {c} WHERE id = i' LANGUAGE sql",
            "CREATE FUNCTION {p}_hex(i int) RETURNS text AS"
                    + " 'SELECT encode(convert_to(email, ''UTF8''), ''hex'') FROM {c} WHERE id = i' LANGUAGE sql",
            "CREATE FUNCTION {p}_card(i int) RETURNS bigint AS"
                    + " 'SELECT substr(note, 11)::bigint FROM {o} WHERE id = i' LANGUAGE sql");

    static final List<String> DROP = List.of("DROP FUNCTION IF EXISTS {p}_mail(int)",
            "DROP FUNCTION IF EXISTS {p}_hex(int)", "DROP FUNCTION IF EXISTS {p}_card(int)", "DROP VIEW IF EXISTS {v}", "DROP TABLE IF EXISTS {o}",
            "DROP TABLE IF EXISTS {c}");

    static final List<String> QUERIES = List.of(
            "SELECT email FROM {c}",
            "SELECT * FROM {c}",
            "TABLE {c}",
            "SELECT c.*, o.* FROM {o} o JOIN {c} c ON c.id = o.customer_id",
            "SELECT o.*, c.* FROM {o} o JOIN {c} c ON c.id = o.customer_id",
            "SELECT email AS status, ssn AS id FROM {c}",
            "SELECT row_to_json(c) FROM {c} c",
            "SELECT row_to_json(c)::text AS status FROM {c} c",
            "SELECT to_json(c.*) FROM {c} c",
            "SELECT to_jsonb(c) -> 'email' FROM {c} c",
            "SELECT c::text FROM {c} c",
            "SELECT ROW(email, ssn)::text FROM {c}",
            "SELECT (s.r).email FROM (SELECT c AS r FROM {c} c) s",
            "SELECT (c).card_number FROM {c} c",
            "SELECT json_agg(c) FROM {c} c",
            "SELECT jsonb_agg(c.*) FROM {c} c",
            "SELECT json_build_object('e', email, 's', ssn) FROM {c}",
            "SELECT string_agg(email, ',') FROM {c}",
            "SELECT string_agg(ssn, ';' ORDER BY id) AS statuses FROM {c}",
            "SELECT array_agg(email) FROM {c}",
            "SELECT array_to_string(array_agg(phone), ',') FROM {c}",
            "SELECT ARRAY[email, name] FROM {c}",
            "SELECT unnest(ARRAY[email, ssn]) AS x FROM {c}",
            "SELECT regexp_split_to_array(email, '@') FROM {c}",
            "SELECT encode(convert_to(email, 'UTF8'), 'base64') FROM {c}",
            "SELECT encode(email::bytea, 'hex') FROM {c}",
            "SELECT email::bytea FROM {c}",
            "SELECT convert_to(ssn, 'UTF8') AS b FROM {c}",
            "SELECT card_number::bigint FROM {c}",
            "SELECT card_number::numeric + 0 FROM {c}",
            "SELECT upper(email), reverse(email), initcap(ssn) FROM {c}",
            "SELECT translate(email, '@.', '#,') FROM {c}",
            "SELECT format('%s/%s', email, ssn) FROM {c}",
            "SELECT concat_ws('|', email, phone) FROM {c}",
            "SELECT substr(card_number, 3), left(email, 8), overlay(email placing 'x' from 1 for 0) FROM {c}",
            "SELECT xmlelement(name e, email) FROM {c}",
            "SELECT t.x FROM {c} c, LATERAL (SELECT c.email AS x) t",
            "SELECT c.id, t.* FROM {c} c CROSS JOIN LATERAL (SELECT c.ssn AS status, c.phone) t",
            "WITH t(x) AS (SELECT email FROM {c}) SELECT x FROM t",
            "WITH RECURSIVE r(n, e) AS (SELECT 1, email FROM {c} WHERE id = 1 UNION ALL"
                    + " SELECT n + 1, e FROM r WHERE n < 3) SELECT e FROM r",
            "SELECT name FROM {c} UNION SELECT email FROM {c}",
            "SELECT status FROM {o} UNION ALL SELECT card_number FROM {c}",
            "SELECT email FROM {c} INTERSECT SELECT email FROM {c}",
            "SELECT x FROM (SELECT email, id FROM {c}) AS t(x, y)",
            "SELECT * FROM {c} AS t(a, b, c2)",
            "SELECT (SELECT max(email) FROM {c}) AS x",
            "SELECT first_value(email) OVER (ORDER BY id), lag(ssn) OVER (ORDER BY id) FROM {c}",
            "SELECT coalesce(email, name), CASE WHEN id > 0 THEN card_number END FROM {c}",
            "SELECT email FROM {c} ORDER BY 1 LIMIT 1 OFFSET 1",
            // copies in innocent columns
            "SELECT note FROM {o}",
            "SELECT notes FROM {c}",
            "SELECT to_jsonb(o) FROM {o} o",
            "SELECT note::bytea FROM {o}",
            "SELECT string_agg(note, ' | ') FROM {o}",
            "SELECT h FROM {v}",
            "SELECT {p}_mail(1)",
            "SELECT {p}_hex(1) AS status");

    /** PG1: getClob of a masked (or scanned) text column: the driver's error message quotes the raw value. */
    static final List<String> PG1_GET_CLOB = List.of("SELECT email FROM {c}", "SELECT * FROM {c}",
            "SELECT email::bytea FROM {c}",
            "SELECT row_to_json(c) FROM {c} c", "SELECT encode(email::bytea, 'hex') FROM {c}", "SELECT note FROM {o}");

    /** PG2: non-text results (jsonb, bytea) of an innocent column holding a copy are not value-scanned. */
    static final List<String> PG2_NON_TEXT = List.of("SELECT note::bytea FROM {o}");

    /** PG3: a view's columns are not traced to its base table. */
    static final List<String> PG3_VIEW = List.of("SELECT h FROM {v}");

    /** PG5: a function the service created reads the table; nothing in the agent's statement names it. */
    static final List<String> PG5_FUNCTION = List.of("SELECT {p}_hex(1) AS status");


    @Test
    void pg1GetClobErrorDoesNotQuoteTheValue() throws SQLException {
        db.assertNoLeak(PG1_GET_CLOB);
    }

    @Test
    void pg2NonTextResultsAreScanned() throws SQLException {
        db.assertNoLeak(PG2_NON_TEXT);
    }

    @Test
    void pg3ViewsAreTraced() throws SQLException {
        db.assertNoLeak(PG3_VIEW);
    }

    /** A function whose body reads a sensitive table and returns it hex-encoded: caught by decoding the hex. */
    @Test
    void pg5FunctionsReadingSensitiveTables() throws SQLException {
        db.assertNoLeak(PG5_FUNCTION);
        callableOut("_hex", java.sql.Types.VARCHAR, 1);
    }

    /**
     * CallableStatement OUT parameters go through masking too (value detection: lineage can't see the body), read
     * through every CallableStatement getter as every masked identity: the e-mail function, and a bigint function
     * returning the card number copied into order 12's note (getDouble, getObject(…, Integer.class), … included).
     */
    @Test
    void callableOutParametersAreMasked() throws SQLException {
        callableOut("_mail", java.sql.Types.VARCHAR, 1);
        callableOut("_card", java.sql.Types.BIGINT, 12);
    }

    /** The same calls on the service connection: the probe sees the raw values, so the masked checks can fail. */
    @Test
    void callableProbeSeesRawValuesOnAServiceConnection() throws SQLException {
        for (Object[] call : new Object[][] {{"_mail", java.sql.Types.VARCHAR, 1}, {"_card", java.sql.Types.BIGINT, 12}}) {
            try (java.sql.CallableStatement cs = db.service.prepareCall("{? = call " + db.prefix + call[0] + "(?)}")) {
                cs.registerOutParameter(1, (Integer) call[1]);
                cs.setInt(2, (Integer) call[2]);
                cs.execute();
                List<LeakProbe.Leak> leaks = LeakProbe.probeCall(cs, "service", 1, new String[] {"result"},
                        H2Fixture.SECRETS, new java.util.TreeMap<>());
                org.junit.jupiter.api.Assertions.assertFalse(leaks.isEmpty(), "no raw value read from " + call[0]);
                if (call[0].equals("_card")) {
                    org.junit.jupiter.api.Assertions.assertTrue(leaks.stream().anyMatch(l -> l.getter().equals("getLong(index)")));
                }
            }
        }
    }

    private static void callableOut(String function, int sqlType, int argument) throws SQLException {
        List<String> leaks = new java.util.ArrayList<>();
        for (java.sql.Connection c : db.masked) {
            java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
            try (java.sql.CallableStatement cs = c.prepareCall("{? = call " + db.prefix + function + "(?)}")) {
                cs.registerOutParameter(1, sqlType);
                cs.setInt(2, argument);
                cs.execute(); // a refusal here fails the test: the call is allowed, its values are masked
                LeakProbe.probeCall(cs, function, 1, new String[] {"result"}, H2Fixture.SECRETS, outcomes)
                        .forEach(l -> leaks.add(function + ": " + l));
                org.junit.jupiter.api.Assertions.assertNotNull(cs.getObject(1), function);
            }
            org.junit.jupiter.api.Assertions.assertTrue(outcomes.getOrDefault("value", 0) > 20,
                    () -> function + ": most getters must return a (masked) value: " + outcomes);
        }
        org.junit.jupiter.api.Assertions.assertTrue(leaks.isEmpty(),
                () -> "OUT parameter leaked (" + leaks.size() + "): " + String.join("\n", leaks.subList(0, Math.min(8, leaks.size()))));
    }

    @Test
    void pg4TypedGetterErrorsDoNotQuoteTheValue() throws SQLException {
        for (String q : List.of("SELECT email FROM {c}", "SELECT ssn AS status FROM {c}", "SELECT row_to_json(c) FROM {c} c")) {
            LeakProbe.Outcome out = LeakProbe.probe(db.agent, db.sql(q), H2Fixture.SECRETS, LeakProbe.GETTERS);
            org.junit.jupiter.api.Assertions.assertTrue(out.leaks().isEmpty(), () -> q + ": " + out.leaks().get(0));
        }
    }

    static RealDatabaseAttacks db;

    @BeforeAll
    static void setUp() throws SQLException {
        Databases.requirePostgres();
        db = new RealDatabaseAttacks(Databases.postgresUrl(), Databases.postgresUser(), Databases.postgresPassword());
        db.setUp(DDL);
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.tearDown(DROP);
        }
    }

    static Stream<String> queries() {
        return QUERIES.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("queries")
    void agentGetsNoSensitiveValueThroughAnyGetter(String template) throws SQLException {
        db.assertNoLeak(template);
    }

    @Test
    void theProbeSeesRawValuesOnAServiceConnection() throws SQLException {
        db.assertServiceSeesRaw("SELECT row_to_json(c) FROM {c} c");
        db.assertServiceSeesRaw("SELECT email::bytea FROM {c}");
        db.assertServiceSeesRaw("SELECT h FROM {v}");
    }

    static final List<String> ERROR_CHANNEL = List.of(
            "SELECT email::int FROM {c}",
            "SELECT ssn::date FROM {c}",
            "SELECT card_number::uuid FROM {c}",
            "SELECT id FROM {c} WHERE email::int = 1",
            "SELECT note::int FROM {o} WHERE id = 11",
            "SELECT to_number(email, '9') FROM {c}",
            "SELECT email::json FROM {c}");

    /** Error-based extraction: the database's own error message quotes the value it failed on. */
    @Test
    void databaseErrorsDoNotQuoteSensitiveValues() {
        List<String> leaks = new java.util.ArrayList<>();
        for (String q : ERROR_CHANNEL) {
            String out = LeakProbe.errorChannel(db.agent, db.sql(q));
            String leaked = LeakProbe.findLeak(out, H2Fixture.SECRETS);
            if (leaked != null) {
                leaks.add(q + " -> " + leaked + ": " + out);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(leaks.isEmpty(), () -> String.join("\n", leaks));
    }

}
