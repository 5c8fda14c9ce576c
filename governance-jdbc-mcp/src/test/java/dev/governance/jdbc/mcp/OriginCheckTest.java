package dev.governance.jdbc.mcp;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which browser origins and Host headers the HTTP transport serves, per binding. */
class OriginCheckTest {

    @Test
    void loopbackBindingServesOnlyLoopbackOriginsAndHosts() throws Exception {
        DefaultServerTransportSecurityValidator check = OriginCheck.forBinding("127.0.0.1", List.of());
        served(check, null, "127.0.0.1:8765");
        served(check, "http://localhost:6274", "localhost:8765"); // the MCP Inspector's page
        served(check, "http://127.0.0.1:8765", "127.0.0.1:8765");
        served(check, "http://[::1]:3000", "[::1]:8765");
        refused(check, 403, "http://evil.example", "127.0.0.1:8765");
        refused(check, 403, "http://localhost.evil.example:80", "127.0.0.1:8765");
        refused(check, 403, "null", "127.0.0.1:8765");
        refused(check, 421, null, "rebound.evil.example:8765");
        refused(check, 421, null, null);
    }

    @Test
    void namedBindingAddsItsOwnName() throws Exception {
        DefaultServerTransportSecurityValidator check = OriginCheck.forBinding("mcp.internal", List.of());
        served(check, "https://mcp.internal:443", "mcp.internal:8765");
        served(check, null, "localhost:8765");
        refused(check, 421, null, "other.internal:8765");
        refused(check, 403, "https://other.internal", "mcp.internal:8765");
    }

    @Test
    void everyInterfaceBindingCannotCheckHostButStillChecksOrigins() throws Exception {
        for (String any : List.of("0.0.0.0", "::", "[::]")) {
            DefaultServerTransportSecurityValidator check = OriginCheck.forBinding(any, List.of());
            served(check, null, "gateway.example.com");
            served(check, "http://localhost:6274", "gateway.example.com");
            refused(check, 403, "https://evil.example", "gateway.example.com");
        }
    }

    @Test
    void allowedOriginsAddBrowserClientsServedElsewhere() throws Exception {
        DefaultServerTransportSecurityValidator check = OriginCheck.forBinding("0.0.0.0",
                List.of("https://app.example.com", "https://tools.example.com:*"));
        served(check, "https://app.example.com", "gateway");
        served(check, "https://tools.example.com:8443", "gateway");
        refused(check, 403, "https://app.example.com:8443", "gateway");
        refused(check, 403, "http://app.example.com", "gateway");
    }

    private static void served(DefaultServerTransportSecurityValidator check, String origin, String host)
            throws ServerTransportSecurityException {
        check.validate(headers(origin, host));
    }

    private static void refused(DefaultServerTransportSecurityValidator check, int status, String origin, String host) {
        ServerTransportSecurityException e = assertThrows(ServerTransportSecurityException.class,
                () -> check.validate(headers(origin, host)), origin + " / " + host);
        assertEquals(status, e.getStatusCode(), origin + " / " + host);
    }

    private static HeaderAccessor headers(String origin, String host) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (origin != null) {
            headers.put("Origin", List.of(origin));
        }
        if (host != null) {
            headers.put("Host", List.of(host));
        }
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return headers.getOrDefault(name, List.of());
            }

            @Override
            public List<String> getHeaderNames() {
                return new ArrayList<>(headers.keySet());
            }
        };
    }
}
