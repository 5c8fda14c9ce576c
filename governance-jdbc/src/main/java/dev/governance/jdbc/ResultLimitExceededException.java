package dev.governance.jdbc;

/**
 * A result reached the rule's {@code max-result-rows}: the caller asked for the row past the limit, and the result
 * stops there (SQLState {@code VG021}). The rows delivered before it stand.
 */
public class ResultLimitExceededException extends GovernanceException {
    private static final long serialVersionUID = 1L;
    private final String ruleId;
    private final long limit;

    public ResultLimitExceededException(String ruleId, long limit) {
        super("Result stopped by governance rule [" + ruleId + "]: it may deliver at most " + limit
                + " rows (max-result-rows)", SqlStates.RESULT_LIMIT_EXCEEDED);
        this.ruleId = ruleId;
        this.limit = limit;
    }

    public String ruleId() {
        return ruleId;
    }

    public long limit() {
        return limit;
    }
}
