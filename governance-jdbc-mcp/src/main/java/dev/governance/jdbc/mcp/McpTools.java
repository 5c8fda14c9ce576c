package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.audit.AuditEvent;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tools and the one path every call takes: a governed connection as the caller, the caller's MCP client named
 * in the audit trail, the tool, a {@code tool-call} record, and refusals turned into {@code isError} results.
 */
final class McpTools {
    private static final Logger LOG = Logger.getLogger(McpTools.class.getName());
    private final Database database;
    private final List<GovernedTool> tools;

    McpTools(Database database, ServerConfig.Limits limits) {
        this.database = database;
        this.tools = List.of(new ListTablesTool(), new DescribeTableTool(), new QueryTool(limits), new CheckTool(),
                new ApprovalStatusTool());
    }

    Database database() {
        return database;
    }

    List<McpServerFeatures.SyncToolSpecification> specifications() {
        List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
        for (GovernedTool tool : tools) {
            specs.add(McpServerFeatures.SyncToolSpecification.builder().tool(tool.definition())
                    .callHandler((exchange, request) -> call(tool, exchange, request)).build());
        }
        return specs;
    }

    private McpSchema.CallToolResult call(GovernedTool tool, McpSyncServerExchange exchange,
                                          McpSchema.CallToolRequest request) {
        Caller caller = Caller.of(exchange);
        String name = tool.definition().name();
        try (GovernedConnection connection = database.open(caller.token())) {
            connection.client(new AuditEvent.Client(caller.clientName(), caller.clientVersion(), name));
            McpSchema.CallToolResult result;
            String error = null;
            try {
                result = ToolResults.success(tool.call(connection, new Arguments(request.arguments())));
            } catch (SQLException e) {
                error = e.getSQLState() + ": " + e.getMessage();
                result = ToolResults.refusal(e);
            } catch (IllegalArgumentException e) {
                error = "bad argument: " + e.getMessage();
                result = ToolResults.badArgument(e.getMessage());
            }
            connection.recordCall(error);
            return result;
        } catch (SQLException e) {
            // No connection for this caller (identity refused, token expired, database down), or no record possible.
            LOG.log(Level.FINE, "tool " + name + " refused before it ran", e);
            return ToolResults.refusal(e);
        }
    }
}
