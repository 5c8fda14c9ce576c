package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
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
                widened.set(i, new Widened(facts, Set.copyOf(extra)));
            }
        }
        return widened == null ? analysis : new WidenedAnalysis(analysis, List.copyOf(widened));
    }

    private record Widened(StatementFacts facts, Set<TableName> tablesRead) implements StatementFacts {
        @Override
        public StatementType type() {
            return facts.type();
        }

        @Override
        public Set<StatementType> kinds() {
            return facts.kinds();
        }

        @Override
        public ObjectKind objectKind() {
            return facts.objectKind();
        }

        @Override
        public Set<TableName> tablesWritten() {
            return facts.tablesWritten();
        }

        @Override
        public Set<ColumnName> columns() {
            return facts.columns();
        }

        @Override
        public Set<ColumnName> updatedColumns() {
            return facts.updatedColumns();
        }

        @Override
        public Set<String> functions() {
            return facts.functions();
        }

        @Override
        public Set<Hazard> hazards() {
            return facts.hazards();
        }

        @Override
        public boolean unboundedChange() {
            return facts.unboundedChange();
        }

        @Override
        public boolean unparseable() {
            return facts.unparseable();
        }

        @Override
        public List<Set<ColumnName>> notNullBranches() {
            return facts.notNullBranches();
        }
    }

    private record WidenedAnalysis(Analysis analysis, List<StatementFacts> statements) implements Analysis {
        @Override
        public String sql() {
            return analysis.sql();
        }

        @Override
        public String normalizedSql() {
            return analysis.normalizedSql();
        }

        @Override
        public String fingerprint() {
            return analysis.fingerprint();
        }

        @Override
        public boolean unparseable() {
            return analysis.unparseable();
        }

        @Override
        public String parseProblem() {
            return analysis.parseProblem();
        }

        @Override
        public boolean dependsOnParameters() {
            return analysis.dependsOnParameters();
        }

        @Override
        public Analysis bind(List<Object> parameters) {
            return analysis.bind(parameters);
        }
    }
}
