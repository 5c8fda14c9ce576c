package dev.governance.jdbc.maskingattacks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.masking.SensitiveValues;
import dev.governance.jdbc.testing.TestConnections;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated sensitive values (Luhn-valid card numbers, e-mail addresses) stored by a service in a sensitive column,
 * copied into an innocent text column (plain, in a sentence, in JSON, in an array literal, hex, base64) and into an
 * innocent number column; a masked identity reads the row through every ResultSet getter ({@link LeakProbe}) and
 * never receives the value, nor a 6-character piece of it, nor an encoding of it.
 */
class MaskingFuzzProperties {

    private static H2Fixture db;
    private static List<Connection> masked;
    private static final AtomicInteger IDS = new AtomicInteger(1000);

    @BeforeContainer
    static void setUp() throws SQLException {
        db = new H2Fixture();
        try (Statement s = db.service.createStatement()) {
            s.execute("CREATE TABLE fuzz_people (id INT PRIMARY KEY, email VARCHAR(2000), remark VARCHAR(2000),"
                    + " amount BIGINT)");
        }
        masked = List.of(db.open(TestConnections.agent()), db.open(TestConnections.as("alice", "human", "support")),
                db.open(MaskingUtilityTest.hashed(TestConnections.agent())));
    }

    @AfterContainer
    static void tearDown() throws SQLException {
        for (Connection c : masked) {
            c.close();
        }
        db.service.close();
    }

    /** How the copy sits in the innocent column. */
    static Arbitrary<java.util.function.UnaryOperator<String>> wrappers() {
        return Arbitraries.of(
                v -> v, v -> "please refund to " + v + " today", v -> "{\"contact\": \"" + v + "\", \"n\": 1}",
                v -> "[\"" + v + "\", \"x\"]", v -> v.toUpperCase(java.util.Locale.ROOT),
                v -> HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_8)),
                v -> Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String[]> rows() {
        return Combinators.combine(Arbitraries.oneOf(SensitiveValues.cards(), SensitiveValues.emails()), wrappers(),
                        SensitiveValues.cards())
                .as((secret, wrap, card) -> new String[] {secret, wrap.apply(secret), card});
    }

    @Property(seed = "20261211", tries = 60)
    void aMaskedIdentityNeverReceivesASensitiveValue(@ForAll("rows") String[] row) throws SQLException {
        int id = IDS.incrementAndGet();
        try (PreparedStatement p = db.service.prepareStatement("INSERT INTO fuzz_people VALUES (?, ?, ?, ?)")) {
            p.setInt(1, id);
            p.setString(2, row[0]);
            p.setString(3, row[1]);
            p.setLong(4, Long.parseLong(row[2]));
            p.executeUpdate();
        }
        List<LeakProbe.Secret> secrets = LeakProbe.withEncodings(List.of(row[0], row[2]));
        for (Connection c : masked) {
            LeakProbe.Outcome out = LeakProbe.probe(c, "SELECT * FROM fuzz_people WHERE id = " + id, secrets);
            assertTrue(out.rows() == 1 && out.leaks().isEmpty(),
                    () -> "leak of " + row[0] + " stored as '" + row[1] + "': " + out.leaks().get(0));
        }
    }
}
