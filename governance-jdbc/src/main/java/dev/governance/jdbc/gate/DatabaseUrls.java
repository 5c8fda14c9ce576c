package dev.governance.jdbc.gate;

import java.util.Locale;

/** Removes credentials from a JDBC URL before it is shown or recorded. */
public final class DatabaseUrls {
    private static final String[] SECRET_KEYS = {"password", "pwd", "user", "username", "passwd", "secret", "token",
            "sslpassword", "sslkey", "accesskey", "secretkey", "access_token"};

    private DatabaseUrls() {
    }

    /**
     * The URL with any {@code user:password@} part and credential-like parameters removed, whether they follow
     * {@code ?}/{@code &} (PostgreSQL, MariaDB) or {@code ;} (H2, SQL Server).
     */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        String result = stripUserInfo(url);
        StringBuilder out = new StringBuilder(result.length());
        int i = 0;
        int n = result.length();
        // Copy up to the first parameter separator, then filter each key=value part.
        int firstSep = indexOfAny(result, 0);
        if (firstSep < 0) {
            return result;
        }
        out.append(result, 0, firstSep);
        i = firstSep;
        while (i < n) {
            char sep = result.charAt(i);
            int next = indexOfAny(result, i + 1);
            int end = next < 0 ? n : next;
            String part = result.substring(i + 1, end);
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!isSecret(key)) {
                out.append(sep).append(part);
            }
            i = end;
        }
        return out.toString();
    }

    private static int indexOfAny(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '&' || c == ';') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSecret(String key) {
        for (String secret : SECRET_KEYS) {
            if (key.equals(secret)) {
                return true;
            }
        }
        return key.contains("password") || key.contains("secret");
    }

    private static String stripUserInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 3;
        int slash = url.indexOf('/', hostStart);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        if (at >= hostStart) {
            return url.substring(0, hostStart) + url.substring(at + 1);
        }
        return url;
    }
}
