package dev.governance.jdbc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/** Plugs each {@link CommandExtension} on the classpath into the command line as a subcommand that passes its arguments on. */
@Command(description = "")
final class ExtensionCommand implements Callable<Integer> {
    private final CommandExtension extension;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ARGS", description = "passed to the command; see its --help")
    List<String> args = new ArrayList<>();

    private ExtensionCommand(CommandExtension extension) {
        this.extension = extension;
    }

    @Override
    public Integer call() {
        return extension.run(List.copyOf(args), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Adds every extension found that doesn't clash with a built-in command. */
    static void addAll(CommandLine main) {
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class, Main.class.getClassLoader())) {
            if (main.getSubcommands().containsKey(extension.name())) {
                continue; // built-in commands win; a second jar with the same command is ignored
            }
            CommandLine sub = new CommandLine(new ExtensionCommand(extension));
            sub.getCommandSpec().usageMessage().description(extension.description());
            main.addSubcommand(extension.name(), sub);
            sub.setUnmatchedOptionsArePositionalParams(true);
            sub.setStopAtPositional(true);
        }
    }
}
