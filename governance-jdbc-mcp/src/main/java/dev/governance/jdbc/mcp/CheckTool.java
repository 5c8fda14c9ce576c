package dev.governance.jdbc.mcp;

import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.policy.Decision;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code check}: what the policy would decide on a statement for the caller, without running it. */
final class CheckTool implements GovernedTool {
    @Override
    public McpSchema.Tool definition() {
        return Schemas.tool("check", "Tells whether a SQL statement would be allowed, denied or need approval for "
                + "you, and which rules say so, without running it.",
                Schemas.object(List.of("sql"), "sql", Schemas.string("the SQL statement to check")),
                true);
    }

    @Override
    public Map<String, Object> call(GovernedConnection connection, Arguments args) throws SQLException {
        Decision d = connection.decide(args.text("sql"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", d.action().label());
        out.put("rules", d.ruleIds());
        out.put("reason", d.reason());
        out.put("summary", d.summary());
        List<Map<String, Object>> why = new ArrayList<>();
        for (Decision.Contribution c : d.contributions()) {
            why.add(Map.of("rule", c.ruleId(), "action", c.action().label(), "reason", c.reason()));
        }
        out.put("contributions", why);
        if (!d.approvers().isEmpty()) {
            out.put("approvers", d.approvers());
        }
        if (d.maxRows() != null) {
            out.put("maxRows", d.maxRows().limit());
        }
        if (d.maxResultRows() != null) {
            out.put("maxResultRows", d.maxResultRows().limit());
        }
        out.put("masked", d.masking());
        out.put("mode", d.mode().label());
        out.put("ran", false);
        return out;
    }
}
