package dev.governance.jdbc.gate;

import dev.governance.jdbc.testing.TestDatabase;
import dev.governance.jdbc.testing.TestConnections;
import org.junit.jupiter.api.Test;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OUT parameters of a procedure called by a masked identity are value-masked (PostgreSQL). */
class OutParametersIT {

    @Test
    void sensitiveOutValuesAreMaskedForAnAgentOnly() throws SQLException {
        TestDatabase db = TestDatabase.POSTGRES;
        String fn = TestDatabase.unique("gov_contact_");
        try (Connection c = db.openGoverned(TestConnections.service()); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION " + fn + "(IN id int, OUT contact text, OUT note text) AS $$"
                    + " SELECT 'reach ada.lovelace@example.com today', 'order ' || id $$ LANGUAGE sql");
        }
        try {
            try (Connection c = db.openGoverned(TestConnections.agent());
                 CallableStatement call = c.prepareCall("{call " + fn + "(?, ?, ?)}")) {
                call.setInt(1, 42);
                call.registerOutParameter(2, Types.VARCHAR);
                call.registerOutParameter(3, Types.VARCHAR);
                call.execute();
                String contact = call.getString(2);
                assertFalse(contact.contains("lovelace"), contact);
                assertTrue(contact.startsWith("reach <email:"), contact);
                assertFalse(String.valueOf(call.getObject(2)).contains("lovelace"));
                assertEquals("order 42", call.getString(3), "innocent OUT values are untouched");
                SQLException xml = assertThrows(SQLException.class, () -> call.getSQLXML(2));
                assertEquals("42501", xml.getSQLState(), xml::toString);
                assertTrue(xml.getMessage().contains("masked"), xml.getMessage());
            }
            try (Connection c = db.openGoverned(TestConnections.service());
                 CallableStatement call = c.prepareCall("{call " + fn + "(?, ?, ?)}")) {
                call.setInt(1, 1);
                call.registerOutParameter(2, Types.VARCHAR);
                call.registerOutParameter(3, Types.VARCHAR);
                call.execute();
                assertTrue(call.getString(2).contains("ada.lovelace@example.com"), "a service sees raw values");
            }
        } finally {
            try (Connection c = db.openGoverned(TestConnections.service()); Statement s = c.createStatement()) {
                s.execute("DROP FUNCTION " + fn);
            }
        }
    }
}
