package dev.governance.jdbc.console.approvals;

import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.console.auth.Principal;
import dev.governance.jdbc.console.impact.Impact;
import dev.governance.jdbc.console.web.Html;
import dev.governance.jdbc.console.web.Layout;
import dev.governance.jdbc.console.web.SqlHighlighter;
import dev.governance.jdbc.identity.Identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** HTML for the approvals page: one card per request, rendered for the reviewer looking at it. */
public final class ApprovalCards {
    private ApprovalCards() {
    }

    public static String page(List<ApprovalRequest> pending, List<ApprovalRequest> recent,
                              java.util.function.Function<ApprovalRequest, Impact> impacts, Principal viewer,
                              String flash, String storeName, Instant now) {
        StringBuilder out = new StringBuilder(8192);
        if (flash != null) {
            out.append("<p class=\"flash\" id=\"flash\">").append(Html.escape(flash)).append("</p>");
        }
        out.append("<h1>Pending approvals</h1><p class=\"muted\">Store ").append(Html.escape(storeName))
                .append(". New requests appear here as they arrive.</p>")
                .append("<p id=\"empty\" class=\"muted\"").append(pending.isEmpty() ? "" : " hidden")
                .append(">Nothing waiting for review.</p><div id=\"pending\">");
        for (ApprovalRequest r : pending) {
            out.append(card(r, impacts.apply(r), viewer, now));
        }
        out.append("</div><h2>Recent decisions</h2><table class=\"grid\" id=\"recent\"><thead><tr><th>decided</th>")
                .append("<th>status</th><th>requester</th><th>reviewer</th><th>statement</th></tr></thead><tbody>");
        for (ApprovalRequest r : recent) {
            out.append("<tr><td>").append(Html.escape(String.valueOf(r.decided()))).append("</td><td>")
                    .append(Html.escape(r.effectiveStatus(now).name().toLowerCase())).append("</td><td>")
                    .append(Html.escape(r.subject())).append("</td><td>").append(Html.escape(r.reviewer()))
                    .append("</td><td><code class=\"sql\">").append(SqlHighlighter.html(r.sql())).append("</code></td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** One pending request: who asks, why, under which rule, the full SQL, its impact, and the decision form. */
    public static String card(ApprovalRequest r, Impact impact, Principal viewer, Instant now) {
        String id = Html.escape(r.id());
        StringBuilder out = new StringBuilder(2048);
        out.append("<article class=\"request\" id=\"req-").append(id).append("\" data-id=\"").append(id)
                .append("\" data-created=\"").append(r.created()).append("\">")
                .append("<header><span class=\"status\">pending</span> <span class=\"age\">")
                .append(Html.escape(age(r.created(), now))).append("</span> <small class=\"muted\">")
                .append(id).append("</small></header><dl>")
                .append(row("requester", r.subject() + " (" + r.kind() + (r.groups().isEmpty() ? "" : ", groups "
                        + String.join(", ", r.groups())) + ")", "requester"))
                .append(row("on behalf of", r.onBehalfOf(), "on-behalf-of"))
                .append(row("reason", r.reason() == null ? "none given" : r.reason(), "reason"))
                .append(row("rule", String.join(", ", r.ruleIds()), "rule"))
                .append(row("approvers", "groups " + String.join(", ", r.approverGroups()), "approvers"))
                .append(row("environment", r.environment(), "environment"))
                .append(row("database", r.database().url() == null ? null : r.database().describe(), "database"))
                .append(row("requested", r.created().toString(), "created"))
                .append("</dl><pre class=\"sql\">").append(SqlHighlighter.html(r.fullSql() == null ? r.sql() : r.fullSql()))
                .append("</pre>").append(impact(impact));
        String cannot = cannotDecide(r, viewer.identity());
        if (cannot != null) {
            out.append("<p class=\"note\">").append(Html.escape(cannot)).append("</p>");
        }
        out.append("<form method=\"post\" class=\"decide\" action=\"/approvals/").append(Html.urlParam(r.id()))
                .append("/decide\">").append(Layout.csrfField(viewer))
                .append("<label>Comment <input type=\"text\" name=\"comment\" maxlength=\"")
                .append(ApprovalDesk.MAX_COMMENT).append("\"></label>")
                .append("<button type=\"submit\" name=\"verdict\" value=\"approve\" class=\"approve\">Approve</button>")
                .append("<button type=\"submit\" name=\"verdict\" value=\"deny\" class=\"deny\">Deny</button></form>")
                .append("</article>");
        return out.toString();
    }

    private static String impact(Impact impact) {
        StringBuilder out = new StringBuilder("<section class=\"impact impact-").append(Html.escape(impact.kind()))
                .append("\"><h3>Impact</h3><p class=\"headline\">").append(Html.escape(impact.headline())).append("</p>");
        if (!impact.details().isEmpty()) {
            out.append("<ul>");
            impact.details().forEach(d -> out.append("<li>").append(Html.escape(d)).append("</li>"));
            out.append("</ul>");
        }
        if (!impact.queries().isEmpty()) {
            out.append("<details><summary>read-only queries run</summary>");
            impact.queries().forEach(q -> out.append("<pre class=\"sql\">").append(SqlHighlighter.html(q)).append("</pre>"));
            out.append("</details>");
        }
        return out.append("</section>").toString();
    }

    /** Why this viewer can't decide (shown as a hint; the server refuses anyway), or null. */
    static String cannotDecide(ApprovalRequest r, Identity viewer) {
        if (r.partyTo(viewer.subject(), viewer.onBehalfOf())) {
            return "You are a party to this request: someone else decides it.";
        }
        if (!viewer.inAnyGroup(r.approverGroups())) {
            return "You are not in an approver group of this rule (" + String.join(", ", r.approverGroups())
                    + "): a decision from you will be refused.";
        }
        return null;
    }

    private static String row(String label, String value, String css) {
        return "<dt>" + label + "</dt><dd class=\"" + css + "\">" + Html.escape(value == null ? "-" : value) + "</dd>";
    }

    static String age(Instant created, Instant now) {
        Duration d = Duration.between(created, now);
        if (d.isNegative() || d.getSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }
}
