package dev.governance.jdbc.console.approvals;

import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.console.impact.ImpactEstimator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the store for requests arriving and leaving the pending list (the store is a database shared with every
 * driver instance, so it is polled), works out each new request's impact before telling anyone, and hands the news
 * to every open event stream.
 */
public final class ApprovalFeed implements AutoCloseable {
    /** What changed: a request became pending ({@code request}) or stopped being pending ({@code decided}). */
    public record Change(String type, ApprovalRequest request, String status) {
    }

    /** One open event stream: a bounded queue; a stream that falls this far behind is dropped (it reconnects). */
    public static final class Subscription implements AutoCloseable {
        private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>(1_000);
        private final List<Subscription> owner;

        private Subscription(List<Subscription> owner) {
            this.owner = owner;
        }

        public Change next(long timeoutMillis) throws InterruptedException {
            return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        boolean offer(Change change) {
            return queue.offer(change);
        }

        @Override
        public void close() {
            owner.remove(this);
        }
    }

    private final ApprovalDesk desk;
    private final ImpactEstimator impacts;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private final Consumer<Exception> onError;
    private Map<String, ApprovalRequest> known;

    public ApprovalFeed(ApprovalDesk desk, ImpactEstimator impacts, long pollMillis, Consumer<Exception> onError) {
        this.desk = desk;
        this.impacts = impacts;
        this.onError = onError;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-approval-feed");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    public Subscription subscribe() {
        Subscription s = new Subscription(subscribers);
        subscribers.add(s);
        return s;
    }

    private void poll() {
        try {
            List<ApprovalRequest> pending = desk.pending();
            Map<String, ApprovalRequest> now = new HashMap<>();
            pending.forEach(r -> now.put(r.id(), r));
            if (known == null) { // the first look: what is there now is on the page already
                known = now;
                return;
            }
            List<ApprovalRequest> arrived = new ArrayList<>();
            for (ApprovalRequest r : pending) {
                if (!known.containsKey(r.id())) {
                    arrived.add(0, r); // oldest first, so the newest ends on top
                }
            }
            for (ApprovalRequest r : arrived) {
                impacts.estimate(r); // before anyone sees it: the card arrives with its impact
                publish(new Change("request", r, "PENDING"));
            }
            for (String id : Set.copyOf(known.keySet())) {
                if (!now.containsKey(id)) {
                    String status = desk.find(id).map(r -> r.status().name()).orElse("GONE");
                    publish(new Change("decided", known.get(id), status));
                    impacts.forget(id);
                }
            }
            known = now;
        } catch (Exception e) {
            onError.accept(e);
        }
    }

    private void publish(Change change) {
        for (Subscription s : subscribers) {
            if (!s.offer(change)) {
                s.close();
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
