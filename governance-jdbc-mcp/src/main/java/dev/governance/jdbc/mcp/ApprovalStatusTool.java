package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code approval_status}: where an approval request is — pending, approved, denied, expired (or used). The SQL is
 * shown only to the identity that asked.
 */
final class ApprovalStatusTool implements GovernedTool {
    @Override
    public McpSchema.Tool definition() {
        return Schemas.tool("approval_status", "Tells whether an approval request (the requestId a refused query "
                + "returned) is pending, approved, denied or expired. Once approved, run the same query again.",
                Schemas.object(List.of("requestId"), "requestId", Schemas.string("the request id")),
                true);
    }

    @Override
    public Map<String, Object> call(GovernedConnection connection, Arguments args) throws SQLException {
        String id = args.text("requestId");
        ApprovalRequest r = connection.approvals().find(id)
                .orElseThrow(() -> new IllegalArgumentException("no approval request '" + id + "'"));
        ApprovalStatus status = r.effectiveStatus(Instant.now());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requestId", r.id());
        out.put("status", status.name().toLowerCase(Locale.ROOT));
        out.put("rules", r.ruleIds());
        out.put("approvers", r.approverGroups());
        out.put("created", r.created().toString());
        if (r.decided() != null) {
            out.put("decided", r.decided().toString());
            out.put("reviewer", r.reviewer());
        }
        if (r.subject().equals(connection.identity().subject())) {
            out.put("sql", r.sql());
        }
        out.put("next", switch (status) {
            case PENDING -> "Waiting for a reviewer; ask again later.";
            case APPROVED -> "Approved: run exactly the same query again (once, within the grant's lifetime).";
            case DENIED -> "Refused by a reviewer: do not run it.";
            case EXPIRED -> "The grant expired unused: run the query again to ask anew.";
            case USED -> "The grant was used by the approved statement.";
        });
        return out;
    }
}
