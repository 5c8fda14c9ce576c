package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.SQLException;
import java.util.Map;

/** One MCP tool: its description for the client, and the call on a governed connection of the caller's identity. */
interface GovernedTool {
    McpSchema.Tool definition();

    /**
     * @return the result, a JSON-able map
     * @throws SQLException a refusal or a database error (becomes an {@code isError} result naming SQLState and rule)
     * @throws IllegalArgumentException a bad argument (becomes an {@code isError} result naming it)
     */
    Map<String, Object> call(GovernedConnection connection, Arguments args) throws SQLException;
}
