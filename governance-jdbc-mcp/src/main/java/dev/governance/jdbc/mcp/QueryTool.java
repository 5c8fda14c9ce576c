package dev.governance.jdbc.mcp;

import dev.governance.jdbc.ApprovalPendingException;
import dev.governance.jdbc.ApprovalRefusedException;
import dev.governance.jdbc.ApprovalTimeoutException;
import dev.governance.jdbc.GovernedConnection;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import io.modelcontextprotocol.spec.McpSchema;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code query}: runs one SQL statement through the governed driver as the caller. Rows come back as JSON, cut at
 * the configured limits; a statement that needs approval fails with the request id, or with {@code wait} blocks
 * until a reviewer decides (or the timeout) and then runs.
 */
final class QueryTool implements GovernedTool {
    static final int DEFAULT_WAIT_SECONDS = 120;
    private static final Duration POLL = Duration.ofMillis(250);
    private final ServerConfig.Limits limits;

    QueryTool(ServerConfig.Limits limits) {
        this.limits = limits;
    }

    @Override
    public McpSchema.Tool definition() {
        return Schemas.tool("query", "Runs one SQL statement on the database, governed: the policy may refuse it "
                + "(isError result naming the rule), ask a human to approve it (request id in the result), or mask "
                + "sensitive values. Returns rows as JSON (at most " + limits.maxRows() + " rows / " + limits.maxBytes()
                + " bytes, with a note when cut) or the update count.",
                Schemas.object(List.of("sql"),
                        "sql", Schemas.string("one SQL statement"),
                        "wait", Schemas.bool("when it needs approval, wait for the reviewer's decision instead of "
                                + "returning at once (default false)"),
                        "timeoutSeconds", Schemas.integer("how long to wait (default " + DEFAULT_WAIT_SECONDS + ")", 1, 3600)),
                false);
    }

    @Override
    public Map<String, Object> call(GovernedConnection connection, Arguments args) throws SQLException {
        String sql = args.text("sql");
        boolean wait = args.flag("wait");
        Duration timeout = Duration.ofSeconds(args.number("timeoutSeconds", DEFAULT_WAIT_SECONDS, 1, 3600));
        try {
            return run(connection, sql);
        } catch (ApprovalPendingException pending) {
            if (!wait) {
                throw pending;
            }
            awaitDecision(connection, pending, timeout);
            return run(connection, sql); // approved: the grant lets exactly this statement through once
        }
    }

    private Map<String, Object> run(GovernedConnection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setMaxRows(limits.maxRows() + 1); // the database needn't send what would be cut anyway
            boolean hasResult = s.execute(sql);
            if (hasResult) {
                try (var rs = s.getResultSet()) {
                    return Rows.read(rs, limits);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("updateCount", s.getLargeUpdateCount());
            return out;
        }
    }

    private static void awaitDecision(GovernedConnection connection, ApprovalPendingException pending, Duration timeout)
            throws SQLException {
        String id = pending.requestId();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ApprovalRequest request = connection.approvals().find(id).orElseThrow(() -> pending);
            ApprovalStatus status = request.effectiveStatus(Instant.now());
            switch (status) {
                case APPROVED:
                    return;
                case DENIED:
                    throw new ApprovalRefusedException(id, "Approval request " + id + " for governance rule ["
                            + String.join(", ", request.ruleIds()) + "] was denied by " + request.reviewer());
                case EXPIRED:
                case USED:
                    throw pending;
                default:
                    break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ApprovalTimeoutException(id, "Approval request " + id + " for governance rule ["
                        + String.join(", ", request.ruleIds()) + "] was not decided within " + timeout
                        + "; it stays pending", null);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApprovalTimeoutException(id, "Interrupted while waiting for approval request " + id, e);
            }
        }
    }
}
