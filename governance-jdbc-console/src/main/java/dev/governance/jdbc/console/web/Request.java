package dev.governance.jdbc.console.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of an HTTP request the console reads: method, path, query and form parameters, cookies, headers. */
public final class Request {
    /** Forms are a token, a comment and a CSRF token: anything larger is refused unread. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final Map<String, String> query;
    private Map<String, String> form;

    public Request(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parse(exchange.getRequestURI().getRawQuery());
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /** A query parameter, or null when absent or blank. */
    public String query(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Map<String, String> queryParameters() {
        return Collections.unmodifiableMap(query);
    }

    /** A form field of an {@code application/x-www-form-urlencoded} body, or null. */
    public String form(String name) throws IOException {
        if (form == null) {
            form = readForm();
        }
        return form.get(name);
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The value of cookie {@code name}, or null. */
    public String cookie(String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return part.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    private Map<String, String> readForm() throws IOException {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new IOException("form larger than " + MAX_FORM_BYTES + " bytes");
            }
            return parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
