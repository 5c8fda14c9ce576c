package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.TestConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On H2, a connection in another schema (URL {@code ;SCHEMA=}, {@code SET SCHEMA}, {@code setSchema}) resolves
 * unqualified names there: access lists, masking rules and audit records follow.
 */
class H2SchemasTest {

    @Test
    void urlSchemaSetSchemaAndSetSchemaCall() throws Exception {
        String url = TestConnections.newH2Url();
        SchemaFixture fixture = new SchemaFixture();
        try (Connection raw = DriverManager.getConnection(url.replace("governed:", "")); Statement st = raw.createStatement()) {
            st.execute("CREATE SCHEMA SX");
            st.execute("CREATE TABLE PUBLIC.ORDERS (ID INT PRIMARY KEY, STATUS VARCHAR(20), CONTACT VARCHAR(40))");
            st.execute("INSERT INTO PUBLIC.ORDERS VALUES (1, 'public-row', 'public-contact')");
            st.execute("CREATE TABLE SX.ORDERS (ID INT PRIMARY KEY, STATUS VARCHAR(20), CONTACT VARCHAR(40))");
            st.execute("INSERT INTO SX.ORDERS VALUES (7, 'shipped', 'ring-the-bell')");

            List<List<String>> moved = List.of(List.of("7", "shipped", "****"));
            try (Connection c = SchemaFixture.open(url + ";SCHEMA=SX", fixture.agent(null, List.of("sx.*"), "sx.orders.contact"))) {
                assertEquals(moved, SchemaFixture.rows(c, "SELECT id, status, contact AS url_schema FROM orders"));
                fixture.assertRead("url_schema", "sx.orders");
            }
            try (Connection c = SchemaFixture.open(url + ";SCHEMA=SX", fixture.agent(null, List.of("public.*"), "sx.orders.contact"))) {
                SchemaFixture.assertDenied(c, "SELECT count(*) FROM orders");
            }
            try (Connection c = SchemaFixture.open(url, fixture.agent(null, List.of("sx.*", "public.*"), "sx.orders.contact"))) {
                assertEquals(List.of(List.of("1", "public-row", "public-contact")),
                        SchemaFixture.rows(c, "SELECT id, status, contact FROM orders"));
                try (Statement s = c.createStatement()) {
                    s.execute("SET SCHEMA SX");
                }
                assertEquals(moved, SchemaFixture.rows(c, "SELECT id, status, contact AS after_set FROM orders"));
                fixture.assertRead("after_set", "sx.orders");
                c.setSchema("PUBLIC");
                assertEquals(List.of(List.of("public-row")), SchemaFixture.rows(c, "SELECT status FROM orders"));
                c.setSchema("SX");
                assertEquals(moved, SchemaFixture.rows(c, "SELECT id, status, contact AS after_set_schema FROM orders"));
            }
        }
    }
}
