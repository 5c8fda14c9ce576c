package dev.governance.jdbc.sql;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one list of dangerous functions and commands per dialect (contract 4.3): reading or writing server files,
 * running programs, loading code, opening network links, ending other sessions, running SQL text built at run
 * time, switching identity, changing server configuration, managing users. {@link Dialect#GENERIC} gets every
 * dialect's entries, since the real database is unknown.
 */
public final class DangerousOperations {

    private record Entry(Hazard hazard, Set<Dialect> dialects) {
    }

    private static final Set<Dialect> H2 = EnumSet.of(Dialect.H2, Dialect.GENERIC);
    private static final Set<Dialect> PG = EnumSet.of(Dialect.POSTGRESQL, Dialect.GENERIC);
    private static final Set<Dialect> MY = EnumSet.of(Dialect.MYSQL, Dialect.GENERIC);

    private static final Map<String, Entry> FUNCTIONS = Map.ofEntries(
            // H2
            Map.entry("csvread", new Entry(Hazard.SERVER_FILE, H2)),
            Map.entry("csvwrite", new Entry(Hazard.SERVER_FILE, H2)),
            Map.entry("file_read", new Entry(Hazard.SERVER_FILE, H2)),
            Map.entry("file_write", new Entry(Hazard.SERVER_FILE, H2)),
            Map.entry("link_schema", new Entry(Hazard.NETWORK_LINK, H2)),
            Map.entry("abort_session", new Entry(Hazard.SESSION_CONTROL, H2)),
            Map.entry("cancel_session", new Entry(Hazard.SESSION_CONTROL, H2)),
            // PostgreSQL
            Map.entry("pg_read_file", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_read_binary_file", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_ls_dir", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_stat_file", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_ls_logdir", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_ls_waldir", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_ls_tmpdir", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_ls_archive_statusdir", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_file_write", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_file_rename", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_file_unlink", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_logdir_ls", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("lo_import", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("lo_export", new Entry(Hazard.SERVER_FILE, PG)),
            Map.entry("pg_terminate_backend", new Entry(Hazard.SESSION_CONTROL, PG)),
            Map.entry("pg_cancel_backend", new Entry(Hazard.SESSION_CONTROL, PG)),
            Map.entry("pg_signal_backend", new Entry(Hazard.SESSION_CONTROL, PG)),
            Map.entry("pg_reload_conf", new Entry(Hazard.SYSTEM_CONFIGURATION, PG)),
            Map.entry("pg_rotate_logfile", new Entry(Hazard.SYSTEM_CONFIGURATION, PG)),
            // these run the SQL text they are given, or read the tables / schemas / database named in a string
            // (or behind a cursor): what they read is not in the statement, so it can't be checked
            Map.entry("query_to_xml", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("query_to_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("query_to_xml_and_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("table_to_xml", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("table_to_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("table_to_xml_and_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("schema_to_xml", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("schema_to_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("schema_to_xml_and_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("database_to_xml", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("database_to_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("database_to_xml_and_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("cursor_to_xml", new Entry(Hazard.DYNAMIC_SQL, PG)),
            Map.entry("cursor_to_xmlschema", new Entry(Hazard.DYNAMIC_SQL, PG)),
            // MySQL / MariaDB
            Map.entry("load_file", new Entry(Hazard.SERVER_FILE, MY)),
            Map.entry("sys_exec", new Entry(Hazard.PROGRAM_EXECUTION, MY)),
            Map.entry("sys_eval", new Entry(Hazard.PROGRAM_EXECUTION, MY)));

    /** PostgreSQL procedural languages that can't reach outside the database; anything else loads code. */
    private static final Set<String> TRUSTED_LANGUAGES = Set.of("sql", "plpgsql", "plperl", "pltcl", "plv8");

    private DangerousOperations() {
    }

    /** The hazard of calling this function (lower case, no schema) on this dialect, or null. */
    public static Hazard functionHazard(String function, Dialect dialect) {
        String name = function.toLowerCase(Locale.ROOT);
        if (name.startsWith("dblink") && PG.contains(dialect)) {
            return Hazard.NETWORK_LINK;
        }
        Entry e = FUNCTIONS.get(name);
        return e != null && e.dialects().contains(dialect) ? e.hazard() : null;
    }

    /**
     * Stands for the tables a statement reads that it does not name: PostgreSQL's table_to_xml('t', ...),
     * schema_to_xml, database_to_xml, cursor_to_xml and query_to_xml read tables named in a string (or behind a
     * cursor). It is added to the tables read, so an access list (which never lists {@code *.*} unless it allows
     * everything) refuses the statement and masking assumes the worst.
     */
    public static final TableName UNKNOWN_TABLES = new TableName("*", "*");

    /** Whether calling this function (lower case, no schema) reads tables the statement doesn't name. */
    static boolean readsUnnamedTables(String function, Dialect dialect) {
        String name = function.toLowerCase(Locale.ROOT);
        return PG.contains(dialect) && (name.startsWith("query_to_xml") || name.startsWith("table_to_xml")
                || name.startsWith("schema_to_xml") || name.startsWith("database_to_xml")
                || name.startsWith("cursor_to_xml"));
    }

    /** Functions that switch identity depending on their first argument: set_config('role', ...). */
    static boolean isSettingFunction(String function) {
        return function.equalsIgnoreCase("set_config");
    }

    /** The settings whose change switches identity. */
    static boolean isIdentitySetting(String setting) {
        String s = setting.trim().toLowerCase(Locale.ROOT);
        return s.equals("role") || s.equals("session_authorization") || s.equals("session authorization");
    }

    /** Hazards of commands, read from the statement's keywords. */
    static void commandHazards(KeywordView v, Dialect d, Set<Hazard> out) {
        String first = v.word(0);
        switch (first) {
            case "RUNSCRIPT" -> {
                if (H2.contains(d)) {
                    out.add(Hazard.DATABASE_ADMINISTRATION);
                    out.add(Hazard.SERVER_FILE);
                }
            }
            case "SCRIPT" -> {
                if (H2.contains(d)) {
                    out.add(Hazard.DATABASE_ADMINISTRATION);
                    if (v.contains("TO")) {
                        out.add(Hazard.SERVER_FILE);
                    }
                }
            }
            case "BACKUP" -> {
                out.add(Hazard.DATABASE_ADMINISTRATION);
                out.add(Hazard.SERVER_FILE);
            }
            case "SHUTDOWN", "RESTART" -> out.add(Hazard.DATABASE_ADMINISTRATION);
            case "COPY" -> copy(v, out);
            case "DO" -> out.add(Hazard.DYNAMIC_SQL);
            case "PREPARE", "EXECUTE", "EXEC" -> {
                // EXEC proc is SQL Server's CALL; EXECUTE runs a prepared text or (IMMEDIATE) a literal one
                if (!first.equals("EXEC") || v.is(1, "IMMEDIATE")) {
                    out.add(Hazard.DYNAMIC_SQL);
                }
            }
            case "LOAD" -> out.add(v.is(1, "DATA") || v.is(1, "XML") ? Hazard.SERVER_FILE : Hazard.CODE_LOADING);
            case "KILL" -> out.add(Hazard.SESSION_CONTROL);
            case "INSTALL", "UNINSTALL" -> out.add(Hazard.CODE_LOADING);
            case "SET" -> set(v, d, out);
            case "RESET" -> {
                if (v.is(1, "ROLE") || v.is(1, "ALL") || v.is(1, "SESSION_AUTHORIZATION")
                        || v.is(1, "SESSION") && v.is(2, "AUTHORIZATION")) {
                    out.add(Hazard.IDENTITY_SWITCH);
                }
            }
            case "IMPORT" -> {
                if (v.is(1, "FOREIGN")) {
                    out.add(Hazard.NETWORK_LINK);
                }
            }
            case "CREATE", "ALTER", "DROP", "RENAME" -> ddl(v, d, out);
            default -> {
            }
        }
        // SELECT ... INTO OUTFILE / DUMPFILE writes a file on the MySQL server
        if (v.containsSequence("INTO", "OUTFILE") || v.containsSequence("INTO", "DUMPFILE")) {
            out.add(Hazard.SERVER_FILE);
        }
        if (v.contains("SONAME")) {
            out.add(Hazard.CODE_LOADING);
        }
    }

    private static void copy(KeywordView v, Set<Hazard> out) {
        if (v.contains("PROGRAM")) {
            out.add(Hazard.PROGRAM_EXECUTION);
            return;
        }
        for (int i = 1; i < v.size(); i++) {
            if ((v.is(i, "FROM") || v.is(i, "TO")) && v.token(i + 1) != null
                    && v.token(i + 1).kind() != TokenKind.WORD) {
                // a file name (string or parameter), not STDIN/STDOUT
                out.add(Hazard.SERVER_FILE);
            }
        }
    }

    private static void set(KeywordView v, Dialect d, Set<Hazard> out) {
        int i = 1;
        if (v.is(i, "SESSION") && !v.is(i + 1, "AUTHORIZATION") || v.is(i, "LOCAL")) {
            i++;
        }
        boolean identity = v.is(i, "ROLE") || v.is(i, "SESSION_AUTHORIZATION")
                || v.is(i, "SESSION") && v.is(i + 1, "AUTHORIZATION") || v.is(i, "DEFAULT") && v.is(i + 1, "ROLE");
        if (identity) {
            out.add(Hazard.IDENTITY_SWITCH);
        }
        if (v.contains("GLOBAL") || v.contains("PERSIST") || v.contains("PERSIST_ONLY")) {
            out.add(Hazard.SYSTEM_CONFIGURATION);
        }
        if (v.is(1, "PASSWORD")) {
            out.add(Hazard.USER_MANAGEMENT);
            return;
        }
        if (!identity && !HarmlessSettings.harmless(v, d)) {
            // anything beyond a short list of session settings: database-wide H2 settings, settings that change
            // how the server reads SQL text (sql_mode, standard_conforming_strings, client encodings) or that
            // turn off integrity (session_replication_role, REFERENTIAL_INTEGRITY)
            out.add(Hazard.SYSTEM_CONFIGURATION);
        }
    }

    private static void ddl(KeywordView v, Dialect d, Set<Hazard> out) {
        String verb = v.word(0);
        int k = v.skipModifiers(1);
        String object = v.word(k);
        switch (object) {
            case "USER" -> out.add(v.is(k + 1, "MAPPING") ? Hazard.NETWORK_LINK : Hazard.USER_MANAGEMENT);
            case "ROLE", "GROUP" -> out.add(Hazard.USER_MANAGEMENT);
            case "SYSTEM" -> out.add(Hazard.SYSTEM_CONFIGURATION);
            case "ALIAS" -> out.add(Hazard.CODE_LOADING);
            case "LINKED", "SERVER", "SUBSCRIPTION" -> out.add(Hazard.NETWORK_LINK);
            case "FOREIGN" -> out.add(Hazard.NETWORK_LINK);
            case "EXTENSION", "LANGUAGE" -> {
                if (!verb.equals("DROP")) {
                    out.add(Hazard.CODE_LOADING);
                }
            }
            case "FUNCTION", "PROCEDURE" -> {
                if (!verb.equals("DROP")) {
                    language(v, k, out);
                }
            }
            case "TRIGGER" -> {
                // H2 triggers name a Java class (CALL "com.x.T") or carry Java source (AS '...')
                if (H2.contains(d) && verb.equals("CREATE") && (v.contains("CALL") || v.contains("AS"))) {
                    out.add(Hazard.CODE_LOADING);
                }
            }
            case "TABLE" -> {
                // MySQL FEDERATED / CONNECT engines open connections to other servers
                String engine = engine(v);
                if (engine.startsWith("FEDERATED") || engine.equals("CONNECT") || connectionOption(v)) {
                    out.add(Hazard.NETWORK_LINK);
                }
                if (engine.equals("CONNECT")) {
                    // MariaDB's CONNECT engine also reads and writes files on the server
                    out.add(Hazard.SERVER_FILE);
                }
            }
            default -> {
            }
        }
        if (verb.equals("RENAME") && object.equals("USER")) {
            out.add(Hazard.USER_MANAGEMENT);
        }
    }

    /** The storage engine named by ENGINE [=] name, upper case, or "". */
    private static String engine(KeywordView v) {
        int i = v.find("ENGINE", 0);
        if (i < 0) {
            return "";
        }
        Token next = v.token(i + 1);
        int at = next != null && next.isSymbol('=') ? i + 2 : i + 1;
        return v.word(at);
    }

    /** CONNECTION = '...' / CONNECTION '...' as a table option, not a column named connection. */
    private static boolean connectionOption(KeywordView v) {
        for (int i = v.find("CONNECTION", 0); i >= 0; i = v.find("CONNECTION", i + 1)) {
            Token next = v.token(i + 1);
            if (next != null && (next.isSymbol('=') || next.kind() == TokenKind.STRING)) {
                return true;
            }
        }
        return false;
    }

    private static void language(KeywordView v, int from, Set<Hazard> out) {
        int i = v.find("LANGUAGE", from);
        if (i < 0) {
            return;
        }
        Token lang = v.token(i + 1);
        if (lang == null) {
            return;
        }
        // a language named by a string literal can't be checked without its value: treat it as untrusted
        if (lang.kind() == TokenKind.STRING || !TRUSTED_LANGUAGES.contains(lang.value().toLowerCase(Locale.ROOT))) {
            out.add(Hazard.CODE_LOADING);
        }
    }
}
