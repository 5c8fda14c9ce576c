package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.AnalyzedStatement;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
import dev.governance.jdbc.sql.TableName;

import java.util.List;
import java.util.Set;

/**
 * A statement's facts with more read than its text shows, for the policy's decision: the tables behind a function
 * call ({@link WithFunctionReads}), the columns behind {@code *}, whole-row references and views
 * ({@link ColumnReads}), the tables behind the views it touches ({@link WithViewReads}). Everything else is the statement's own.
 */
record WidenedFacts(StatementFacts facts, Set<TableName> tablesRead, Set<ColumnName> columns,
                    java.util.Map<TableName, Set<TableName>> viewReads) implements StatementFacts {

    /** Widened reads and columns; the views behind it stay those of {@code facts}. */
    WidenedFacts(StatementFacts facts, Set<TableName> tablesRead, Set<ColumnName> columns) {
        this(facts, tablesRead, columns, facts.viewReads());
    }

    @Override
    public StatementType type() {
        return facts.type();
    }

    @Override
    public Set<StatementType> kinds() {
        return facts.kinds();
    }

    @Override
    public boolean changesRows() {
        return facts.changesRows();
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

    /** An analysis whose statements are widened; everything else is the original's. */
    record Of(Analysis analysis, List<StatementFacts> statements) implements Analysis {
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
        public List<AnalyzedStatement> analyzedStatements() {
            return analysis.analyzedStatements();
        }

        @Override
        public Object literal(int k) {
            return analysis.literal(k);
        }

        @Override
        public Analysis bind(List<Object> parameters) {
            return analysis.bind(parameters);
        }
    }
}
