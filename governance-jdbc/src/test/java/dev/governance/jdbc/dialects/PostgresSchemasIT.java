package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestDatabase;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the real PostgreSQL, a connection moved to a non-default schema (URL {@code currentSchema}, URL
 * {@code options=-c search_path=}, {@code SET search_path} in its spellings, {@code set_config}, {@code setSchema})
 * resolves unqualified names where the server does: access lists, masking rules and audit records follow, and a
 * search path of several schemas resolves name by name, the temporary schema first.
 */
class PostgresSchemasIT {
    static final String TAG = Long.toHexString(System.nanoTime());
    static final String SX = "sx_" + TAG;
    static final String SB = "sb_" + TAG;
    static final String T = "orders_" + TAG;
    static final String ONLY_B = "onlyb_" + TAG;
    static final String BASE = TestDatabase.POSTGRES.governedUrl();

    static SchemaFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = new SchemaFixture();
        try (Connection raw = Databases.openPostgres(); Statement st = raw.createStatement()) {
            st.execute("CREATE SCHEMA " + SX);
            st.execute("CREATE SCHEMA " + SB);
            st.execute("CREATE TABLE public." + T + " (id INT PRIMARY KEY, status TEXT, contact TEXT)");
            st.execute("INSERT INTO public." + T + " VALUES (1, 'public-row', 'public-contact')");
            st.execute("CREATE TABLE " + SX + "." + T + " (id INT PRIMARY KEY, status TEXT, contact TEXT)");
            st.execute("INSERT INTO " + SX + "." + T + " VALUES (7, 'shipped', 'ring-the-bell'), (8, 'new', 'x')");
            st.execute("CREATE TABLE " + SB + "." + T + " (id INT PRIMARY KEY, status TEXT, contact TEXT)");
            st.execute("CREATE TABLE " + SB + "." + ONLY_B + " (id INT PRIMARY KEY, status TEXT)");
            st.execute("INSERT INTO " + SB + "." + ONLY_B + " VALUES (3, 'b')");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Connection raw = Databases.openPostgres(); Statement st = raw.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SX + " CASCADE");
            st.execute("DROP SCHEMA IF EXISTS " + SB + " CASCADE");
            st.execute("DROP TABLE IF EXISTS public." + T);
        }
    }

    private Properties agent(List<String> readable) throws Exception {
        return fixture.agent(Databases.postgresUser(), readable, SX + "." + T + ".contact");
    }

    @Test
    void urlCurrentSchema() throws Exception {
        try (Connection c = SchemaFixture.open(BASE + "?currentSchema=" + SX, agent(List.of(SX + ".*")))) {
            fixture.assertMovedRows(c, T, "url_current", SX + "." + T);
            assertEquals(List.of(List.of("2")), SchemaFixture.rows(c, "SELECT count(*) FROM " + T));
        }
        try (Connection c = SchemaFixture.open(BASE + "?currentSchema=" + SX, agent(List.of("public.*")))) {
            SchemaFixture.assertDenied(c, "SELECT count(*) FROM " + T); // public.* does not reach the moved-to table
        }
    }

    @Test
    void urlOptionsSearchPath() throws Exception {
        String url = BASE + "?options=-c%20search_path%3D" + SX;
        try (Connection c = SchemaFixture.open(url, agent(List.of(SX + ".*")))) {
            fixture.assertMovedRows(c, T, "url_options", SX + "." + T);
        }
    }

    @Test
    void setSearchPathInItsSpellings() throws Exception {
        for (String set : List.of("SET search_path TO " + SX, "SET search_path = " + SX, "SET SESSION search_path TO '" + SX
                + "'", "SELECT set_config('search_path', '" + SX + "', false)", "SET SCHEMA '" + SX + "'")) {
            try (Connection c = SchemaFixture.open(BASE, agent(List.of(SX + ".*", "public.*")))) {
                assertEquals(List.of(List.of("public-row")), SchemaFixture.rows(c, "SELECT status FROM " + T));
                try (Statement st = c.createStatement()) {
                    st.execute(set);
                }
                fixture.assertMovedRows(c, T, "set_" + Math.abs(set.hashCode()), SX + "." + T);
            }
        }
    }

    @Test
    void setSchemaAndBackByRollback() throws Exception {
        try (Connection c = SchemaFixture.open(BASE, agent(List.of(SX + ".*", "public.*")))) {
            c.setSchema(SX);
            fixture.assertMovedRows(c, T, "set_schema", SX + "." + T);
            c.setSchema("public");
            assertEquals(List.of(List.of("1", "public-row", "public-contact")),
                    SchemaFixture.rows(c, "SELECT id, status, contact FROM " + T));

            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + SX);
            }
            fixture.assertMovedRows(c, T, "in_transaction", SX + "." + T);
            c.rollback(); // the SET is undone with the transaction
            assertEquals(List.of(List.of("public-row")), SchemaFixture.rows(c, "SELECT status FROM " + T));
        }
    }

    @Test
    void severalSchemasResolveNameByName() throws Exception {
        Properties agent = fixture.agent(Databases.postgresUser(), List.of(SX + ".*", SB + ".*", "pg_temp*.*"),
                List.of("pg_temp*.*"), SX + "." + T + ".contact");
        try (Connection c = SchemaFixture.open(BASE, agent)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + SX + ", " + SB);
            }
            fixture.assertMovedRows(c, T, "multi_first", SX + "." + T); // in both: the first schema's
            assertEquals(List.of(List.of("3", "b")), SchemaFixture.rows(c, "SELECT id, status, 0 AS multi_second FROM "
                    + ONLY_B).stream().map(r -> r.subList(0, 2)).toList());
            fixture.assertRead("multi_second", SB + "." + ONLY_B); // only in the second: the second's

            // a temporary table of the same name comes first, whatever the path says
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE " + T + " (id INT, status TEXT, contact TEXT)");
                st.execute("INSERT INTO " + T + " VALUES (99, 'temp', 'temp-contact')");
            }
            List<String> inserts = fixture.records("INSERT INTO " + T);
            assertEquals(true, inserts.get(inserts.size() - 1).contains("\"written\":[\"pg_temp_"), inserts.toString());
            assertEquals(List.of(List.of("99", "temp", "temp-contact")),
                    SchemaFixture.rows(c, "SELECT id, status, contact AS temp_read FROM " + T));
            List<String> reads = fixture.records("temp_read");
            assertEquals(true, reads.get(0).contains("\"read\":[\"pg_temp_"), reads.toString());
        }
    }
}
