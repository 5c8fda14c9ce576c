package dev.governance.jdbc.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * A command that another module adds to the command line when its jar is on the classpath (found with
 * {@link java.util.ServiceLoader}; listed in {@code META-INF/services/dev.governance.jdbc.cli.CommandExtension}). The
 * review console adds {@code serve} this way, so the driver never depends on the modules that extend it.
 *
 * <p>Deliberately free of picocli types: the driver's self-contained jar relocates picocli, and an extension compiled
 * against the plain library must still plug in.
 */
public interface CommandExtension {
    /** The command's name, e.g. {@code serve}. */
    String name();

    /** One line for the command list of {@code --help}. */
    String description();

    /**
     * Runs the command with the arguments that followed its name; returns the exit code (0 success, 1 failure,
     * 2 usage). A long-running command (a server) returns when it stops.
     */
    int run(List<String> args, PrintWriter out, PrintWriter err);
}
