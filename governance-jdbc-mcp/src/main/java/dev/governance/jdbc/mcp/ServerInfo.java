package dev.governance.jdbc.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;

/** What both transports announce: name, version, the tools, and how to use them. */
final class ServerInfo {
    static final String INSTRUCTIONS = "Governed database access. Every call runs as your identity: the policy may "
            + "deny a statement (isError result naming the rule; don't retry it), require a human's approval (the "
            + "result gives a requestId: tell your human, check approval_status, retry once approved), and masks "
            + "sensitive values. Use list_tables and describe_table first; keep queries narrow (results are capped).";

    static final String VERSION = readVersion();

    private ServerInfo() {
    }

    /** The driver's build version (the jar carries the driver it was built with). */
    private static String readVersion() {
        try (java.io.InputStream in = ServerInfo.class.getClassLoader()
                .getResourceAsStream("dev/governance/jdbc/cli/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static McpSyncServer build(McpServer.SyncSpecification<?> spec, McpTools tools) {
        return spec.serverInfo("governance-jdbc", VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.specifications())
                .build();
    }
}
