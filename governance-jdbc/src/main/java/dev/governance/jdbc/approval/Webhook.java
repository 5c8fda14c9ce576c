package dev.governance.jdbc.approval;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code governance.approval.webhook}: a JSON POST for each new request, fire-and-forget. It never blocks the
 * statement and its failure never fails it. The body carries the SQL as recorded (literal-free by default), never
 * the full text, so a chat channel doesn't receive values.
 */
public final class Webhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI uri;
    private volatile HttpClient client;

    public Webhook(String url) {
        this.uri = URI.create(url);
    }

    public void post(ApprovalRequest request) {
        try {
            HttpRequest http = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(request))).build();
            client().sendAsync(http, HttpResponse.BodyHandlers.discarding()).exceptionally(e -> null);
        } catch (RuntimeException | java.io.IOException e) {
            // fire-and-forget: the request is in the store whatever happens to the notification
        }
    }

    static String body(ApprovalRequest r) throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "approval-requested");
        m.put("id", r.id());
        m.put("subject", r.subject());
        m.put("kind", r.kind());
        m.put("groups", r.groups());
        m.put("onBehalfOf", r.onBehalfOf());
        m.put("environment", r.environment());
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("product", r.database().product());
        database.put("url", r.database().url());
        m.put("database", database);
        m.put("sql", r.sql());
        m.put("fingerprint", r.fingerprint());
        m.put("rules", r.ruleIds());
        m.put("approvers", r.approverGroups());
        m.put("reason", r.reason());
        m.put("created", r.created().toString());
        return JSON.writeValueAsString(m);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    client = c;
                }
            }
        }
        return c;
    }
}
