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

/** The masking attacks against the real MariaDB 10.11: its functions and its result metadata. */
class MariaDbMaskingIT {

    static final List<String> DDL = List.of(
            "CREATE TABLE {c} (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200), ssn VARCHAR(20),"
                    + " phone VARCHAR(30), card_number VARCHAR(30), notes TEXT)",
            "CREATE TABLE {o} (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2), note TEXT, status VARCHAR(20))",
            "INSERT INTO {c} VALUES (1, 'Alice Smith', 'alice.smith@example.com', '078-05-1120', '+14155550123',"
                    + " '4111111111111111', 'VIP, paid with card 5555555555554444 last time'),"
                    + " (2, 'Bob Jones', 'bob.jones@example.org', '219-09-9999', '+442079460958', '378282246310005',"
                    + " 'call before delivery')",
            "INSERT INTO {o} VALUES (10, 1, 42.50, 'shipped', 'shipped'),"
                    + " (11, 1, 99.99, 'reach me at dave.secret@example.com', 'pending'),"
                    + " (12, 2, 5.00, 'refund to 4012888888881881', 'paid')",
            "CREATE VIEW {v} AS SELECT id, HEX(email) AS h FROM {c}");

    static final List<String> DROP = List.of("DROP VIEW IF EXISTS {v}", "DROP TABLE IF EXISTS {o}",
            "DROP TABLE IF EXISTS {c}");

    static final List<String> QUERIES = List.of(
            "SELECT email FROM {c}",
            "SELECT * FROM {c}",
            "SELECT c.*, o.* FROM {o} o JOIN {c} c ON c.id = o.customer_id",
            "SELECT o.*, c.* FROM {o} o JOIN {c} c ON c.id = o.customer_id",
            "SELECT email AS status, ssn AS id FROM {c}",
            "SELECT GROUP_CONCAT(email) FROM {c}",
            "SELECT GROUP_CONCAT(ssn ORDER BY id SEPARATOR '|') AS statuses FROM {c}",
            "SELECT JSON_OBJECT('e', email, 's', ssn) FROM {c}",
            "SELECT JSON_ARRAYAGG(card_number) FROM {c}",
            "SELECT JSON_ARRAY(email, phone) FROM {c}",
            "SELECT JSON_EXTRACT(JSON_OBJECT('e', email), '$.e') AS x FROM {c}",
            "SELECT TO_BASE64(email) FROM {c}",
            "SELECT HEX(email) FROM {c}",
            "SELECT HEX(ssn) AS status FROM {c}",
            "SELECT UNHEX(HEX(email)) FROM {c}",
            "SELECT CAST(email AS BINARY) FROM {c}",
            "SELECT CAST(card_number AS UNSIGNED) FROM {c}",
            "SELECT CAST(card_number AS DECIMAL(20, 0)) + 0 FROM {c}",
            "SELECT CONVERT(email USING latin1) FROM {c}",
            "SELECT CONCAT_WS('|', email, phone) FROM {c}",
            "SELECT CONCAT(email, '') AS x FROM {c}",
            "SELECT REVERSE(email), UPPER(ssn), LOWER(phone) FROM {c}",
            "SELECT SUBSTRING(email, 2), LEFT(card_number, 10), INSERT(email, 1, 0, 'x') FROM {c}",
            "SELECT REPLACE(email, '@', ' at ') FROM {c}",
            "SELECT QUOTE(email), ELT(1, ssn) FROM {c}",
            "SELECT x FROM (SELECT email AS x FROM {c}) t",
            "SELECT t.* FROM (SELECT id, ssn AS status FROM {c}) t",
            "WITH t AS (SELECT email AS x FROM {c}) SELECT x FROM t",
            "WITH t(a, b) AS (SELECT id, email FROM {c}) SELECT b FROM t",
            "WITH RECURSIVE r(n, e) AS (SELECT 1, email FROM {c} WHERE id = 1 UNION ALL"
                    + " SELECT n + 1, e FROM r WHERE n < 3) SELECT e FROM r",
            "SELECT name FROM {c} UNION SELECT email FROM {c}",
            "SELECT status FROM {o} UNION ALL SELECT card_number FROM {c}",
            "SELECT email FROM {c} INTERSECT SELECT email FROM {c}",
            "SELECT ssn FROM {c} EXCEPT SELECT name FROM {c}",
            "SELECT (SELECT MAX(email) FROM {c}) AS x",
            "SELECT o.id, (SELECT c.phone FROM {c} c WHERE c.id = o.customer_id) AS status FROM {o} o",
            "SELECT FIRST_VALUE(email) OVER (ORDER BY id), LAG(ssn) OVER (ORDER BY id) FROM {c}",
            "SELECT COALESCE(email, name), IF(id > 0, card_number, NULL), CASE WHEN id > 0 THEN phone END FROM {c}",
            "SELECT email FROM {c} ORDER BY 1 LIMIT 1 OFFSET 1",
            // copies in innocent columns
            "SELECT note FROM {o}",
            "SELECT notes FROM {c}",
            "SELECT GROUP_CONCAT(note SEPARATOR ' | ') FROM {o}",
            "SELECT JSON_OBJECT('n', note) FROM {o}",
            "SELECT CAST(note AS BINARY) FROM {o}",
            "SELECT TO_BASE64(note) FROM {o}",
            "SELECT h FROM {v}");

