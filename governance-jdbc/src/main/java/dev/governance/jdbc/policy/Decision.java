package dev.governance.jdbc.policy;

import java.util.List;

/**
 * What the policy says about one SQL text for one identity in one environment.
 *
 * @param action       the strictest contribution: allow, approve or deny
 * @param ruleIds      every contributing rule, in order of contribution (also {@code access},
 *                     {@code unparseable}, {@code multi-statement}); empty when nothing applied
 * @param decidingRule the rule whose action won (first of the strictest), or null when nothing applied
 * @param reason       the deciding rule's message, or a generated description; never null
 * @param mode         enforce or dry-run (dry-run: record, never block)
 * @param maxRows      the smallest row limit of the contributing rules, or null for none
 * @param maxResultRows the smallest limit on rows one result may deliver, or null for none
 * @param approvers    groups that may approve (union over contributing approve rules), in order
 * @param autoApproved true when the action is approve and every contributing approve rule's
 *                     {@code auto-approve} matched
 * @param masking      true when results for this identity need masking (not unmasked-for, detection or
 *                     column rules present)
 * @param contributions each contribution in order (a rule matching several statements of one text counts once):
 *                     what {@code check} prints as "the rules and why"
 */
public record Decision(Action action, List<String> ruleIds, String decidingRule, String reason, Mode mode,
                       RowLimit maxRows, RowLimit maxResultRows, List<String> approvers, boolean autoApproved, boolean masking,
                       List<Contribution> contributions) {

    public Decision {
        ruleIds = List.copyOf(ruleIds);
        approvers = List.copyOf(approvers);
        contributions = List.copyOf(contributions);
    }

    /** One rule's say: its id, its action and why it applied. */
    public record Contribution(String ruleId, Action action, String reason) {
    }

    /** The exit code of {@code check} (contract 8): 0 allow, 3 deny, 4 approve. */
    public int exitCode() {
        return switch (action) {
            case ALLOW -> 0;
            case DENY -> 3;
            case APPROVE -> 4;
        };
    }

    /** Several lines for {@code check}: the summary, then each contributing rule with its action and reason. */
    public String explain() {
        StringBuilder b = new StringBuilder(summary());
        for (Contribution c : contributions) {
            b.append(System.lineSeparator()).append("  ").append(c.ruleId()).append(": ").append(c.action().label())
                    .append(" - ").append(c.reason());
        }
        if (masking) {
            b.append(System.lineSeparator()).append("  results are masked for this identity");
        }
        return b.toString();
    }

    /** This decision turned into an allow by {@code ruleId} (a refused statement found to change nothing). */
    public Decision allowedBy(String ruleId, String why) {
        List<String> ids = new java.util.ArrayList<>(ruleIds);
        ids.add(ruleId);
        List<Contribution> all = new java.util.ArrayList<>(contributions);
        all.add(new Contribution(ruleId, Action.ALLOW, why));
        return new Decision(Action.ALLOW, ids, ruleId, why, mode, maxRows, maxResultRows, approvers, autoApproved,
                masking, all);
    }

    /** A row limit and the rule that set it. */
    public record RowLimit(long limit, String ruleId) {
    }

    /** True when the gate must stop the statement (denied, in enforce mode). */
    public boolean blocks() {
        return mode == Mode.ENFORCE && action == Action.DENY;
    }

    /** True when the gate must ask for approval before running (approve, not auto-approved, enforce mode). */
    public boolean needsApproval() {
        return mode == Mode.ENFORCE && action == Action.APPROVE && !autoApproved;
    }

    /** A one-line summary for messages and the command line: {@code deny [no-drop]: DROP TABLE}. */
    public String summary() {
        StringBuilder b = new StringBuilder(action.label());
        if (decidingRule != null) {
            b.append(" by rule ").append(decidingRule);
        }
        b.append(": ").append(reason);
        if (maxRows != null) {
            b.append(" (max-rows ").append(maxRows.limit()).append(" from rule ").append(maxRows.ruleId()).append(')');
        }
        if (maxResultRows != null) {
            b.append(" (max-result-rows ").append(maxResultRows.limit()).append(" from rule ")
                    .append(maxResultRows.ruleId()).append(')');
        }
        if (action == Action.APPROVE) {
            b.append(autoApproved ? " (auto-approved)" : " (approvers: " + String.join(", ", approvers) + ")");
        }
        if (mode == Mode.DRY_RUN) {
            b.append(" [dry-run]");
        }
        return b.toString();
    }
}
