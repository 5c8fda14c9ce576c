package dev.governance.jdbc.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The writer's hand-off: bounded, every item exactly once and in each producer's order, and neither a lock nor an
 * allocation per item (bytes counted by the JVM for this thread, not timed).
 */
class HandOffTest {

    @Test
    void boundedAndInOrder() {
        HandOff<Integer> handOff = new HandOff<>(4);
        for (int i = 0; i < 4; i++) {
            assertTrue(handOff.offer(i));
        }
        assertFalse(handOff.offer(99), "full: the caller waits, nothing is dropped silently");
        assertEquals(0, handOff.poll());
        assertTrue(handOff.offer(4), "one taken, one place free");
        for (int i = 1; i <= 4; i++) {
            assertEquals(i, handOff.poll());
        }
        assertNull(handOff.poll());
        assertTrue(handOff.isEmpty());
    }

    @Test
    void capacityIsAPowerOfTwo() {
        assertEquals(8, new HandOff<>(5).capacity());
        assertEquals(8192, new HandOff<>(AuditTrail.DEFAULT_CAPACITY).capacity());
    }

    @Test
    void manyProducersOneConsumerEveryItemOnceInEachProducersOrder() throws InterruptedException {
        int producers = 8;
        int each = 5_000;
        HandOff<long[]> handOff = new HandOff<>(64); // small: producers find it full again and again
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    long[] item = {producer, i};
                    while (!handOff.offer(item)) {
                        Thread.yield();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        int[] next = new int[producers];
        int received = 0;
        while (received < producers * each) {
            long[] item = handOff.poll();
            if (item == null) {
                Thread.yield();
                continue;
            }
            assertEquals(next[(int) item[0]], item[1], "producer " + item[0] + "'s items in its order");
            next[(int) item[0]]++;
            received++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(handOff.poll());
        for (int p = 0; p < producers; p++) {
            assertEquals(each, next[p]);
        }
    }

    @Test
    void handingOverAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        HandOff<Object> handOff = new HandOff<>(1024);
        Object item = new Object();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 20 && least > 0; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                handOff.offer(item);
                assertSame(item, handOff.poll());
            }
            least = Math.min(least, mx.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(least < 1_000, "bytes allocated for 100,000 hand-overs: " + least);
    }
}
