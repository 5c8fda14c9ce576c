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

    /** The analysis with function reads added; the same object when no call reads anything more. */
    static Analysis of(Analysis analysis, Function<String, Set<TableName>> reads) {
        List<StatementFacts> statements = analysis.statements();
        List<StatementFacts> widened = null;
        for (int i = 0; i < statements.size(); i++) {
            StatementFacts facts = statements.get(i);
            Set<TableName> extra = null;
            for (String function : facts.functions()) {
                Set<TableName> behind = reads.apply(function);
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
        return widened == null ? analysis : new WidenedFacts.Of(analysis, List.copyOf(widened));
    }
}
