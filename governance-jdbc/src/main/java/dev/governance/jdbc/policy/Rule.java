package dev.governance.jdbc.policy;

import java.util.List;

/**
 * One entry of {@code rules}.
 *
 * @param id          unique id, named in refusals and audit records
 * @param when        when the rule applies ({@link Match#ANY} when absent)
 * @param unless      statements it then does not apply to, or null
 * @param action      allow, approve or deny (allow when only {@code max-rows} or {@code max-result-rows} is given)
 * @param approvers   groups whose members may approve (any of); empty unless {@code action: approve}
 * @param autoApprove when an approval is granted at once, or null
 * @param maxRows     most rows one statement may change, or 0 for no limit
 * @param maxResultRows most rows one result may deliver, or 0 for no limit
 * @param message     the reason shown on refusal, or null for a generated one
 * @param line        line of the rule in its document (0 when unknown)
 */
public record Rule(String id, Match when, Match unless, Action action, List<String> approvers, Match autoApprove,
                   long maxRows, long maxResultRows, String message, int line) {

    public Rule {
        approvers = List.copyOf(approvers);
    }

    public boolean hasMaxRows() {
        return maxRows > 0;
    }

    public boolean hasMaxResultRows() {
        return maxResultRows > 0;
    }
}
