package dev.governance.jdbc.console.impact;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Counting as the requester would see it: the database user and schema its connection used, as the request
 * recorded them in its URL ({@code user}, {@code currentSchema}; credentials are never recorded). On PostgreSQL the
 * read-only transaction takes that user's role ({@code SET LOCAL ROLE}, so row-level security and grants apply as
 * they do to the requester) and schema ({@code SET LOCAL search_path}); the console's account must be a member of
 * the role. Elsewhere, or when the role can't be taken, the count is the console's account's, and the impact says so.
 *
 * @param user   the requester's database user, or null when the URL names none
 * @param schema the requester's schema, or null
 */
record RequesterView(String user, String schema) {
    static final RequesterView UNKNOWN = new RequesterView(null, null);

    static RequesterView of(String recordedUrl) {
        if (recordedUrl == null) {
            return UNKNOWN;
        }
        int q = recordedUrl.indexOf('?');
        String user = null;
        String schema = null;
        if (q >= 0) {
            for (String part : recordedUrl.substring(q + 1).split("[&;]")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = part.substring(0, eq).toLowerCase(Locale.ROOT);
                String value = java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("currentschema")) {
                    schema = value;
                }
            }
        }
        return new RequesterView(blank(user), blank(schema));
    }

    /** Takes the requester's role and schema in the open read-only transaction; says what it did in {@code notes}. */
    void apply(Connection c, List<String> notes) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String own = c.getMetaData().getUserName();
        boolean postgres = product.contains("postgres");
        if (user != null && !user.equals(own)) {
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL ROLE " + quoted(user));
                    notes.add("counted as " + user + ", the database user the request was made as");
                } catch (SQLException e) {
                    notes.add("counted as " + own + ": the role of the requester's database user " + user
                            + " could not be taken (" + e.getMessage() + ")");
                    c.rollback();
                    restartReadOnly(c);
                }
            } else {
                notes.add("counted as " + own + "; the request was made as database user " + user);
            }
        }
        if (schema != null && postgres) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL search_path TO " + quoted(schema));
            }
        }
    }

    private static void restartReadOnly(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
        }
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
