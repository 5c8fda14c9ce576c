package dev.governance.jdbc.audit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test load: many threads recording at once, and the acknowledgements a child writer JVM prints. */
final class Load {
    private static final Pattern ACK = Pattern.compile("ack (\\d+) \\.");

    private Load() {
    }

    /** {@code threads} threads record {@code perThread} statements each (subject agent-T, fingerprint fp-N). */
    static void hammer(AuditTrail trail, int threads, int perThread, long pauseMillisEvery10) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String subject = "agent-" + t;
                futures.add(pool.submit(() -> {
                    for (int n = 0; n < perThread; n++) {
                        trail.record(Events.statement(subject, n));
                        if (pauseMillisEvery10 > 0 && n % 10 == 0) {
                            Thread.sleep(pauseMillisEvery10);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Collects the seqs a child JVM prints as {@code ack <seq> .} (a live list, filled by a reader thread). */
    static List<Long> acks(Process child, Thread[] readerOut) {
        List<Long> acked = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = ACK.matcher(line);
                    if (m.matches()) {
                        acked.add(Long.parseLong(m.group(1)));
                    }
                }
            } catch (Exception ignored) {
                // the child was killed
            }
        });
        reader.start();
        readerOut[0] = reader;
        return acked;
    }
}
