package dev.governance.jdbc.mcp;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code Origin} and {@code Host} headers the HTTP transport accepts, so a web page the operator happens to
 * visit can't drive the server (DNS rebinding, cross-origin requests): a request whose {@code Origin} names another
 * site is answered 403, one whose {@code Host} names another host 421, before any tool runs. The bearer token is
 * checked as well; this check stops a browser that holds no token from even reaching the session machinery.
 */
final class OriginCheck {
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private OriginCheck() {
    }

    /**
     * Bound to a loopback address: only loopback origins and hosts, any port. Bound to a named host or address:
     * that name as well. Bound to every interface ({@code 0.0.0.0}, {@code ::}): the server can't know the names
     * clients use, so the {@code Host} header goes unchecked and origins must still be loopback or the bound name.
     * {@code extraOrigins} ({@code --allow-origin}) adds the origins of browser-based clients served elsewhere.
     */
    static DefaultServerTransportSecurityValidator forBinding(String bindHost, List<String> extraOrigins) {
        String host = bracketed(bindHost.toLowerCase(Locale.ROOT));
        List<String> names = new ArrayList<>(LOOPBACK);
        boolean wildcard = host.equals("0.0.0.0") || host.equals("[::]") || host.equals("[0:0:0:0:0:0:0:0]");
        if (!wildcard && !names.contains(host)) {
            names.add(host);
        }
        DefaultServerTransportSecurityValidator.Builder builder = DefaultServerTransportSecurityValidator.builder();
        for (String name : names) {
            builder.allowedOrigin("http://" + name + ":*").allowedOrigin("https://" + name + ":*");
            if (!wildcard) {
                builder.allowedHost(name + ":*");
            }
        }
        builder.allowedOrigins(extraOrigins);
        return builder.build();
    }

    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
