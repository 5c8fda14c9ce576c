package dev.governance.jdbc.cli;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.policy.Policy;
import dev.governance.jdbc.policy.PolicyEngine;
import dev.governance.jdbc.policy.PolicyLoader;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code check}: what happens if this identity runs this SQL? Decides exactly as a connection would (same
 * analyzer, same engine), without a database. Exit 0 allow, 3 deny, 4 approve.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Prints the decision for a SQL text, the rules and why (exit 0 allow, 3 deny, 4 approve).")
final class CheckCommand implements Callable<Integer> {
    static final int USAGE_ERROR = 2;

    @Option(names = "--policy", paramLabel = "P", description = "policy file or classpath: (default: the baseline)")
    String policy;

    @Option(names = "--kind", paramLabel = "K", defaultValue = "agent", description = "human, agent or service (default ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--subject", paramLabel = "S", defaultValue = "cli-check", description = "subject (default ${DEFAULT-VALUE})")
    String subject;

    @Option(names = "--groups", paramLabel = "G", split = ",", description = "groups, comma-separated")
    List<String> groups = new ArrayList<>();

    @Option(names = "--env", paramLabel = "E", defaultValue = "production", description = "environment (default ${DEFAULT-VALUE})")
    String environment;

    @Option(names = "--dialect", paramLabel = "D", defaultValue = "generic",
            description = "h2, postgresql, mysql, mariadb or generic (default ${DEFAULT-VALUE})")
    String dialect;

    @Option(names = "--verified", description = "treat the identity as verified (default: true)", negatable = true,
            defaultValue = "true", fallbackValue = "true")
    boolean verified;

    @Parameters(paramLabel = "SQL", arity = "1..*", description = "the SQL text (several words are joined with spaces)")
    List<String> sql;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IdentityKind identityKind = IdentityKind.parse(kind);
        if (identityKind == null) {
            err.println("--kind must be human, agent or service, not " + kind);
            return USAGE_ERROR;
        }
        Dialect sqlDialect;
        try {
            sqlDialect = Dialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            err.println("--dialect: " + e.getMessage());
            return USAGE_ERROR;
        }
        Policy loaded;
        try {
            loaded = policy == null ? PolicyLoader.baseline() : PolicyLoader.load(policy);
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return USAGE_ERROR;
        }
        Identity identity = new Identity(subject, identityKind, groups, null, null, verified, null);
        Analysis analysis = new SqlAnalyzer().analyze(String.join(" ", sql), sqlDialect);
        Decision decision = new PolicyEngine(loaded).decide(identity, environment, analysis);
        out.println(decision.explain());
        out.println("statement: " + describe(analysis));
        return decision.exitCode();
    }

    private static String describe(Analysis analysis) {
        StringBuilder b = new StringBuilder();
        analysis.statements().forEach(s -> {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(s.type());
            if (!s.tablesWritten().isEmpty()) {
                b.append(" writes ").append(s.tablesWritten());
            }
            if (!s.tablesRead().isEmpty()) {
                b.append(" reads ").append(s.tablesRead());
            }
            if (!s.hazards().isEmpty()) {
                b.append(" hazards ").append(s.hazards());
            }
            if (s.unboundedChange()) {
                b.append(" (no restricting WHERE)");
            }
        });
        if (analysis.unparseable()) {
            b.append(" [unparseable: ").append(analysis.parseProblem()).append(']');
        }
        return b.toString();
    }
}
