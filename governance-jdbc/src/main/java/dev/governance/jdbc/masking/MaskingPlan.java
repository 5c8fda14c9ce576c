package dev.governance.jdbc.masking;

import java.util.List;

/**
 * What to do with each column of one result, decided once when the result is opened (never per cell): a
 * strategy for masked columns, value detection for the other text columns, nothing for the rest.
 *
 * @param strategies per column (index 0 unused; null: not masked)
 * @param scanned    per column: look for sensitive values in this unmasked text column
 * @param labels     per column, for messages and the audit record
 * @param binary     per column: a binary type (scanned as UTF-8 bytes)
 */
public record MaskingPlan(MaskingStrategy[] strategies, boolean[] scanned, String[] labels, boolean[] binary) {

    /** Masked columns as (label, strategy name) pairs, for the audit record. */
    public List<String[]> maskedColumns() {
        java.util.ArrayList<String[]> out = new java.util.ArrayList<>();
        for (int i = 1; i < strategies.length; i++) {
            if (strategies[i] != null) {
                out.add(new String[] {labels[i], strategies[i].policyName()});
            }
        }
        return out;
    }

    /** True when nothing needs doing: the result is passed through untouched. */
    public boolean empty() {
        for (int i = 1; i < strategies.length; i++) {
            if (strategies[i] != null || scanned[i]) {
                return false;
            }
        }
        return true;
    }
}
