package dev.governance.jdbc.console.web;

import dev.governance.jdbc.console.auth.Authenticator;
import dev.governance.jdbc.console.auth.Principal;

/** The page frame: header with navigation and the signed-in reviewer, the CSRF token for scripts, the body. */
public final class Layout {
    private Layout() {
    }

    public static String page(String title, Principal principal, String active, String body) {
        StringBuilder out = new StringBuilder(body.length() + 2048);
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append(" · governance-jdbc console</title>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (principal != null && principal.csrf() != null) {
            out.append("<meta name=\"csrf\" content=\"").append(Html.escape(principal.csrf())).append("\">");
        }
        out.append("<link rel=\"stylesheet\" href=\"/static/console.css\">")
                .append("<script src=\"/static/console.js\" defer></script></head><body><header><strong>governance-jdbc</strong> review console");
        if (principal != null) {
            out.append("<nav>").append(link("/approvals", "Approvals", active))
                    .append(link("/audit", "Audit trail", active))
                    .append(link("/audit/identities", "Identities", active))
                    .append(link("/audit/chain", "Chain", active)).append("</nav>")
                    .append("<span class=\"who\" id=\"who\">").append(Html.escape(principal.identity().subject()))
                    .append(" <small>").append(Html.escape(String.join(", ", principal.identity().groups())))
                    .append("</small></span>");
            if (principal.session() != null) {
                out.append("<form method=\"post\" action=\"/logout\" class=\"inline\">").append(csrfField(principal))
                        .append("<button type=\"submit\">Sign out</button></form>");
            }
        }
        out.append("</header><main>").append(body).append("</main></body></html>");
        return out.toString();
    }

    public static String csrfField(Principal principal) {
        return principal.csrf() == null ? "" : "<input type=\"hidden\" name=\"" + Authenticator.CSRF_FIELD
                + "\" value=\"" + Html.escape(principal.csrf()) + "\">";
    }

    private static String link(String href, String label, String active) {
        return "<a href=\"" + href + "\"" + (href.equals(active) ? " class=\"active\"" : "") + ">" + label + "</a>";
    }
}
