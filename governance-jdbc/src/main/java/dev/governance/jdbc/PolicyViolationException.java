package dev.governance.jdbc;

import java.util.List;

/** A statement denied by policy (SQLState {@code 42501}); the message names the rule ids and the reason. */
public class PolicyViolationException extends GovernanceException {
    private static final long serialVersionUID = 1L;
    private final List<String> ruleIds;

    public PolicyViolationException(List<String> ruleIds, String reason) {
        super("Denied by governance policy [" + String.join(", ", ruleIds) + "]: " + reason, SqlStates.POLICY_DENIED);
        this.ruleIds = List.copyOf(ruleIds);
    }

    public List<String> ruleIds() {
        return ruleIds;
    }
}
