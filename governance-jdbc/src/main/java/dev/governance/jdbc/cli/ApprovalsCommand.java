package dev.governance.jdbc.cli;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.IdentityException;
import dev.governance.jdbc.approval.ApprovalEvents;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.approval.JdbcApprovalStore;
import dev.governance.jdbc.approval.ReviewRefusedException;
import dev.governance.jdbc.audit.AuditTrail;
import dev.governance.jdbc.config.Settings;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.identity.IdentityResolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code approvals list|show|approve|deny --store URL [--as TOKEN-OR-SUBJECT] [--groups G] [ID]} (contract sections 6
 * and 8): reviews the requests of a {@code jdbc:} approval store. A token given to {@code --as} is verified as a
 * connection would verify it ({@code --jwks}, {@code --issuer}, {@code --audience}); a subject is taken as given. Exit 0 done, 1 refused (unknown id, already decided,
 * own request, not an approver) or store unreachable, 2 usage.
 */
@Command(name = "approvals", mixinStandardHelpOptions = true,
        description = "Review approval requests kept in a jdbc: approval store.",
        subcommands = {ApprovalsCommand.ListRequests.class, ApprovalsCommand.Show.class, ApprovalsCommand.Approve.class,
                ApprovalsCommand.Deny.class})
public final class ApprovalsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, show, approve or deny");
    }

    /** --store, shared by every subcommand. */
    static final class Store {
        @Option(names = "--store", required = true, paramLabel = "URL",
                description = "the approval store: jdbc:<url> (as in governance.approval.store); its JDBC driver must be on the classpath")
        String url;

        Approvals open(CommandSpec spec) {
            if (url == null || !url.startsWith("jdbc:") || url.startsWith("jdbc:governed:")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--store must be the jdbc:<url> of the approval store, not " + url);
            }
            return new Approvals(new JdbcApprovalStore(url));
        }
    }

    /** --as and --groups (or a verified token): the reviewer. */
    static final class Reviewer {
        @Option(names = "--as", required = true, paramLabel = "TOKEN-OR-SUBJECT",
                description = "the reviewer: a subject (with --groups), or a JWT verified with --jwks, --issuer and"
                        + " --audience (its claims give the groups)")
        String as;

        @Option(names = "--groups", split = ",", paramLabel = "G", description = "the reviewer's groups, comma-separated")
        List<String> groups = new ArrayList<>();

        @Option(names = "--jwks", paramLabel = "JWKS", description = "JWK set a token given to --as is verified with:"
                + " file, classpath: or https:// URL")
        String jwks;

        @Option(names = "--issuer", paramLabel = "ISS", description = "required iss of a token given to --as")
        String issuer;

        @Option(names = "--audience", paramLabel = "AUD", description = "required aud of a token given to --as")
        String audience;

        @Option(names = "--audit", split = ",", paramLabel = "SINKS",
                description = "also record the decision as an approval-decided event in these audit sinks"
                        + " (as governance.audit.sinks: jsonl:<path>, jdbc:<url>, otel)")
        List<String> audit = new ArrayList<>();

        /** The trail to record the decision in, or null; checked writable before anything is decided. */
        AuditTrail trail(CommandSpec spec) throws SQLException {
            if (audit.isEmpty()) {
                return null;
            }
            AuditTrail trail;
            try {
                trail = AuditTrail.of(new Settings.AuditSettings(audit, Settings.OnFailure.FAIL_CLOSED, false));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--audit " + String.join(",", audit)
                        + ": " + e.getMessage());
            }
            trail.checkAvailable();
            return trail;
        }

        ApprovalRequest decide(CommandSpec spec, Approvals approvals, String id, boolean approve)
                throws SQLException, ReviewRefusedException {
            Identity who = identity(spec);
            AuditTrail trail = trail(spec);
            ApprovalRequest decided = approve ? approvals.approve(id, who) : approvals.deny(id, who);
            if (trail != null) {
                try {
                    trail.recordSync(ApprovalEvents.decided(decided, who));
                } catch (SQLException e) {
                    throw new SQLException("the decision on " + id + " is stored, but could not be recorded in the"
                            + " audit trail: " + e.getMessage(), e.getSQLState(), e);
                }
                trail.flush();
            }
            return decided;
        }

        Identity identity(CommandSpec spec) throws IdentityException {
            if (as == null || as.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--as needs the reviewer's subject or token");
            }
            if (!looksLikeJwt(as)) {
                if (jwks != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--jwks is for a token given to --as");
                }
                return new Identity(as, IdentityKind.HUMAN, groups, null, null, false, null);
            }
            if (jwks == null || issuer == null || audience == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "a token given to --as is verified:"
                        + " it needs --jwks, --issuer and --audience");
            }
            if (!groups.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "with a token, the groups come from its"
                        + " claims: leave out --groups");
            }
            Settings.IdentitySettings settings = Settings.IdentitySettings.verifying(as, jwks, issuer, audience,
                    "kind", "groups");
            try {
                return IdentityResolver.create(settings).current();
            } catch (ConfigurationException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private static boolean looksLikeJwt(String value) {
            return value.startsWith("eyJ") && value.chars().filter(ch -> ch == '.').count() == 2;
        }
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Store store;

        @Override
        public final Integer call() {
            Approvals approvals = store.open(spec);
            PrintWriter err = spec.commandLine().getErr();
            try {
                return run(approvals, spec.commandLine().getOut());
            } catch (ReviewRefusedException e) {
                err.println("refused: " + e.getMessage());
                return 1;
            } catch (IdentityException e) {
                err.println("refused: the reviewer's token: " + e.getMessage());
                return 1;
            } catch (SQLException e) {
                err.println("approval store " + approvals.store().name() + ": " + e.getMessage());
                return 1;
            }
        }

        abstract int run(Approvals approvals, PrintWriter out) throws SQLException, ReviewRefusedException;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists requests, pending first.")
    static final class ListRequests extends Base {
        @Override
        int run(Approvals approvals, PrintWriter out) throws SQLException {
            Instant now = Instant.now();
            for (ApprovalRequest r : approvals.list()) {
                out.println(r.id() + "  " + r.effectiveStatus(now) + "  " + r.subject() + " (" + r.kind() + ")  "
                        + r.environment() + "  " + r.created() + "  rules " + r.ruleIds() + "  " + oneLine(r.sql()));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one request, with its full SQL.")
    static final class Show extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        int run(Approvals approvals, PrintWriter out) throws SQLException, ReviewRefusedException {
            Optional<ApprovalRequest> found = approvals.find(id);
            if (found.isEmpty()) {
                throw new ReviewRefusedException("no approval request " + id);
            }
            ApprovalRequest r = found.get();
            out.println("id:          " + r.id());
            out.println("status:      " + r.effectiveStatus(Instant.now()));
            out.println("requester:   " + r.subject() + " (" + r.kind() + ", groups " + r.groups() + ")"
                    + (r.onBehalfOf() == null ? "" : " on behalf of " + r.onBehalfOf()));
            out.println("environment: " + r.environment());
            out.println("database:    " + r.database().describe());
            out.println("rules:       " + r.ruleIds());
            out.println("approvers:   groups " + r.approverGroups());
            out.println("reason:      " + (r.reason() == null ? "-" : r.reason()));
            out.println("created:     " + r.created());
            out.println("fingerprint: " + r.fingerprint());
            out.println("parameters:  " + (r.parametersHash().isEmpty() ? "none" : "sha256 " + r.parametersHash()));
            if (r.reviewer() != null) {
                out.println("reviewer:    " + r.reviewer() + " at " + r.decided());
            }
            out.println("sql:         " + r.sql());
            out.println("full sql:    " + r.fullSql());
            return 0;
        }
    }

    /** {@code approve} and {@code deny}: the same review of one request, with another verdict. */
    abstract static class Verdict extends Base {
        @Mixin
        Reviewer reviewer;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        abstract boolean approves();

        @Override
        int run(Approvals approvals, PrintWriter out) throws SQLException, ReviewRefusedException {
            ApprovalRequest r = reviewer.decide(spec, approvals, id, approves());
            out.println((approves() ? "approved " : "denied ") + r.id() + " for " + r.subject() + " by " + r.reviewer());
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approves a request: its requester may run that statement once within an hour.")
    static final class Approve extends Verdict {
        @Override
        boolean approves() {
            return true;
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true, description = "Denies a request (a waiting requester gets VG002).")
    static final class Deny extends Verdict {
        @Override
        boolean approves() {
            return false;
        }
    }

    private static String oneLine(String sql) {
        return sql == null ? "" : sql.replaceAll("\\s+", " ");
    }
}
