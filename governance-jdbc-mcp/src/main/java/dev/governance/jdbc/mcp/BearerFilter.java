package dev.governance.jdbc.mcp;

import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.identity.IdentityResolver;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every HTTP request must carry {@code Authorization: Bearer <JWT>} that the driver's identity verification accepts
 * (signature, issuer, audience, expiry); otherwise 401 and nothing runs. The verified token goes on to the tool call,
 * which connects as its identity.
 */
final class BearerFilter implements Filter {
    static final String TOKEN_ATTRIBUTE = BearerFilter.class.getName() + ".token";
    private final IdentityResolver verifier;

    BearerFilter(IdentityResolver verifier) {
        this.verifier = verifier;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String header = http.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            refuse((HttpServletResponse) response, "missing bearer token (Authorization: Bearer <JWT>)");
            return;
        }
        String token = header.substring(7).trim();
        try {
            verifier.verify(token);
        } catch (IdentityException e) {
            refuse((HttpServletResponse) response, e.getMessage());
            return;
        }
        request.setAttribute(TOKEN_ATTRIBUTE, token);
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"governance-jdbc\", error=\"invalid_token\"");
        response.setContentType("application/json");
        byte[] body = ToolResults.json(Map.of("error", "unauthorized", "sqlState", "28000", "reason", reason))
                .getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(body);
    }
}
