package dev.governance.jdbc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governance.jdbc.audit.AuditFiles;
import dev.governance.jdbc.audit.AuditQuery;
import dev.governance.jdbc.audit.AuditVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code audit verify FILE} and {@code audit query FILE …} (contract section 8). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Verify and query a JSONL audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Query.class})
public final class AuditCommand implements Callable<Integer> {
    /** Exit code of {@code verify} for a torn last line (crash) after an intact chain. */
    public static final int EXIT_TORN = 3;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: verify or query");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chain of a JSONL audit trail: a live file with its closed segments, one"
                    + " segment, a run of segments, or every trail in a folder.",
                    "Exit 0: intact. Exit 1: broken (edited, deleted, inserted or reordered records; a missing,"
                            + " swapped or truncated segment; the file and first bad seq are printed), unreadable, or"
                            + " not matching --anchor. Exit 3: torn last line left by a crash, chain intact up to the"
                            + " printed seq."})
    public static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE-OR-FOLDER",
                description = "the live file (checked with its closed segments), a segment, several segments, a folder,"
                        + " or the jdbc: URL of a jdbc: sink's database (every instance's chain; its driver on the classpath)")
        List<String> targets;

        @Option(names = "--anchor", paramLabel = "SEQ:HASH",
                description = "a chain head published elsewhere (an `anchor` record of the otel or jdbc: sink);"
                        + " the trail must hold that seq with that hash, else its newest records were cut off")
        String anchor;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long anchorSeq = -1;
            String anchorHash = null;
            if (anchor != null) {
                int colon = anchor.indexOf(':');
                try {
                    anchorSeq = Long.parseLong(anchor.substring(0, Math.max(0, colon)));
                    anchorHash = anchor.substring(colon + 1).trim();
                } catch (NumberFormatException e) {
                    err.println("audit verify: --anchor must be SEQ:HASH, e.g. 1042:3b9c…");
                    return 1;
                }
            }
            if (targets.size() == 1 && targets.get(0).startsWith("jdbc:")) {
                return verifyTable(targets.get(0), out, err);
            }
            List<Path> files = targets.stream().map(Path::of).toList();
            int exit = 0;
            try {
                if (files.size() > 1) {
                    AuditVerifier.Result r = AuditVerifier.verifyFiles(files);
                    out.println(files.size() + " segments: " + r.summary());
                    exit = exitCode(r);
                } else if (Files.isDirectory(files.get(0))) {
                    List<AuditFiles.Trail> trails = AuditFiles.find(files.get(0));
                    if (trails.isEmpty()) {
                        err.println("audit verify: " + files.get(0) + ": no audit trail (*.jsonl) in this folder");
                        return 1;
                    }
                    for (AuditFiles.Trail trail : trails) {
                        AuditVerifier.Result r = AuditVerifier.verify(trail);
                        out.println(trail.name() + ": " + r.summary());
                        exit = worse(exit, exitCode(r));
                        exit = worse(exit, checkAnchor(trail, anchorSeq, anchorHash, out));
                    }
                    return exit;
                } else {
                    Path file = files.get(0);
                    AuditFiles.Trail trail = AuditFiles.trail(file);
                    if (!Files.isRegularFile(file) && trail.segments().isEmpty()) {
                        err.println("audit verify: " + file + ": no such file");
                        return 1;
                    }
                    AuditVerifier.Result r = Files.isRegularFile(file) ? AuditVerifier.verify(file) : AuditVerifier.verify(trail);
                    out.println(file + ": " + r.summary());
                    exit = exitCode(r);
                    exit = worse(exit, checkAnchor(trail, anchorSeq, anchorHash, out));
                }
            } catch (IOException e) {
                err.println("audit verify: " + e.getMessage());
                return 1;
            }
            return exit;
        }

        private static int verifyTable(String url, PrintWriter out, PrintWriter err) {
            String jdbcUrl = url.startsWith("jdbc:jdbc:") ? url.substring("jdbc:".length()) : url;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl)) {
                java.util.Map<String, AuditVerifier.Result> results = AuditVerifier.verifyTable(c);
                if (results.isEmpty()) {
                    err.println("audit verify: no chained audit rows in governance_audit");
                    return 1;
                }
                int exit = 0;
                for (var e : results.entrySet()) {
                    out.println("instance " + e.getKey() + ": " + e.getValue().summary());
                    exit = worse(exit, exitCode(e.getValue()));
                }
                return exit;
            } catch (java.sql.SQLException e) {
                err.println("audit verify: " + dev.governance.jdbc.audit.UrlSanitizer.sanitize(jdbcUrl) + ": " + e.getMessage());
                return 1;
            }
        }

        private static int checkAnchor(AuditFiles.Trail trail, long seq, String hash, PrintWriter out) throws IOException {
            if (hash == null) {
                return 0;
            }
            String problem = AuditVerifier.checkAnchor(trail, seq, hash);
            out.println(trail.name() + ": " + (problem == null ? "anchor seq " + seq + " matches" : "ANCHOR MISMATCH: " + problem));
            return problem == null ? 0 : 1;
        }

        private static int exitCode(AuditVerifier.Result r) {
            return switch (r.status()) {
                case INTACT -> 0;
                case TORN_TAIL -> EXIT_TORN;
                case BROKEN -> 1;
            };
        }

        /** Broken (1) outranks torn (3) outranks intact (0). */
        private static int worse(int a, int b) {
            return a == 1 || b == 1 ? 1 : Math.max(a, b);
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Who connected, what they did, what data was touched.")
    public static final class Query implements Callable<Integer> {
        private static final String ROW = "%-27s %-24s %-7s %-18s %-9s %-8s %-40s %6s%n";

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE-OR-FOLDER",
                description = "the live file (read with its closed segments), one segment, or a folder of trails")
        Path file;

        @Option(names = "--subject", paramLabel = "S", description = "identity subject (* globs)")
        String subject;

        @Option(names = "--table", paramLabel = "T", description = "a table read or written (* globs; schema optional)")
        String table;

        @Option(names = "--decision", paramLabel = "D", description = "allow, deny, approve (or approved, refused)")
        String decision;

        @Option(names = "--event", paramLabel = "E", description = "connect, statement, close, approval-requested, …")
        String event;

        @Option(names = "--since", paramLabel = "DURATION", description = "only the last DURATION: PT1H, P2D, 90s, 15m, 2h, 7d")
        String since;

        @Option(names = "--json", description = "print matching records as JSON lines, as stored")
        boolean json;

        @Override
        public Integer call() {
            Instant from = since == null ? null : Instant.now().minus(parseDuration(since));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.exists(file)) {
                err.println("audit query: " + file + ": no such file");
                return 1;
            }
            AuditQuery query = new AuditQuery(subject, table, decision, from, event);
            if (!json) {
                out.printf(ROW, "TS", "SUBJECT", "KIND", "EVENT", "TYPE", "DECISION", "TABLES", "ROWS");
            }
            long[] count = {0};
            long skipped;
            try {
                java.util.function.Consumer<AuditQuery.Match> print = match -> {
                    count[0]++;
                    if (json) {
                        out.println(match.line());
                    } else {
                        printRow(out, match.record());
                    }
                };
                skipped = 0;
                if (Files.isDirectory(file)) {
                    for (AuditFiles.Trail trail : AuditFiles.find(file)) {
                        skipped += query.run(trail, print);
                    }
                } else if (AuditFiles.trail(file).live().equals(file.toAbsolutePath().normalize())) {
                    skipped = query.run(AuditFiles.trail(file), print);
                } else {
                    skipped = query.run(file, print);
                }
            } catch (IOException e) {
                err.println("audit query: " + file + ": " + e.getMessage());
                return 1;
            }
            out.flush();
            if (!json) {
                err.println(count[0] + " event(s)" + (skipped > 0 ? "; " + skipped + " unreadable line(s) skipped" : ""));
            }
            return 0;
        }

        private static void printRow(PrintWriter out, JsonNode r) {
            JsonNode id = r.path("identity");
            String event = r.path("event").asText("");
            if (r.hasNonNull("phase")) {
                event += "/" + r.path("phase").asText();
            }
            out.printf(ROW, text(r.path("ts")), cut(text(id.path("subject")), 24), text(id.path("kind")),
                    cut(event, 18), text(r.path("type")), text(r.path("decision").path("action")),
                    cut(tables(r.path("tables")), 40), text(r.path("rows")));
        }

        private static String tables(JsonNode tables) {
            StringBuilder b = new StringBuilder();
            append(b, "r:", tables.path("read"));
            append(b, "w:", tables.path("written"));
            return b.toString();
        }

        private static void append(StringBuilder b, String label, JsonNode names) {
            if (names.isArray() && !names.isEmpty()) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(label);
                for (int i = 0; i < names.size(); i++) {
                    b.append(i == 0 ? "" : ",").append(names.get(i).asText());
                }
            }
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() || node.isMissingNode() ? "-" : node.asText();
        }

        private static String cut(String s, int width) {
            return s.length() <= width ? s : s.substring(0, width - 1) + "…";
        }

        private Duration parseDuration(String text) {
            String t = text.trim();
            try {
                if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
                    return Duration.parse(t.toUpperCase(Locale.ROOT));
                }
                if (t.length() >= 2) {
                    long n = Long.parseLong(t.substring(0, t.length() - 1));
                    switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                        case 's': return Duration.ofSeconds(n);
                        case 'm': return Duration.ofMinutes(n);
                        case 'h': return Duration.ofHours(n);
                        case 'd': return Duration.ofDays(n);
                        default: break;
                    }
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--since: '" + text + "' is not a duration (PT1H, P2D, 90s, 15m, 2h, 7d)");
        }
    }
}
