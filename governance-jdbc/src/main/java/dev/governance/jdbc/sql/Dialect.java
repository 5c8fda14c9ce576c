package dev.governance.jdbc.sql;

import java.util.Locale;

/** The SQL dialect of the real database, chosen from the real JDBC URL. */
public enum Dialect {
    H2, POSTGRESQL, MYSQL, GENERIC;

    /** The dialect of a real URL such as {@code jdbc:postgresql://...}; GENERIC when unknown. */
    public static Dialect fromUrl(String realUrl) {
        String url = realUrl == null ? "" : realUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:pgsql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        return GENERIC;
    }

    /** Parses a dialect name as the command line takes it ({@code h2}, {@code postgresql}, {@code mysql}, {@code mariadb}). */
    public static Dialect parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            case "generic", "ansi" -> GENERIC;
            default -> throw new IllegalArgumentException("unknown dialect " + name + " (h2, postgresql, mysql, mariadb, generic)");
        };
    }

    /** The schema an unqualified table name resolves to by default (null: the catalog/database, as in MySQL). */
    public String defaultSchema() {
        return switch (this) {
            case H2 -> "public";
            case POSTGRESQL -> "public";
            case MYSQL, GENERIC -> null;
        };
    }
}
