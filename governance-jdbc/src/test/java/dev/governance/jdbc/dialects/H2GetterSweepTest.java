package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every getter of results built from JSON, arrays, rows and binary values on H2, for an agent (masked), a human
 * and a service: nothing but SQLException leaves a JDBC call.
 */
class H2GetterSweepTest {

    static final List<String> SETUP = List.of(
            "CREATE TABLE {t} (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100), card_number VARCHAR(30),"
                    + " doc JSON, tags VARCHAR(20) ARRAY, grid INT ARRAY ARRAY, pic VARBINARY(10), at TIMESTAMP WITH TIME ZONE,"
                    + " amount NUMERIC(12,2), uid UUID, r ROW(a INT, b VARCHAR(100)))",
            "INSERT INTO {t} VALUES (1, 'Alice', '" + GetterFixtures.EMAIL + "', '" + GetterFixtures.CARD + "',"
                    + " JSON '{\"mail\": \"" + GetterFixtures.EMAIL + "\", \"n\": [1, 2]}', ARRAY['a', 'b,c', NULL],"
                    + " ARRAY[ARRAY[1,2],ARRAY[3,4]], X'00ff10', TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00',"
                    + " 12.5, '8c2d3f5e-6a7b-4c8d-9e0f-1a2b3c4d5e6f', ROW(7, '" + GetterFixtures.EMAIL + "')),"
                    + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");

    static final List<String> QUERIES = List.of(
            "SELECT * FROM {t}",
            "SELECT JSON_ARRAYAGG(email) FROM {t}",
            "SELECT JSON_OBJECT('id': id, 'e': email, 'n': name) FROM {t}",
            "SELECT ARRAY_AGG(email), ARRAY_AGG(id), ARRAY_AGG(pic) FROM {t}",
            "SELECT ROW(id, email, tags) FROM {t}",
            "SELECT r, tags, grid, CARDINALITY(tags) FROM {t}",
            "SELECT doc, pic, CAST(email AS VARBINARY) FROM {t}",
            "SELECT at, amount, uid FROM {t}",
            "SELECT ARRAY[ROW(1, 'x'), ROW(2, 'y')]",
            "SELECT JSON '{\"a\":1}', ARRAY[], X'', ROW(1)");

    @Test
    void nothingButSqlExceptionLeavesAGetter() throws Exception {
        String url = TestConnections.newH2Url();
        try (Connection raw = DriverManager.getConnection(url.replace("governed:", ""))) {
            GetterFixtures.exec(raw, SETUP, "sweep");
            GetterFixtures.sweep(url, GetterFixtures.identities(), QUERIES, "sweep", 4);
        }
    }
}
