package dev.governance.jdbc.gate;

import dev.governance.jdbc.PolicyViolationException;
import dev.governance.jdbc.masking.MaskedForms;
import dev.governance.jdbc.masking.MaskingPlanner;
import dev.governance.jdbc.masking.MaskingStrategy;
import dev.governance.jdbc.policy.MaskingPolicy;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.AssignedValues;

import java.util.List;

/**
 * Keeps a masked identity from writing what it was shown back over the real data: an ORM that loaded a row
 * masked and saves it whole (Hibernate's default full-row UPDATE) would otherwise replace a real email with
 * {@code <email:…>} and a birth date with 1970-01-01. Such a write is refused before it runs; columns the
 * statement doesn't write, and real values, pass.
 */
final class MaskWriteBack {
    static final String RULE = "masked-write-back";

    private MaskWriteBack() {
    }

    /** The refusal for this write, or null when it writes no masked form into a column masked for this identity. */
    static PolicyViolationException check(Session session, MaskingPlanner planner, MaskingPolicy policy,
                                          Analysis analysis, List<Object> parameters) {
        if (!AssignedValues.writes(analysis)) {
            return null;
        }
        for (AssignedValues.Assignment a : AssignedValues.of(analysis, parameters)) {
            MaskingStrategy strategy = planner.strategyFor(policy, a.column(), session.schema(), session.views());
            if (strategy != null && MaskedForms.looksMasked(a.value(), strategy)) {
                return new PolicyViolationException(List.of(RULE), "this write would store a masked value ("
                        + describe(a.value()) + ") in " + a.column().key() + ", which this identity sees masked;"
                        + " write only the columns that changed (Hibernate: @DynamicUpdate), or run as an identity"
                        + " that sees the real values (" + Refusals.statement(analysis) + ")");
            }
        }
        return null;
    }

    /** The value as it would be shown to the identity: it is a masked form, so it reveals nothing. */
    private static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
