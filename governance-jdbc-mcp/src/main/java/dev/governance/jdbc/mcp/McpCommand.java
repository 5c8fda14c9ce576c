package dev.governance.jdbc.mcp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The options of the MCP server; the same for the stand-alone jar and the driver's {@code mcp} command. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serves the Model Context Protocol over stdio (default) or streamable HTTP (--http).",
            "Every tool call runs through the governed driver as the caller's identity: stdio uses the configured",
            "token; HTTP verifies the 'Authorization: Bearer <JWT>' of every request (none or bad: 401)."})
public final class McpCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, paramLabel = "JDBC-URL", description = "jdbc:governed:<real URL>")
    String url;

    @Option(names = "--config", paramLabel = "FILE",
            description = "governance properties file (else governance.config / GOVERNANCE_CONFIG)")
    Path config;

    @Option(names = "--http", paramLabel = "HOST:PORT",
            description = "serve streamable HTTP on HOST:PORT (port 0: any free port) at /mcp instead of stdio")
    String http;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN",
            description = "with --http: a browser origin allowed besides loopback and the bound host, e.g."
                    + " https://app.example.com or https://app.example.com:* (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--driver", paramLabel = "JAR", description = "a real JDBC driver jar to load (repeatable)")
    List<Path> drivers = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try {
            for (Path jar : drivers) {
                ExtraDrivers.load(jar);
            }
            ServerConfig settings = ServerConfig.load(url, config);
            McpTools tools = new McpTools(new Database(settings), settings.limits());
            if (http == null) {
                StdioServer.run(tools);
            } else {
                HttpServer.run(tools, settings, http, allowedOrigins);
            }
            return 0;
        } catch (StartupException e) {
            System.err.println("governance-jdbc mcp: " + e.getMessage());
            return 1;
        }
    }
}
