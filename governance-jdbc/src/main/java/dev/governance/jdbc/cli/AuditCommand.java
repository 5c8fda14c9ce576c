package dev.governance.jdbc.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
            description = {"Check the hash chain of a JSONL audit trail.",
                    "Exit 0: intact. Exit 1: broken (edited, deleted, inserted or reordered records; the first bad"
                            + " seq is printed) or unreadable. Exit 3: torn last line left by a crash, chain intact"
                            + " up to the printed seq."})
    public static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the trail (jsonl)")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("audit verify: " + file + ": no such file");
                return 1;
            }
            AuditVerifier.Result result;
            try {
                result = AuditVerifier.verify(file);
            } catch (IOException e) {
                err.println("audit verify: " + file + ": " + e.getMessage());
                return 1;
            }
            switch (result.status()) {
                case INTACT -> {
                    out.println(file + ": " + result.summary());
                    return 0;
                }
                case TORN_TAIL -> {
                    out.println(file + ": " + result.summary());
                    return EXIT_TORN;
                }
                default -> {
                    out.println(file + ": " + result.summary());
                    return 1;
                }
            }
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Who connected, what they did, what data was touched.")
    public static final class Query implements Callable<Integer> {
        private static final String ROW = "%-27s %-24s %-7s %-18s %-9s %-8s %-40s %6s%n";

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the trail (jsonl)")
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
            if (!Files.isRegularFile(file)) {
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
                skipped = query.run(file, match -> {
                    count[0]++;
                    if (json) {
                        out.println(match.line());
                    } else {
                        printRow(out, match.record());
                    }
                });
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
