package dev.governance.jdbc.cli;

import java.io.PrintWriter;
import java.util.List;

/** Test extensions (registered in the test classpath's services file): one echoes its arguments, one clashes. */
public final class EchoExtension implements CommandExtension {
    @Override
    public String name() {
        return "echo-args";
    }

    @Override
    public String description() {
        return "Prints its arguments (test extension).";
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        out.println(String.join("|", args));
        return args.contains("fail") ? 7 : 0;
    }

    /** Named like a built-in command: must not replace it. */
    public static final class Clash implements CommandExtension {
        @Override
        public String name() {
            return "version";
        }

        @Override
        public String description() {
            return "Pretends to be the version command.";
        }

        @Override
        public int run(List<String> args, PrintWriter out, PrintWriter err) {
            out.println("clash");
            return 0;
        }
    }
}
