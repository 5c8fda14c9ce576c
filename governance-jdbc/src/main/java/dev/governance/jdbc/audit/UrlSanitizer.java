package dev.governance.jdbc.audit;

import java.util.Locale;

/**
 * Removes credentials from a JDBC URL before it is recorded anywhere: the userinfo of an authority
 * ({@code //user:pw@host}), Oracle's {@code thin:user/pw@}, and every {@code ?key=value}, {@code &key=value} or
 * {@code ;key=value} parameter whose key names a user, password, secret, token or key material.
 * Everything else is kept, so the recorded URL still says which database it was.
 */
public final class UrlSanitizer {

    private UrlSanitizer() {
    }

    public static String sanitize(String url) {
        if (url == null) {
            return null;
        }
        String text = stripUserInfo(url);
        int question = text.indexOf('?');
        String base = question < 0 ? text : text.substring(0, question);
        String query = question < 0 ? null : text.substring(question + 1);

        StringBuilder out = new StringBuilder(text.length());
        String[] baseParts = base.split(";", -1);
        out.append(baseParts[0]);
        for (int i = 1; i < baseParts.length; i++) {
            if (!baseParts[i].isEmpty() && !sensitive(baseParts[i])) {
                out.append(';').append(baseParts[i]);
            }
        }
        if (query != null) {
            StringBuilder kept = new StringBuilder();
            for (String part : query.split("[&;]", -1)) {
                if (!part.isEmpty() && !sensitive(part)) {
                    if (kept.length() > 0) {
                        kept.append('&');
                    }
                    kept.append(part);
                }
            }
            if (kept.length() > 0) {
                out.append('?').append(kept);
            }
        }
        return out.toString();
    }

    private static String stripUserInfo(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        // Oracle: jdbc:oracle:thin:scott/tiger@//host:1521/svc or ...thin:scott/tiger@host:1521:sid
        for (String marker : new String[] {":thin:", ":oci:", ":oci8:"}) {
            int at = lower.indexOf(marker);
            if (lower.startsWith("jdbc:oracle") && at >= 0) {
                int start = at + marker.length();
                int sign = url.indexOf('@', start);
                if (sign > start) {
                    return url.substring(0, start) + url.substring(sign);
                }
                return url;
            }
        }
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return url;
        }
        int start = slashes + 2;
        int end = start;
        while (end < url.length() && "/?;#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int sign = url.lastIndexOf('@', end - 1);
        if (sign >= start) {
            return url.substring(0, start) + url.substring(sign + 1);
        }
        return url;
    }

    private static boolean sensitive(String parameter) {
        int eq = parameter.indexOf('=');
        String key = (eq < 0 ? parameter : parameter.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        return key.equals("user") || key.equals("username") || key.equals("uid") || key.equals("user id")
                || key.equals("userid") || key.equals("login") || key.equals("pwd") || key.equals("pass")
                || key.contains("password") || key.contains("passwd") || key.contains("secret")
                || key.contains("token") || key.contains("credential") || key.contains("apikey")
                || key.contains("api_key") || key.contains("api-key") || key.contains("accesskey")
                || key.contains("access_key") || key.equals("sslkey") || key.equals("auth");
    }
}
