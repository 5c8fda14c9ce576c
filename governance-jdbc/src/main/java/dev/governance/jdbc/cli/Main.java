package dev.governance.jdbc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar governance-jdbc-<version>-all.jar <command>}: the command line of contract section 8. */
@Command(name = "governance-jdbc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Governance for every JDBC connection: identity, guardrails, masking and audit.",
        subcommands = {CheckCommand.class, PolicyCommand.class, AuditCommand.class, ApprovalsCommand.class, TokenCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine main = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        ExtensionCommand.addAll(main);
        return main;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
