package dev.governance.jdbc.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Who makes a tool call: the bearer token of its HTTP request (null on stdio: the configured identity), and the MCP
 * client's name and version as it announced them.
 */
record Caller(String token, String clientName, String clientVersion) {
    /** The transport-context key under which the HTTP transport hands over the request's verified token. */
    static final String TOKEN = "governance.token";

    static Caller of(McpSyncServerExchange exchange) {
        Object token = exchange.transportContext() == null ? null : exchange.transportContext().get(TOKEN);
        McpSchema.Implementation client = exchange.getClientInfo();
        return new Caller(token instanceof String s ? s : null,
                client == null ? "unknown" : client.name(), client == null ? null : client.version());
    }
}
