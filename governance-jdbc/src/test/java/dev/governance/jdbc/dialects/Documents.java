package dev.governance.jdbc.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governance.jdbc.maskingattacks.LeakProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON documents, arrays and row values built from rows, as an agent reads them next to the raw driver: byte-equal to
 * the raw text once each sensitive value and each placeholder are set aside (so ids, counts, keys and spacing are
 * exactly the database's), the placeholders where the sensitive values were, and no sensitive value through any
 * getter in any form.
 */
final class Documents {
    static final String ALICE = "alice.smith@example.com";
    static final String BOB = "bob.jones@example.org";
    static final List<String> EMAILS = List.of(ALICE, BOB);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {
    }

    /** Every cell of column {@code col} (1-based) as getString gives it. */
    static List<String> column(Connection c, String sql, int col) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(col));
            }
        }
        return out;
    }

    /** Both texts with every email (raw) and every email placeholder (agent) set to one marker. */
    private static String sansEmails(String text) {
        String out = text;
        for (String email : EMAILS) {
            out = out.replace(email, "\u0001");
        }
        return out.replaceAll("<email:[0-9a-f]{8}>", "\u0001");
    }

    /**
     * Column {@code col} of the agent's result equals the raw driver's byte for byte except where an email stood, which
     * now holds a placeholder; at least {@code placeholders} of them in all. JSON documents must stay valid JSON.
     */
    static void emailsReplacedRestEqual(Connection agent, Connection raw, String sql, int col, boolean json,
                                        int placeholders) throws Exception {
        List<String> expected = column(raw, sql, col);
        List<String> actual = column(agent, sql, col);
        assertEquals(expected.size(), actual.size(), sql);
        int seen = 0;
        for (int r = 0; r < expected.size(); r++) {
            String want = expected.get(r);
            String got = actual.get(r);
            assertEquals(sansEmails(want), sansEmails(got), sql + " row " + r + ": everything but the emails as raw");
            for (String email : EMAILS) {
                assertFalse(got.contains(email), sql + " leaked " + email + ": " + got);
            }
            seen += got.split("<email:", -1).length - 1;
            if (json) {
                JsonNode doc = JSON.readTree(got);
                assertTrue(doc.isObject() || doc.isArray(), "valid JSON: " + got);
            }
        }
        assertTrue(seen >= placeholders, sql + ": placeholders where the emails were: " + actual);
    }

    /** The agent's column is exactly the raw driver's (nothing in it to mask). */
    static void sameAsRaw(Connection agent, Connection raw, String sql, int col) throws SQLException {
        assertEquals(column(raw, sql, col), column(agent, sql, col), sql);
    }

    /** The raw driver's result really holds the emails (the comparison means something). */
    static void rawHoldsEmails(Connection raw, String sql, int col) throws SQLException {
        String all = String.join("\n", column(raw, sql, col));
        assertTrue(all.contains(ALICE) && all.contains(BOB), "control: the raw result holds the emails: " + all);
    }

    /** No getter of any cell hands out an email, in any encoding. */
    static void noGetterLeaks(Connection agent, String sql) throws SQLException {
        LeakProbe.Outcome outcome = LeakProbe.probe(agent, sql, LeakProbe.withEncodings(EMAILS));
        assertFalse(outcome.refused(), sql + " was refused: " + outcome.refusal());
        assertTrue(outcome.rows() > 0, sql);
        assertEquals(List.of(), outcome.leaks(), sql);
    }

    /** Emails masked in place and nothing leaking through any getter; the raw result as control. */
    static void maskedInPlace(Connection agent, Connection raw, String sql, int col, boolean json, int placeholders)
            throws Exception {
        rawHoldsEmails(raw, sql, col);
        emailsReplacedRestEqual(agent, raw, sql, col, json, placeholders);
        noGetterLeaks(agent, sql);
    }

    /** Masked whole (fail closed): no email, and the value differs from raw. */
    static void maskedWhole(Connection agent, Connection raw, String sql, int col) throws SQLException {
        rawHoldsEmails(raw, sql, col);
        List<String> actual = column(agent, sql, col);
        assertNotEquals(column(raw, sql, col), actual, sql);
        noGetterLeaks(agent, sql);
    }
}
