package dev.governance.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.examples.hibernate.Contact;
import dev.governance.jdbc.examples.hibernate.Customer;
import dev.governance.jdbc.examples.hibernate.HibernateExample;
import dev.governance.jdbc.examples.support.ExampleDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hibernate run by a masked agent never writes masks back: checked in the database with the raw driver. */
class HibernateExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void fullRowUpdateIsRefusedDynamicUpdateGoesThroughRealValuesStay(String kind, @TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (ExampleDatabase db = TestDatabases.create(kind)) {
            db.execute(HibernateExample.TABLES);
            Map<String, String> agent = Map.of("governance.identity.subject", "support-agent",
                    "governance.identity.kind", "agent", "governance.identity.allow-unverified", "true",
                    "governance.audit.sinks", "jsonl:" + audit);
            try (SessionFactory sf = HibernateExample.sessionFactory(db, agent)) {
                Customer seen = sf.fromSession(s -> s.find(Customer.class, 1));
                assertTrue(seen.getEmail().startsWith("<email:"), seen.getEmail());
                assertEquals(LocalDate.EPOCH, seen.getDateOfBirth());
                assertEquals("Alice", seen.getName());

                RuntimeException refused = HibernateExample.renameCustomer(sf, "Alice Cooper");
                assertNotNull(refused, "the full-row UPDATE must not go through");
                PolicyViolationException cause = causeOf(refused);
                assertEquals("42501", cause.getSQLState());
                assertTrue(cause.getMessage().contains("masked-write-back"), cause.getMessage());

                HibernateExample.renameContact(sf, "Bob Marley");
                Contact contact = sf.fromSession(s -> s.find(Contact.class, 1));
                assertEquals("Bob Marley", contact.getName());
            }
            try (Connection raw = db.raw(); Statement st = raw.createStatement()) {
                assertRow(st, "customer", "Alice", "alice@example.com", LocalDate.of(1984, 3, 7));
                assertRow(st, "contact", "Bob Marley", "bob@example.com", LocalDate.of(1979, 11, 30));
            }
        }
        String trail = Files.readString(audit);
        assertTrue(trail.contains("\"subject\":\"support-agent\""), "the trail names the agent");
        assertTrue(trail.contains("masked-write-back"), "the refusal is recorded");
    }

    private static void assertRow(Statement st, String table, String name, String email, LocalDate born)
            throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT name, email, date_of_birth FROM " + table + " WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals(name, rs.getString(1));
            assertEquals(email, rs.getString(2));
            assertEquals(born, rs.getDate(3).toLocalDate());
        }
    }

    static PolicyViolationException causeOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PolicyViolationException p) {
                return p;
            }
        }
        throw new AssertionError("no PolicyViolationException in " + t, t);
    }
}
