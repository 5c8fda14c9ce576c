package dev.governance.jdbc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code version}: the version of this build. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version of governance-jdbc.")
final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println("governance-jdbc " + version());
    }

    static String version() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version != null ? version : Version.FROM_BUILD;
    }

    /** Feeds {@code --version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"governance-jdbc " + version()};
        }
    }
}
