package dev.governance.jdbc.audit;

import dev.governance.jdbc.config.SegmentPolicy;
import dev.governance.jdbc.config.Settings;

import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM of {@link AuditCrashTest}: writes the trail as fast as it can (big asynchronous records from
 * background threads, to make a torn write likely) and prints {@code ack <seq> .} for every recordSync that
 * returned. It never ends by itself: the test kills it.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("exit")) {
            exitAfterAsyncRecords(Path.of(args[0]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 1 && args[1].equals("rotate")) {
            rotateUntilKilled(Path.of(args[0]));
            return;
        }
        AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(Path.of(args[0]))), Settings.OnFailure.FAIL_CLOSED, 256);
        String bigSql = "SELECT " + "a, ".repeat(600) + "b FROM t WHERE x = ?";
        for (int t = 0; t < 2; t++) {
            Thread noise = new Thread(() -> {
                try {
                    for (int n = 0; ; n++) {
                        trail.record(AuditEvent.builder(EventType.STATEMENT).sql(bigSql).type("SELECT")
                                .fingerprint("noise-" + n).build());
                        if (n % 8 == 0) {
                            Thread.sleep(1); // load, not a flood: the test's disk is shared
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            noise.setDaemon(true);
            noise.start();
        }
        for (int n = 0; ; n++) {
            long seq = trail.recordSync(Events.statement("agent-crash", n));
            System.out.println("ack " + seq + " .");
            System.out.flush();
        }
    }

    /**
     * 8 threads acknowledge records into a trail that rotates every 4KB and compresses closed segments: a kill
     * lands during a rotation or a compression most of the time.
     */
    private static void rotateUntilKilled(Path file) throws Exception {
        AuditTrail trail = AuditTrail.create(List.of(new JsonlSink(file, new SegmentPolicy(4096, null, 0, null, true))),
                Settings.OnFailure.FAIL_CLOSED, 256);
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            String subject = "agent-" + t;
            threads[t] = new Thread(() -> {
                try {
                    for (int n = 0; ; n++) {
                        long seq = trail.recordSync(Events.statement(subject, n));
                        synchronized (System.out) {
                            System.out.println("ack " + seq + " .");
                            System.out.flush();
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            threads[t].start();
        }
        threads[0].join();
    }

    /** Records asynchronously through the shared registry and exits at once: the shutdown hook must drain. */
    private static void exitAfterAsyncRecords(Path file, int count) throws Exception {
        AuditTrail trail = AuditTrail.of(new Settings.AuditSettings(List.of("jsonl:" + file),
                Settings.OnFailure.FAIL_CLOSED, false));
        for (int n = 0; n < count; n++) {
            trail.record(Events.statement("agent-exit", n));
        }
        System.out.println("recorded " + count);
        System.exit(0);
    }
}
