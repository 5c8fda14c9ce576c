package dev.governance.jdbc.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.audit.AuditVerifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link PoolSoak} on PostgreSQL: a few seconds in the default build, so that the soak can't rot; minutes with
 * {@code scripts/soak.sh} ({@code -Dgovernance.soak.duration=PT4M}), whose figures are in docs/testing.md.
 */
class PoolSoakIT {
    /**
     * Used heap after GC may grow this much per statement after warm-up: a leak of one small object per statement
     * is more. Judged over {@link #STATEMENTS_FOR_SLOPE} statements at least (fewer: the noise of a few hundred
     * kilobytes between samples outweighs it); a shorter run only bounds the growth ({@link #MAX_GROWTH_BYTES}).
     */
    static final double MAX_SLOPE_BYTES_PER_STATEMENT = 64;
    static final long STATEMENTS_FOR_SLOPE = 10_000;
    static final long MAX_GROWTH_BYTES = 8L << 20;
    /** The shared trail's queue capacity: callers wait rather than the queue growing. */
    static final int QUEUE_CAPACITY = 8192;

    @Test
    void manyThreadsThroughAPoolLoseNothingAndLeakNothing() throws Exception {
        Duration duration = Duration.parse(System.getProperty("governance.soak.duration", "PT5S"));
        int threads = Integer.getInteger("governance.soak.threads", 64);
        PoolSoak.Figures f = new PoolSoak(threads, duration).run();
        String summary = f.summary();
        System.out.println(summary);
        Path out = Path.of("target", "soak", "figures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, summary + System.lineSeparator());

        assertEquals(0, f.errors(), () -> "every statement did what its kind says: " + f.errorSamples());
        assertTrue(f.byWork().size() == PoolSoak.Work.values().length, () -> "every kind of work ran: " + f.byWork());
        assertEquals(java.util.List.of(), f.trailProblems(), "every statement exactly once in the trail, as decided");
        assertEquals(f.statements(), f.taggedStatements(), "as many statements in the trail as the threads ran");
        assertEquals(AuditVerifier.Status.INTACT, f.chain().status(), () -> f.chain().summary());
        assertEquals(f.trailRecords(), f.chain().records(), "the verifier read every record");
        assertTrue(f.segments() > 1, () -> "the trail rotated: " + f.segments() + " segment(s)");
        assertTrue(f.maxQueued() <= QUEUE_CAPACITY, "the audit queue stays bounded");
        assertEquals(0, f.activeAtEnd(), "every borrowed connection was returned");
        assertEquals(f.backendsBefore(), f.backendsAfter(), "no PostgreSQL session of the pool left behind");
        long growth = PoolSoak.growth(f.heap());
        assertTrue(growth < MAX_GROWTH_BYTES, () -> "used heap after GC grew " + growth + " bytes: " + summary);
        if (f.statements() >= STATEMENTS_FOR_SLOPE) {
            assertTrue(f.slopeBytesPerStatement() < MAX_SLOPE_BYTES_PER_STATEMENT,
                    () -> "used heap after GC grows with the statements run: " + summary);
        }

        PoolSoak.DatabaseAfter db = f.database();
        assertEquals(1000, db.orders(), "no refused DELETE removed a row");
        assertEquals(0, db.overTheLimit(), "every UPDATE over max-rows was rolled back");
        assertEquals(f.byWork().get(PoolSoak.Work.APPROVED), db.notes(), "each approved INSERT ran once");
        assertEquals(f.byWork().get(PoolSoak.Work.WRITE), db.amountAdded(), "each allowed UPDATE ran once");
        assertEquals(f.byWork().get(PoolSoak.Work.APPROVED), f.approvalsGranted(), "one approval per approved INSERT");
    }
}
