package dev.governance.jdbc.console;

import dev.governance.jdbc.cli.CommandExtension;

import java.io.PrintWriter;
import java.util.List;

/** Makes {@code serve} a command of the driver's command line whenever the console is on the classpath. */
public final class ServeExtension implements CommandExtension {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String description() {
        return "Serves the review console (approvals and the audit trail) over HTTP.";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        return ConsoleMain.run(args, out, err);
    }
}
