package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
import dev.governance.jdbc.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSONL chain head reaches the other sinks at rotation and at close; a cut-off file no longer holds it. */
class ChainAnchorTest {
    @TempDir
    Path dir;

    @Test
    void anchorsArePublishedAtRotationAndCloseToTheOtherSinksAndDetectTruncation() throws Exception {
        Path live = dir.resolve("governance-audit.jsonl");
        FakeSinks.Collecting other = new FakeSinks.Collecting(0);
        String url = "jdbc:h2:mem:anchors-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        JdbcSink jdbc = new JdbcSink(url, "instance-a");
        try (AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(live, new SegmentPolicy(8 * 1024, null, 0, null, false)),
                other, jdbc), Settings.OnFailure.FAIL_CLOSED, 16)) {
            for (int i = 0; i < 100; i++) {
                trail.recordSync(Events.statement("agent-x", i));
            }
        }
        AuditFiles.Trail trail = AuditFiles.trail(live);
        assertTrue(trail.closed().size() >= 3);
        assertTrue(other.anchors.size() >= trail.closed().size(), "one anchor per rotation at least: " + other.anchors);
        ChainAnchor last = other.anchors.get(other.anchors.size() - 1);
        assertEquals(100, last.seq(), "at close: the newest record");
        assertEquals("governance-audit.jsonl", last.trail());
        for (ChainAnchor a : other.anchors) {
            assertNull(AuditVerifier.checkAnchor(trail, a.seq(), a.hash()), "every anchor matches the file: " + a);
        }
        // The jdbc: sink kept them too, for the owner of the file to be checked against.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM governance_audit_anchors WHERE instance = 'instance-a'"
                     + " ORDER BY seq DESC")) {
            assertTrue(rs.next());
            assertEquals(100, rs.getLong(1));
            assertEquals(last.hash(), rs.getString(2));
        }
        // Cut the newest records off the live file: the chain alone still verifies, the anchor does not.
        List<String> lines = Files.readAllLines(live);
        Files.write(live, lines.subList(0, lines.size() - 3));
        assertEquals(AuditVerifier.Status.INTACT, AuditVerifier.verify(live).status());
        String problem = AuditVerifier.checkAnchor(AuditFiles.trail(live), last.seq(), last.hash());
        assertNotNull(problem);
        assertTrue(problem.contains("cut off"), problem);
    }
}
