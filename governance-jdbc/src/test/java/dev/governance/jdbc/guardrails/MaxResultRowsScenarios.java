package dev.governance.jdbc.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.ResultLimitExceededException;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.config.SettingsLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** max-result-rows: 3 for agents' results, the same scenarios on every database. */
final class MaxResultRowsScenarios {
    static final String POLICY = """
            version: 1
            identities:
              agents: { kind: agent }
            rules:
              - id: small-results
                when: { identity: agents }
                max-result-rows: 3
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Opener {
        Connection open(Properties identity) throws SQLException;
    }

    private final Opener opener;
    private final Path audit;
    private final String items;

    /** {@code items(id, status)} holds ids 1..5. */
    MaxResultRowsScenarios(Opener opener, Path audit, String items) {
        this.opener = opener;
        this.audit = audit;
        this.items = items;
    }

    static Path writePolicy(Path dir) throws Exception {
        Path file = dir.resolve("max-result-rows.yaml");
        Files.writeString(file, POLICY);
        return file;
    }

    static void vg021(Throwable thrown, String context) {
        Guard.assertRefusal(thrown, "VG021", Set.of("small-results"), context);
        assertInstanceOf(ResultLimitExceededException.class, thrown, context);
    }

    /** The row past the limit raises VG021, again on every further call; the audit holds the rows delivered. */
    void pastTheLimitStops() throws Exception {
        try (Connection a = opener.open(Guard.agent()); Statement s = a.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT id, status FROM " + items + " ORDER BY id");
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                assertTrue(rs.next(), "row " + (i + 1) + " is within the limit");
                seen.add(rs.getInt(1));
            }
            assertEquals(List.of(1, 2, 3), seen);
            vg021(assertThrows(SQLException.class, rs::next), "the 4th row");
            vg021(assertThrows(SQLException.class, rs::next), "asking again");
            SQLException past = assertThrows(SQLException.class, () -> rs.getInt(1), "no getter reads past the limit");
            assertNotNull(past.getSQLState(), past::toString);
            assertTrue(past.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed"),
                    () -> "the real result is closed at the limit: " + past);
            rs.close();
            Guard.assertUsable(a, true, "after VG021");
        }
        JsonNode record = lastStatement("ORDER BY id");
        assertEquals(3, record.path("rows").asLong(), "the rows delivered so far are recorded: " + record);
        assertTrue(record.path("error").asText().startsWith("VG021"), record.toString());
        assertTrue(record.path("error").asText().contains("small-results"), record.toString());
    }

    /** A result of exactly the limit ends normally; so does a smaller one (prepared). */
    void atTheLimitEndsNormally() throws Exception {
        try (Connection a = opener.open(Guard.agent())) {
            try (Statement s = a.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM " + items + " WHERE id <= 3 ORDER BY id")) {
                assertEquals(3, drain(rs));
                assertFalse(rs.next(), "still at the end, no refusal");
            }
            try (PreparedStatement p = a.prepareStatement("SELECT id FROM " + items + " WHERE id > ? ORDER BY id")) {
                p.setInt(1, 3);
                try (ResultSet rs = p.executeQuery()) {
                    assertEquals(2, drain(rs));
                }
                p.setInt(1, 0);
                try (ResultSet rs = p.executeQuery()) {
                    vg021(assertThrows(SQLException.class, () -> drain(rs)), "prepared, 5 rows");
                }
            }
        }
    }

    /** A scrollable result can't jump past the limit either. */
    void scrollingPastTheLimitStops() throws Exception {
        try (Connection a = opener.open(Guard.agent());
             Statement s = a.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            try (ResultSet rs = s.executeQuery("SELECT id FROM " + items + " ORDER BY id")) {
                assertTrue(rs.absolute(2));
                assertEquals(2, rs.getInt(1));
                vg021(assertThrows(SQLException.class, () -> rs.absolute(5)), "absolute(5)");
            }
            try (ResultSet rs = s.executeQuery("SELECT id FROM " + items + " ORDER BY id")) {
                vg021(assertThrows(SQLException.class, rs::last), "last()");
            }
        }
    }

    /** The rule is for agents: a service reads the whole result. */
    void otherIdentitiesUnlimited() throws Exception {
        try (Connection c = opener.open(Guard.with(dev.governance.jdbc.testing.TestConnections.service()));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM " + items)) {
            assertEquals(5, drain(rs));
        }
    }

    private static int drain(ResultSet rs) throws SQLException {
        int n = 0;
        while (rs.next()) {
            n++;
        }
        return n;
    }

    private JsonNode lastStatement(String containing) throws Exception {
        Properties p = new Properties();
        p.setProperty("governance.audit.sinks", "jsonl:" + audit);
        AuditTrail.of(new SettingsLoader().load(p).settings().audit()).flush();
        JsonNode found = null;
        for (String line : Files.readAllLines(audit)) {
            JsonNode e = line.isBlank() ? null : JSON.readTree(line);
            if (e != null && e.path("event").asText().equals("statement") && e.path("sql").asText().contains(containing)) {
                found = e;
            }
        }
        assertTrue(found != null, "no statement record containing " + containing + " in " + audit);
        return found;
    }
}
