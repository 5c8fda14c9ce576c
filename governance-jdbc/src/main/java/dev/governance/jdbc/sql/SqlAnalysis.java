package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link Analysis} of one SQL text for one set of values: the cached template of its shape with this text's
 * literals (and, after {@link #bind(List)}, the parameters) applied. Immutable.
 */
final class SqlAnalysis implements Analysis {

    private final String sql;
    private final Dialect dialect;
    private final TextTemplate template;
    private final List<Object> literals;
    private final List<Object> parameters;
    private final List<AnalyzedStatement> statements;
    /** The same statements as facts: one view made here, not one per call (it is asked for many times per use). */
    private final List<StatementFacts> facts;
    /** Resolves the shape's unqualified names for this use; null when the shape resolved them already. */
    private final TableResolver names;

    SqlAnalysis(String sql, Dialect dialect, TextTemplate template, List<Object> literals, List<Object> parameters,
                TableResolver names) {
        this.sql = sql;
        this.dialect = dialect;
        this.template = template;
        this.literals = literals;
        this.parameters = parameters;
        this.names = names;
        Values values = new Values(literals, parameters);
        List<AnalyzedStatement> list = new ArrayList<>(template.statements().size());
        for (StatementTemplate s : template.statements()) {
            list.add(s.apply(values, dialect, names));
        }
        this.statements = Collections.unmodifiableList(list);
        this.facts = Collections.unmodifiableList(list);
    }

    @Override
    public String sql() {
        return sql;
    }

    Dialect dialect() {
        return dialect;
    }

    /** This text's literal values, by marker number. */
    List<Object> literals() {
        return literals;
    }

    /**
     * The value of literal marker {@code k} of this text (the parsed tree holds markers, not values), or null when
     * there is no such literal.
     */
    @Override
    public Object literal(int k) {
        return k >= 0 && k < literals.size() ? literals.get(k) : null;
    }

    @Override
    public Object reuseKey() {
        return literals.isEmpty() && parameters == null ? template : null;
    }

    @Override
    public String normalizedSql() {
        return template.normalizedSql();
    }

    @Override
    public String fingerprint() {
        return template.fingerprint();
    }

    @Override
    public List<StatementFacts> statements() {
        return facts;
    }

    @Override
    public List<AnalyzedStatement> analyzedStatements() {
        return statements;
    }

    @Override
    public boolean unparseable() {
        if (template.problem() != null) {
            return true;
        }
        for (int i = 0; i < statements.size(); i++) { // asked several times per statement run: no iterator
            if (statements.get(i).unparseable()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String parseProblem() {
        if (template.problem() != null) {
            return template.problem();
        }
        for (int i = 0; i < statements.size(); i++) {
            AnalyzedStatement s = statements.get(i);
            if (s.unparseable()) {
                return statements.size() > 1 ? "statement " + (i + 1) + ": " + s.parseProblem() : s.parseProblem();
            }
        }
        return null;
    }

    @Override
    public boolean dependsOnParameters() {
        return template.dependsOnParameters();
    }

    /** True when {@link #bind(List)} has been applied. */
    boolean bound() {
        return parameters != null;
    }

    @Override
    public Analysis bind(List<Object> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        if (!template.dependsOnParameters()) {
            return this;
        }
        return new SqlAnalysis(sql, dialect, template, literals, Collections.unmodifiableList(new ArrayList<>(parameters)),
                names);
    }

    @Override
    public String toString() {
        return "SqlAnalysis[" + template.normalizedSql() + "]";
    }
}
