package dev.governance.jdbc.mcp;

import picocli.CommandLine;

/** {@code java -jar governance-jdbc-mcp-<version>-all.jar --url jdbc:governed:… [--config F] [--http HOST:PORT]}. */
public final class McpMain {
    private McpMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new McpCommand()).execute(args));
    }
}
