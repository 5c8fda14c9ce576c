package dev.governance.jdbc.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.console.web.Html;
import dev.governance.jdbc.console.web.SqlHighlighter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** HTML for the audit view: the timeline with its filters, the per-identity summary, the chain's state. */
public final class AuditPages {
    private AuditPages() {
    }

    public static String timeline(Timeline.Page page, Map<String, String> params, List<ChainStates.State> chain) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<h1>Audit trail</h1>").append(chainLine(chain)).append(filterForm(params, "/audit"));
        out.append("<p class=\"muted\" id=\"matched\">").append(page.matched()).append(page.matched() == 1 ? " event" : " events")
                .append(" match").append(page.matched() == 1 ? "es" : "").append("; newest first");
        if (page.unreadable() > 0) {
            out.append("; ").append(page.unreadable()).append(" line(s) could not be read as records");
        }
        out.append(".</p><table class=\"grid timeline\" id=\"timeline\"><thead><tr><th>time</th><th>identity</th>")
                .append("<th>env</th><th>event</th><th>statement</th><th>decision</th><th>tables · columns</th>")
                .append("<th>masked</th><th>rows</th><th>µs</th></tr></thead><tbody>");
        for (Timeline.Entry e : page.entries()) {
            out.append(row(e));
        }
        out.append("</tbody></table>").append(pager(page, params));
        return out.toString();
    }

    private static String row(Timeline.Entry e) {
        JsonNode r = e.record();
        String action = r.path("decision").path("action").asText("");
        String event = r.path("event").asText("");
        boolean refused = "deny".equals(action) || "connect-denied".equals(event) || "refused".equals(action);
        StringBuilder out = new StringBuilder(1024);
        out.append("<tr class=\"event-").append(Html.escape(event)).append(refused ? " refused" : "").append("\"")
                .append(" data-subject=\"").append(Html.escape(r.path("identity").path("subject").asText(""))).append("\">")
                .append("<td class=\"ts\">").append(Html.escape(r.path("ts").asText(""))).append("<br><small>")
                .append(Html.escape(e.trail())).append(" #").append(e.seq()).append("</small></td>")
                .append("<td class=\"identity\">").append(identity(r.path("identity"))).append("</td>")
                .append("<td>").append(Html.escape(r.path("environment").asText(""))).append("</td>")
                .append("<td>").append(Html.escape(event));
        String phase = r.path("phase").asText("");
        if (!phase.isEmpty()) {
            out.append("<br><small>").append(Html.escape(phase)).append("</small>");
        }
        out.append("</td><td class=\"statement\">");
        if (r.hasNonNull("sql")) {
            out.append("<code class=\"sql\">").append(SqlHighlighter.html(r.path("sql").asText())).append("</code>");
        }
        if (r.hasNonNull("error")) {
            out.append("<div class=\"error\">").append(Html.escape(r.path("error").asText())).append("</div>");
        }
        if (r.hasNonNull("requestId")) {
            out.append("<div><small>request ").append(Html.escape(r.path("requestId").asText()));
            if (r.hasNonNull("reviewer")) {
                out.append(" · reviewer ").append(Html.escape(r.path("reviewer").asText()));
            }
            if (r.hasNonNull("comment")) {
                out.append(" · “").append(Html.escape(r.path("comment").asText())).append("”");
            }
            out.append("</small></div>");
        }
        out.append("</td><td class=\"decision\">").append(Html.escape(action));
        List<String> rules = texts(r.path("decision").path("rules"));
        if (!rules.isEmpty()) {
            out.append("<br><small>").append(Html.escape(String.join(", ", rules))).append("</small>");
        }
        out.append("</td><td class=\"tables\">");
        List<String> read = texts(r.path("tables").path("read"));
        List<String> written = texts(r.path("tables").path("written"));
        if (!read.isEmpty()) {
            out.append("read ").append(Html.escape(String.join(", ", read))).append("<br>");
        }
        if (!written.isEmpty()) {
            out.append("written ").append(Html.escape(String.join(", ", written))).append("<br>");
        }
        List<String> columns = texts(r.path("columns"));
        if (!columns.isEmpty()) {
            out.append("<small>").append(Html.escape(String.join(", ", columns))).append("</small>");
        }
        out.append("</td><td class=\"masked\">");
        List<String> masked = new ArrayList<>();
        for (JsonNode m : r.path("masked")) {
            masked.add(m.path("column").asText() + " (" + m.path("strategy").asText() + ")");
        }
        out.append(Html.escape(String.join(", ", masked))).append("</td><td>")
                .append(r.hasNonNull("rows") ? r.path("rows").asLong() : "").append("</td><td>")
                .append(r.hasNonNull("durationMicros") ? r.path("durationMicros").asLong() : "").append("</td></tr>");
        return out.toString();
    }

    private static String identity(JsonNode who) {
        if (who.isMissingNode() || who.isNull()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<a href=\"/audit?subject=").append(Html.escape(Html.urlParam(who.path("subject").asText())))
                .append("\">").append(Html.escape(who.path("subject").asText())).append("</a>");
        out.append(" <small>").append(Html.escape(who.path("kind").asText(""))).append(who.path("verified").asBoolean(false) ? "" : ", unverified")
                .append("</small>");
        if (who.hasNonNull("onBehalfOf")) {
            out.append("<br><small>on behalf of ").append(Html.escape(who.path("onBehalfOf").asText())).append("</small>");
        }
        return out.toString();
    }

    public static String identities(List<IdentitySummary.Row> rows, Map<String, String> params) {
        StringBuilder out = new StringBuilder(8192).append("<h1>Identities</h1>").append(filterForm(params, "/audit/identities"))
                .append("<table class=\"grid\" id=\"identities\"><thead><tr><th>identity</th><th>kind</th><th>statements</th>")
                .append("<th>refusals</th><th>approvals asked</th><th>connections</th><th>tables touched</th><th>last seen</th>")
                .append("</tr></thead><tbody>");
        for (IdentitySummary.Row row : rows) {
            out.append("<tr><td><a href=\"/audit?subject=").append(Html.escape(Html.urlParam(row.subject))).append("\">")
                    .append(Html.escape(row.subject)).append("</a></td><td>").append(Html.escape(row.kind))
                    .append("</td><td>").append(row.statements).append("</td><td")
                    .append(row.refusals > 0 ? " class=\"refused\"" : "").append(">");
            if (row.refusals > 0) {
                out.append("<a href=\"/audit?subject=").append(Html.escape(Html.urlParam(row.subject)))
                        .append("&amp;decision=deny\">").append(row.refusals).append("</a>");
            } else {
                out.append('0');
            }
            out.append("</td><td>").append(row.approvalsRequested).append("</td><td>").append(row.connects)
                    .append("</td><td>").append(Html.escape(String.join(", ", row.tables))).append("</td><td>")
                    .append(Html.escape(String.valueOf(row.lastSeen))).append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    public static String chain(List<ChainStates.State> states, String root) {
        StringBuilder out = new StringBuilder(4096).append("<h1>Chain verification</h1><p class=\"muted\">")
                .append(Html.escape(root)).append(": every segment checked on its own, and each trail as a whole (a missing,"
                        + " swapped or truncated segment shows there), as <code>audit verify</code> checks them.</p>")
                .append("<table class=\"grid\" id=\"chain\"><thead><tr><th>trail</th><th>segment</th><th>state</th>")
                .append("<th>records</th><th>details</th></tr></thead><tbody>");
        for (ChainStates.State s : states) {
            out.append("<tr class=\"").append(s.intact() ? "intact" : "broken").append("\"><td>").append(Html.escape(s.trail()))
                    .append("</td><td>").append(Html.escape(s.segment())).append("</td><td class=\"state\">")
                    .append(Html.escape(s.status())).append("</td><td>").append(s.records()).append("</td><td>")
                    .append(Html.escape(s.summary())).append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String chainLine(List<ChainStates.State> chain) {
        long broken = chain.stream().filter(s -> !s.intact()).count();
        return "<p class=\"chain " + (broken == 0 ? "intact" : "broken") + "\" id=\"chain-state\"><a href=\"/audit/chain\">"
                + (broken == 0 ? "Chain intact" : "Chain BROKEN") + "</a>: " + chain.size() + " segment(s)"
                + (broken == 0 ? " verified" : ", " + broken + " failing verification") + "</p>";
    }

    private static String filterForm(Map<String, String> params, String action) {
        StringBuilder out = new StringBuilder("<form method=\"get\" action=\"").append(action).append("\" class=\"filters\" id=\"filters\">");
        for (String[] f : new String[][] {{"subject", "identity"}, {"table", "table"}, {"decision", "decision"},
                {"environment", "environment"}, {"event", "event"}, {"since", "since"}, {"until", "until"}}) {
            out.append("<label>").append(f[1]).append(" <input type=\"text\" name=\"").append(f[0]).append("\" value=\"")
                    .append(Html.escape(params.getOrDefault(f[0], ""))).append("\"></label>");
        }
        return out.append("<button type=\"submit\">Filter</button></form>").toString();
    }

    private static String pager(Timeline.Page page, Map<String, String> params) {
        StringBuilder out = new StringBuilder("<nav class=\"pager\">");
        if (page.page() > 0) {
            out.append("<a id=\"newer\" href=\"").append(link(params, page.page() - 1)).append("\">← newer</a> ");
        }
        out.append("page ").append(page.page() + 1);
        if (page.hasNext()) {
            out.append(" <a id=\"older\" href=\"").append(link(params, page.page() + 1)).append("\">older →</a>");
        }
        return out.append("</nav>").toString();
    }

    private static String link(Map<String, String> params, int page) {
        StringBuilder q = new StringBuilder("/audit?");
        params.forEach((k, v) -> {
            if (!k.equals("page") && v != null && !v.isBlank()) {
                q.append(Html.urlParam(k)).append('=').append(Html.urlParam(v)).append("&amp;");
            }
        });
        return q.append("page=").append(page).toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
