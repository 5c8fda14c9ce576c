package dev.governance.jdbc.console;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar governance-jdbc-console-<version>-all.jar [serve] --store URL --audit FILE-OR-DIR ...}: the console's
 * own jar runs {@code serve} directly.
 */
public final class ConsoleMain {
    private ConsoleMain() {
    }

    public static void main(String[] args) {
        List<String> rest = Arrays.asList(args);
        if (!rest.isEmpty() && rest.get(0).equals("serve")) {
            rest = rest.subList(1, rest.size());
        }
        System.exit(run(rest, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(List<String> args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ServeCommand());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args.toArray(String[]::new));
    }
}
