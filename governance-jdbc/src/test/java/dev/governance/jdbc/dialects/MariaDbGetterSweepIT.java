package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestDatabase;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every getter of results built from JSON and binary values on the real MariaDB, for an agent (masked), a human
 * and a service: nothing but SQLException leaves a JDBC call.
 */
class MariaDbGetterSweepIT {

    static final List<String> SETUP = List.of(
            "CREATE TABLE {t} (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), card_number VARCHAR(30),"
                    + " doc JSON, pic VARBINARY(10), blobby BLOB, at DATETIME, amount DECIMAL(12,2), flag BIT(3), y YEAR)",
            "INSERT INTO {t} VALUES (1, 'Alice', '" + GetterFixtures.EMAIL + "', '" + GetterFixtures.CARD + "',"
                    + " '{\"mail\": \"" + GetterFixtures.EMAIL + "\", \"n\": [1, 2]}', X'00ff10', 'blob text',"
                    + " '2026-01-02 03:04:05', 12.5, b'101', 2026),"
                    + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");

    static final List<String> QUERIES = List.of(
            "SELECT * FROM {t}",
            "SELECT JSON_ARRAYAGG(email) FROM {t}",
            "SELECT JSON_OBJECTAGG(id, email) FROM {t}",
            "SELECT JSON_OBJECT('id', id, 'e', email, 'n', name) FROM {t}",
            "SELECT JSON_ARRAYAGG(JSON_OBJECT('id', id, 'e', email)) FROM {t}",
            "SELECT doc, JSON_EXTRACT(doc, '$.n'), JSON_VALUE(doc, '$.mail') FROM {t}",
            "SELECT pic, blobby, CAST(email AS BINARY), HEX(pic) FROM {t}",
            "SELECT at, amount, flag, y FROM {t}",
            "SELECT GROUP_CONCAT(email), GROUP_CONCAT(id) FROM {t}");

    @Test
    void nothingButSqlExceptionLeavesAGetter() throws Exception {
        String table = TestDatabase.unique("gs_");
        try (Connection raw = TestDatabase.MARIADB.openRaw()) {
            GetterFixtures.exec(raw, SETUP, table);
            try {
                GetterFixtures.sweep(TestDatabase.MARIADB, QUERIES, table, 4);
            } finally {
                GetterFixtures.exec(raw, List.of("DROP TABLE IF EXISTS {t}"), table);
            }
        }
    }
}
