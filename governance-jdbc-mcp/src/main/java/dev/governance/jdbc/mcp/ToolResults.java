package dev.governance.jdbc.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.ApprovalRefusedException;
import dev.governance.jdbc.ApprovalTimeoutException;
import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.ResultLimitExceededException;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tool results as the agent reads them: one JSON text. A refusal is {@code isError: true} and names the SQLState,
 * the rule(s) and the reason, and for a pending approval the request id and what to do next.
 */
final class ToolResults {
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ToolResults() {
    }

    static McpSchema.CallToolResult success(Map<String, Object> body) {
        return McpSchema.CallToolResult.builder().addTextContent(json(body)).isError(false).build();
    }

    static McpSchema.CallToolResult refusal(SQLException e) {
        return McpSchema.CallToolResult.builder().addTextContent(json(describe(e))).isError(true).build();
    }

    static McpSchema.CallToolResult badArgument(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "bad argument");
        body.put("reason", message);
        return McpSchema.CallToolResult.builder().addTextContent(json(body)).isError(true).build();
    }

    /** The refusal as JSON fields: sqlState, rules, reason, message, and requestId/next for approvals. */
    static Map<String, Object> describe(SQLException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage());
        body.put("error", kind(state));
        body.put("sqlState", state);
        body.put("rules", rules(e, message));
        body.put("reason", reason(message));
        body.put("message", message);
        String requestId = e instanceof ApprovalPendingException p ? p.requestId()
                : e instanceof ApprovalRefusedException r ? r.requestId()
                : e instanceof ApprovalTimeoutException t ? t.requestId() : null;
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        String next = next(state, requestId);
        if (next != null) {
            body.put("next", next);
        }
        return body;
    }

    private static String kind(String state) {
        if (state == null) {
            return "database error";
        }
        return switch (state) {
            case "28000" -> "identity refused";
            case "42501" -> "denied by policy";
            case "VG000" -> "invalid governance configuration";
            case "VG001" -> "approval required";
            case "VG002" -> "approval refused";
            case "VG003" -> "approval not decided in time";
            case "VG010" -> "audit trail unavailable";
            case "VG020" -> "max-rows exceeded, rolled back";
            case "VG021" -> "max-result-rows reached";
            default -> "database error";
        };
    }

    private static List<String> rules(SQLException e, String message) {
        if (e instanceof PolicyViolationException p) {
            return p.ruleIds();
        }
        if (e instanceof ResultLimitExceededException r) {
            return List.of(r.ruleId());
        }
        int open = message.indexOf("rule [");
        int at = open >= 0 ? open + 5 : -1;
        int close = at >= 0 ? message.indexOf(']', at) : -1;
        if (at < 0 || close < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : message.substring(at + 1, close).split(",")) {
            out.add(id.trim());
        }
        return out;
    }

    private static String reason(String message) {
        int at = message.indexOf("]: ");
        return at >= 0 ? message.substring(at + 3) : message;
    }

    private static String next(String state, String requestId) {
        if ("VG001".equals(state) && requestId != null) {
            return "Tell your human: request " + requestId + " waits for a reviewer (governance-jdbc approvals approve"
                    + " --store <store> " + requestId + "). Check it with approval_status {\"requestId\": \"" + requestId
                    + "\"}; once approved, call query again with exactly the same SQL (or call query with \"wait\": true"
                    + " to block until it is decided).";
        }
        if ("VG003".equals(state) && requestId != null) {
            return "Request " + requestId + " is still pending; check approval_status and retry once approved.";
        }
        if ("42501".equals(state)) {
            return "The statement is not allowed for you; do not retry it. Use check to test alternatives.";
        }
        if ("VG021".equals(state)) {
            return "Ask for fewer rows: add a WHERE clause, aggregate, or LIMIT the query.";
        }
        return null;
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool result is not serializable: " + e.getMessage(), e);
        }
    }
}
