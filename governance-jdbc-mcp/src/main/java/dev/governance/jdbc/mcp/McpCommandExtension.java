package dev.governance.jdbc.mcp;

import dev.governance.jdbc.cli.CommandExtension;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;

/** The driver's command line gains {@code mcp} wherever this module is on the classpath. */
public final class McpCommandExtension implements CommandExtension {
    @Override
    public String name() {
        return "mcp";
    }

    @Override
    public String description() {
        return "Serves the Model Context Protocol: AI agents reach the database only through the governed driver.";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new McpCommand()).setOut(out).setErr(err).execute(args.toArray(new String[0]));
    }
}
