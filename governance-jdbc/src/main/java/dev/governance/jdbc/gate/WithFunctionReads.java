package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.TableName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An analysis whose statements also read what the user-defined functions they call read (functions are read like
 * views), for the policy's decision: access lists and {@code tables} rules see the tables behind a call.
 */
final class WithFunctionReads {
    private WithFunctionReads() {
    }

    /**
     * The analysis with function reads added (the same object when no call reads anything more).
     *
     * @param settled false when a catalog look-up failed: the call counted as opaque for this statement only, and a
     *                decision made on it must not be remembered
     */
    record Widened(Analysis analysis, boolean settled) {
    }

    /** The analysis with function reads added; a function the catalog can't tell about now reads itself (opaque). */
    static Widened of(Analysis analysis, Function<String, Set<TableName>> reads) {
        boolean settled = true;
        List<StatementFacts> statements = analysis.statements();
        List<StatementFacts> widened = null;
        for (int i = 0; i < statements.size(); i++) {
            StatementFacts facts = statements.get(i);
            Set<TableName> extra = null;
            for (String function : facts.functions()) {
                Set<TableName> behind;
                try {
                    behind = reads.apply(function);
                } catch (CatalogUnavailable e) {
                    behind = Set.of(TableName.opaqueFunction(function)); // can't be told now: fail closed, this time
                    settled = false;
                }
                if (!behind.isEmpty()) {
                    if (extra == null) {
                        extra = new LinkedHashSet<>(facts.tablesRead());
                    }
                    extra.addAll(behind);
                }
            }
            if (extra != null) {
                if (widened == null) {
                    widened = new ArrayList<>(statements);
                }
                widened.set(i, new WidenedFacts(facts, Set.copyOf(extra), facts.columns()));
            }
        }
        return new Widened(widened == null ? analysis : new WidenedFacts.Of(analysis, List.copyOf(widened)), settled);
    }
}
