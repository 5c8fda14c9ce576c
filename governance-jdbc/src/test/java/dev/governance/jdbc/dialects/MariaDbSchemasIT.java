package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.Databases;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the real MariaDB, where a schema is a database: a connection to another database (in the URL, by {@code USE},
 * by {@code setCatalog}) resolves unqualified names there — access lists, masking rules and audit records follow.
 */
class MariaDbSchemasIT {
    static final String TAG = Long.toHexString(System.nanoTime());
    static final String DB = "mx_" + TAG;
    static final String T = "orders_" + TAG;
    static final String BASE = "jdbc:governed:mariadb://127.0.0.1:3306/";

    static SchemaFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new SchemaFixture();
        try (Connection raw = Databases.openMariaDb(); Statement st = raw.createStatement()) {
            st.execute("CREATE DATABASE " + DB);
            st.execute("CREATE TABLE test." + T + " (id INT PRIMARY KEY, status VARCHAR(20), contact VARCHAR(40))");
            st.execute("INSERT INTO test." + T + " VALUES (1, 'test-row', 'test-contact')");
            st.execute("CREATE TABLE " + DB + "." + T + " (id INT PRIMARY KEY, status VARCHAR(20), contact VARCHAR(40))");
            st.execute("INSERT INTO " + DB + "." + T + " VALUES (7, 'shipped', 'ring-the-bell'), (8, 'new', 'x')");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Connection raw = Databases.openMariaDb(); Statement st = raw.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("DROP TABLE IF EXISTS test." + T);
        }
    }

    private Properties agent(List<String> readable) throws Exception {
        return fixture.agent(Databases.mariaDbUser(), readable, DB + "." + T + ".contact");
    }

    @Test
    void databaseOfTheUrl() throws Exception {
        try (Connection c = SchemaFixture.open(BASE + DB, agent(List.of(DB + ".*")))) {
            fixture.assertMovedRows(c, T, "url_db", DB + "." + T);
        }
        try (Connection c = SchemaFixture.open(BASE + DB, agent(List.of("test.*")))) {
            SchemaFixture.assertDenied(c, "SELECT count(*) FROM " + T); // test.* does not reach the other database
        }
    }

    @Test
    void useAndSetCatalog() throws Exception {
        try (Connection c = SchemaFixture.open(BASE + "test", agent(List.of(DB + ".*", "test.*")))) {
            assertEquals(List.of(List.of("test-row", "test-contact")),
                    SchemaFixture.rows(c, "SELECT status, contact FROM " + T));
            fixture.assertRead("SELECT status, contact FROM", "test." + T);
            try (Statement st = c.createStatement()) {
                st.execute("USE " + DB);
            }
            fixture.assertMovedRows(c, T, "after_use", DB + "." + T);
        }
        try (Connection c = SchemaFixture.open(BASE + "test", agent(List.of(DB + ".*", "test.*")))) {
            c.setCatalog(DB);
            fixture.assertMovedRows(c, T, "after_set_catalog", DB + "." + T);
        }
    }
}
