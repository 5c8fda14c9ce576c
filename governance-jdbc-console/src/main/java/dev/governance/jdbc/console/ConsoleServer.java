package dev.governance.jdbc.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.approval.JdbcApprovalStore;
import dev.governance.jdbc.approval.ReviewRefusedException;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.console.approvals.ApprovalCards;
import dev.governance.jdbc.console.approvals.ApprovalDesk;
import dev.governance.jdbc.console.approvals.ApprovalFeed;
import dev.governance.jdbc.console.audit.AuditFilter;
import dev.governance.jdbc.console.audit.AuditPages;
import dev.governance.jdbc.console.audit.ChainStates;
import dev.governance.jdbc.console.audit.IdentitySummary;
import dev.governance.jdbc.console.audit.Timeline;
import dev.governance.jdbc.console.audit.TrailFiles;
import dev.governance.jdbc.console.auth.Authenticator;
import dev.governance.jdbc.console.auth.Principal;
import dev.governance.jdbc.console.auth.Sessions;
import dev.governance.jdbc.console.impact.ImpactEstimator;
import dev.governance.jdbc.console.web.Html;
import dev.governance.jdbc.console.web.Layout;
import dev.governance.jdbc.console.web.Request;
import dev.governance.jdbc.console.web.Response;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The review console over HTTP (the JDK's {@link HttpServer}). Every request but the sign-in and the static files
 * needs a verified identity (401 otherwise); every state-changing one also its session's CSRF token (403 otherwise).
 */
public final class ConsoleServer implements AutoCloseable {
    /** Open event streams beyond this are refused (503): each holds a thread. */
    static final int MAX_EVENT_STREAMS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 50;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Authenticator auth;
    private final ApprovalDesk desk;
    private final ApprovalFeed feed;
    private final ImpactEstimator impacts;
    private final TrailFiles trails;
    private final Timeline timeline;
    private final IdentitySummary summary;
    private final ChainStates chain;
    private final AuditTrail trail;
    private final PrintWriter log;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger streams = new AtomicInteger();

    private ConsoleServer(ConsoleConfig config, PrintWriter log) throws IOException, ConfigurationException, SQLException {
        this.log = log;
        IdentityResolver resolver = IdentityResolver.create(config.identity());
        this.auth = new Authenticator(resolver, new Sessions(clock), config.kinds());
        this.trail = AuditTrail.of(new Settings.AuditSettings(config.record(), Settings.OnFailure.FAIL_CLOSED, false));
        trail.checkAvailable();
        this.desk = new ApprovalDesk(new Approvals(new JdbcApprovalStore(config.store())), trail);
        desk.pending(); // the store answers (and has its table) before anyone signs in
        this.impacts = new ImpactEstimator(config.databases());
        this.feed = new ApprovalFeed(desk, impacts, config.poll().toMillis(),
                e -> log.println("console: approval store " + desk.storeName() + ": " + e.getMessage()));
        this.trails = new TrailFiles(config.audit(), recordedFiles(config.record()));
        this.timeline = new Timeline(trails);
        this.summary = new IdentitySummary(trails);
        this.chain = new ChainStates(trails);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-http");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(config.http(), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts the console.
     *
     * @throws ConfigurationException when the JWK set can't be read or issuer/audience are missing
     * @throws SQLException           when the approval store can't be reached, or the trail written
     */
    public static ConsoleServer start(ConsoleConfig config, PrintWriter log)
            throws IOException, ConfigurationException, SQLException {
        return new ConsoleServer(config, log);
    }

    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        feed.close();
        executor.shutdownNow();
        trail.close();
    }

    private static List<Path> recordedFiles(List<String> sinks) {
        List<Path> out = new ArrayList<>();
        for (String sink : sinks) {
            if (sink.startsWith("jsonl:")) {
                out.add(Path.of(sink.substring("jsonl:".length())));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    private void handle(HttpExchange exchange) {
        try {
            Request request = new Request(exchange);
            String path = request.path();
            String method = request.method();
            if (path.startsWith("/static/") && (method.equals("GET") || method.equals("HEAD"))) {
                staticFile(exchange, path.substring("/static/".length()));
                return;
            }
            if (path.equals("/login") && method.equals("POST")) {
                login(request);
                return;
            }
            Principal principal;
            try {
                principal = auth.authenticate(request);
            } catch (Authenticator.Unauthenticated e) {
                signInPage(request, 401, e.getMessage());
                return;
            }
            if (method.equals("POST")) {
                if (!Authenticator.csrfValid(request, principal)) {
                    page(exchange, 403, "Refused", principal, null, "<p class=\"flash refused\" id=\"refused\">"
                            + "Refused: the form's CSRF token is missing or wrong. Reload the page and try again.</p>");
                    return;
                }
                post(request, principal);
            } else if (method.equals("GET") || method.equals("HEAD")) {
                get(request, principal);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                Response.text(exchange, 405, "method not allowed");
            }
        } catch (Exception e) {
            log.println("console: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ": " + e);
            try {
                Response.text(exchange, 500, "The console could not answer this request; its log says why.");
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way
            }
        } finally {
            exchange.close();
        }
    }

    private void get(Request request, Principal principal) throws IOException, SQLException {
        String path = request.path();
        HttpExchange exchange = request.exchange();
        switch (path) {
            case "/" -> Response.redirect(exchange, "/approvals");
            case "/approvals" -> approvals(request, principal, 200, null);
            case "/approvals/events" -> events(exchange, principal);
            case "/audit" -> auditTimeline(request, principal);
            case "/audit/identities" -> page(exchange, 200, "Identities", principal, "/audit/identities",
                    AuditPages.identities(summary.rows(filter(request).anySubject()), request.queryParameters()));
            case "/audit/chain" -> page(exchange, 200, "Chain", principal, "/audit/chain",
                    AuditPages.chain(chain.states(), trails.root().toString()));
            default -> page(exchange, 404, "Not found", principal, null, "<p>Nothing here.</p>");
        }
    }

    private void post(Request request, Principal principal) throws IOException, SQLException {
        String path = request.path();
        if (path.equals("/logout")) {
            auth.signOut(principal);
            request.exchange().getResponseHeaders().add("Set-Cookie", Authenticator.SESSION_COOKIE
                    + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
            Response.redirect(request.exchange(), "/approvals");
            return;
        }
        if (path.startsWith("/approvals/") && path.endsWith("/decide")) {
            String id = path.substring("/approvals/".length(), path.length() - "/decide".length());
            decide(request, principal, id);
            return;
        }
        page(request.exchange(), 404, "Not found", principal, null, "<p>Nothing here.</p>");
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    private void login(Request request) throws IOException {
        if (!Authenticator.loginCsrfValid(request)) {
            signInPage(request, 403, "the sign-in form expired or did not come from this console: try again");
            return;
        }
        String token = request.form("token");
        Identity identity;
        try {
            identity = auth.verify(token == null ? "" : token.strip());
        } catch (Authenticator.Unauthenticated e) {
            signInPage(request, 401, e.getMessage());
            return;
        }
        var session = auth.signIn(identity);
        var headers = request.exchange().getResponseHeaders();
        headers.add("Set-Cookie", Authenticator.SESSION_COOKIE + "=" + session.id()
                + "; Path=/; HttpOnly; SameSite=Strict");
        headers.add("Set-Cookie", Authenticator.LOGIN_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        Response.redirect(request.exchange(), "/approvals");
    }

    private void signInPage(Request request, int status, String why) throws IOException {
        // One nonce per browser until it signs in: the page's own side requests (a favicon) get the sign-in page too,
        // and must not replace the nonce of the form on screen.
        String nonce = request.cookie(Authenticator.LOGIN_COOKIE);
        HttpExchange exchange = request.exchange();
        if (nonce == null || !nonce.matches("[A-Za-z0-9_-]{43}")) {
            nonce = Authenticator.loginNonce();
            exchange.getResponseHeaders().add("Set-Cookie", Authenticator.LOGIN_COOKIE + "=" + nonce
                    + "; Path=/; HttpOnly; SameSite=Strict");
        }
        if (status == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"governance-jdbc console\"");
        }
        String body = "<h1>Sign in</h1><p class=\"flash refused\" id=\"why\">" + Html.escape(why) + "</p>"
                + "<form method=\"post\" action=\"/login\" id=\"signin\"><input type=\"hidden\" name=\""
                + Authenticator.CSRF_FIELD + "\" value=\"" + nonce + "\"><label>Your token (JWT)"
                + "<textarea name=\"token\" rows=\"4\" cols=\"80\" autocomplete=\"off\" spellcheck=\"false\"></textarea>"
                + "</label><button type=\"submit\">Sign in</button></form><p class=\"muted\">The token is verified as a"
                + " connection's would be (signature, issuer, audience, expiry). Only members of a rule's approver"
                + " groups decide its requests.</p>";
        Response.html(exchange, status, Layout.page("Sign in", null, null, body));
    }

    // ------------------------------------------------------------------------------------------------ approvals

    private void approvals(Request request, Principal principal, int status, String flash) throws IOException, SQLException {
        String message = flash;
        String decided = request.query("decided");
        if (message == null && decided != null) {
            Optional<ApprovalRequest> r = desk.find(decided);
            if (r.isPresent() && r.get().reviewer() != null) {
                // The waiting statement may use its grant before this page is drawn: it was still approved by them.
                ApprovalStatus now = r.get().status();
                message = "Request " + r.get().id() + switch (now) {
                    case USED -> " approved by " + r.get().reviewer() + " and since used by its statement.";
                    case EXPIRED -> " approved by " + r.get().reviewer() + "; its grant has since expired.";
                    default -> " " + now.name().toLowerCase() + " by " + r.get().reviewer() + ".";
                };
            }
        }
        Instant now = clock.instant();
        String body = ApprovalCards.page(desk.pending(), desk.decided(20), impacts::estimate, principal, message,
                desk.storeName(), now);
        page(request.exchange(), status, "Approvals", principal, "/approvals", body);
    }

    private void decide(Request request, Principal principal, String id) throws IOException, SQLException {
        String verdict = request.form("verdict");
        if (!"approve".equals(verdict) && !"deny".equals(verdict)) {
            page(request.exchange(), 400, "Bad request", principal, null,
                    "<p class=\"flash refused\" id=\"refused\">Choose approve or deny.</p>");
            return;
        }
        Optional<ApprovalRequest> found = desk.find(id);
        if (found.isEmpty()) {
            refused(request, principal, 404, "There is no approval request " + id + ".");
            return;
        }
        if (found.get().status() != ApprovalStatus.PENDING) {
            refused(request, principal, 409, "Request " + id + " is already "
                    + found.get().status().name().toLowerCase() + ".");
            return;
        }
        try {
            desk.decide(id, principal.identity(), verdict.equals("approve"), request.form("comment"));
        } catch (ReviewRefusedException e) {
            refused(request, principal, 403, "Refused: " + e.getMessage());
            return;
        }
        Response.redirect(request.exchange(), "/approvals?decided=" + Html.urlParam(id));
    }

    private void refused(Request request, Principal principal, int status, String message) throws IOException {
        page(request.exchange(), status, "Refused", principal, "/approvals", "<p class=\"flash refused\" id=\"refused\">"
                + Html.escape(message) + "</p><p><a href=\"/approvals\">Back to the approvals</a></p>");
    }

    /** Server-sent events: every pending request at once, then each arrival and decision as it happens. */
    private void events(HttpExchange exchange, Principal principal) throws IOException, SQLException {
        if (streams.incrementAndGet() > MAX_EVENT_STREAMS) {
            streams.decrementAndGet();
            Response.text(exchange, 503, "too many open event streams");
            return;
        }
        try (ApprovalFeed.Subscription subscription = feed.subscribe()) {
            Response.securityHeaders(exchange);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            List<ApprovalRequest> pending = new ArrayList<>(desk.pending());
            java.util.Collections.reverse(pending); // oldest first: each is put on top, the newest ends up first
            for (ApprovalRequest r : pending) {
                send(out, new ApprovalFeed.Change("request", r, "PENDING"), principal);
            }
            write(out, ": connected\n\n");
            while (true) {
                ApprovalFeed.Change change = subscription.next(15_000);
                if (principal.session() != null && principal.session().expires().isBefore(clock.instant())) {
                    return; // the session ended: the page's next request gets the sign-in
                }
                if (change == null) {
                    write(out, ": keep-alive\n\n");
                } else {
                    send(out, change, principal);
                }
            }
        } catch (IOException gone) {
            // the browser went away
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private void send(OutputStream out, ApprovalFeed.Change change, Principal principal) throws IOException {
        ApprovalRequest r = change.request();
        Map<String, String> data = change.type().equals("request")
                ? Map.of("id", r.id(), "html", ApprovalCards.card(r, impacts.estimate(r), principal, clock.instant()))
                : Map.of("id", r.id(), "status", change.status().toLowerCase());
        write(out, "event: " + change.type() + "\ndata: " + JSON.writeValueAsString(data) + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ------------------------------------------------------------------------------------------------ audit

    private void auditTimeline(Request request, Principal principal) throws IOException {
        AuditFilter filter;
        try {
            filter = filter(request);
        } catch (IllegalArgumentException e) {
            page(request.exchange(), 400, "Audit trail", principal, "/audit", "<p class=\"flash refused\">"
                    + Html.escape(e.getMessage()) + "</p>");
            return;
        }
        int pageNumber = 0;
        try {
            pageNumber = request.query("page") == null ? 0 : Integer.parseInt(request.query("page"));
        } catch (NumberFormatException ignored) {
            // first page
        }
        Timeline.Page page = timeline.page(filter, pageNumber, PAGE_SIZE);
        page(request.exchange(), 200, "Audit trail", principal, "/audit",
                AuditPages.timeline(page, request.queryParameters(), chain.states()));
    }

    private AuditFilter filter(Request request) {
        return AuditFilter.from(request.queryParameters(), clock.instant());
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private static void page(HttpExchange exchange, int status, String title, Principal principal, String active,
                             String body) throws IOException {
        Response.html(exchange, status, Layout.page(title, principal, active, body));
    }

    private static void staticFile(HttpExchange exchange, String name) throws IOException {
        String type = name.equals("console.css") ? "text/css; charset=utf-8"
                : name.equals("console.js") ? "text/javascript; charset=utf-8" : null;
        if (type == null) {
            Response.text(exchange, 404, "not found");
            return;
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                Response.text(exchange, 404, "not found");
                return;
            }
            Response.send(exchange, 200, type, in.readAllBytes());
        }
    }
}
