package dev.governance.jdbc.cli;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.policy.Policy;
import dev.governance.jdbc.policy.PolicyLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code policy validate P}: parses and checks a policy document; errors name the field and the line. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Work with policy documents.",
        subcommands = {PolicyCommand.Validate.class})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Parses and checks a policy (exit 0 valid, 1 invalid); errors name the field and the line.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "P", description = "policy file (YAML or JSON) or classpath:name")
        String location;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                Policy policy = PolicyLoader.load(location);
                spec.commandLine().getOut().println(location + ": valid (" + policy.identities().size() + " identities, "
                        + policy.access().size() + " access entries, " + policy.rules().size() + " rules)");
                return 0;
            } catch (ConfigurationException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }
}
