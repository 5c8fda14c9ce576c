package dev.governance.jdbc;

/** A change touched more rows than the rule's {@code max-rows}; it was rolled back (SQLState {@code VG020}). */
public class RowLimitExceededException extends GovernanceException {
    private static final long serialVersionUID = 1L;

    public RowLimitExceededException(String ruleId, long limit, long changed) {
        super("Rolled back by governance rule [" + ruleId + "]: the statement changed " + changed
                + " rows, more than max-rows " + limit, SqlStates.ROW_LIMIT_EXCEEDED);
    }
}