    /** MDB0: getObject(i, byte[].class) of an unmasked, value-scanned text column returns the raw bytes. */
    static final List<String> MDB0_GET_OBJECT_BYTES = List.of("SELECT * FROM {c}",
            "SELECT c.*, o.* FROM {o} o JOIN {c} c ON c.id = o.customer_id",
            "SELECT o.*, c.* FROM {o} o JOIN {c} c ON c.id = o.customer_id", "SELECT note FROM {o}",
            "SELECT notes FROM {c}", "SELECT GROUP_CONCAT(note SEPARATOR ' | ') FROM {o}",
            "SELECT JSON_OBJECT('n', note) FROM {o}");

    /** MDB1: non-text results (binary, JSON) of an innocent column holding a copy are not value-scanned. */
    static final List<String> MDB1_NON_TEXT = List.of("SELECT CAST(note AS BINARY) FROM {o}");

    /** MDB2: an encoded copy in an innocent column (value detection can't see through base64). */
    static final List<String> MDB2_ENCODED_COPY = List.of("SELECT TO_BASE64(note) FROM {o}");

    /** MDB3: a view's columns are not traced to its base table. */
    static final List<String> MDB3_VIEW = List.of("SELECT h FROM {v}");


    static RealDatabaseAttacks db;

    @BeforeAll
    static void setUp() throws SQLException {
        Databases.requireMariaDb();
        db = new RealDatabaseAttacks(Databases.mariaDbUrl(), Databases.mariaDbUser(), Databases.mariaDbPassword());
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
        db.assertServiceSeesRaw("SELECT JSON_OBJECT('e', email) FROM {c}");
        db.assertServiceSeesRaw("SELECT CAST(email AS BINARY) FROM {c}");
        db.assertServiceSeesRaw("SELECT h FROM {v}");
    }

    @Test
    void mdb0GetObjectAsBytesOfAScannedColumn() throws SQLException {
        db.assertNoLeak(MDB0_GET_OBJECT_BYTES);
    }

    @Test
    void mdb1NonTextResultsAreScanned() throws SQLException {
        db.assertNoLeak(MDB1_NON_TEXT);
    }

    @Test
    void mdb2EncodedCopies() throws SQLException {
        db.assertNoLeak(MDB2_ENCODED_COPY);
    }

    @Test
    void mdb3ViewsAreTraced() throws SQLException {
        db.assertNoLeak(MDB3_VIEW);
    }

    static final List<String> ERROR_CHANNEL = List.of(
            "SELECT EXTRACTVALUE(1, CONCAT(0x7e, email)) FROM {c}",
            "SELECT UPDATEXML(1, CONCAT(0x7e, ssn), 1) FROM {c}",
            "SELECT JSON_EXTRACT('{}', email) FROM {c}",
            "SELECT CAST(email AS DATE) FROM {c}",
            "SELECT EXTRACTVALUE(1, CONCAT(0x7e, note)) FROM {o}");

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

    @Test
    void typedGetterErrorsDoNotQuoteTheValue() throws SQLException {
        List<String> leaks = new java.util.ArrayList<>();
        for (String q : List.of("SELECT email FROM {c}", "SELECT ssn AS status FROM {c}", "SELECT note FROM {o}")) {
            LeakProbe.Outcome out = LeakProbe.probe(db.agent, db.sql(q), H2Fixture.SECRETS, LeakProbe.GETTERS);
            out.leaks().forEach(l -> leaks.add(q + ": " + l));
        }
        org.junit.jupiter.api.Assertions.assertTrue(leaks.isEmpty(), () -> String.join("\n", leaks));
    }
}
