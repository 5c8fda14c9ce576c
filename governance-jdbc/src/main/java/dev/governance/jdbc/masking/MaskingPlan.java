package dev.governance.jdbc.masking;

import java.util.List;

/**
 * What to do with each column of one result, decided once when the result is opened (never per cell): a
 * strategy for masked columns, value detection for the other text columns, nothing for the rest.
 *
 * @param strategies per column (index 0 unused; null: not masked)
 * @param scanned    per column: look for sensitive values in this unmasked text column
 * @param labels     per column, for messages and the audit record
 * @param binary     per column: a binary type (scanned as UTF-8 bytes), or a structured value read off the text path
 * @param documents  per column: a JSON document, array or row value masked part by part (null: not such a column)
 */
public record MaskingPlan(MaskingStrategy[] strategies, boolean[] scanned, String[] labels, boolean[] binary,
                          DocumentMask[] documents) {

    /** Masked columns as (label, strategy name) pairs, for the audit record. */
    public List<String[]> maskedColumns() {
        java.util.ArrayList<String[]> out = new java.util.ArrayList<>();
        for (int i = 1; i < strategies.length; i++) {
            if (strategies[i] != null) {
                out.add(new String[] {labels[i], strategies[i].policyName()});
            } else if (documents[i] != null) {
                out.add(new String[] {labels[i], documents[i].policyName()});
            }
        }
        return out;
    }

    /**
     * The plan for one use of its statement: JSON keys written as literals are known only from the text's literals
     * (plans are shared by every text of the same shape). The same plan when no key waits for them.
     */
    public MaskingPlan bound(java.util.function.IntFunction<Object> literal) {
        DocumentMask[] bound = null;
        for (int i = 1; i < documents.length; i++) {
            if (documents[i] != null && documents[i].unbound()) {
                if (bound == null) {
                    bound = documents.clone();
                }
                bound[i] = documents[i].bind(literal);
            }
        }
        return bound == null ? this : new MaskingPlan(strategies, scanned, labels, binary, bound);
    }

    /** True when some column is masked, whole or part by part (a plan may only scan values). */
    public boolean masksAnyColumn() {
        for (int i = 1; i < strategies.length; i++) {
            if (strategies[i] != null || documents[i] != null) {
                return true;
            }
        }
        return false;
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
