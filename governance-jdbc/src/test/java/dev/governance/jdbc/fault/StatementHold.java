package dev.governance.jdbc.fault;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An H2 function ({@code CREATE ALIAS … FOR}) that holds the statement calling it inside the database until released. */
public final class StatementHold {
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    private StatementHold() {
    }

    /** New latches for the next hold. */
    static void reset() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public static int hold() throws InterruptedException {
        entered.countDown();
        return release.await(30, TimeUnit.SECONDS) ? 1 : 0;
    }
}
