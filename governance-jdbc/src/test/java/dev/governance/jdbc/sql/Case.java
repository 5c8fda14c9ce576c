package dev.governance.jdbc.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One row of the analyzer tables: a SQL text and the facts expected of one of its statements. */
final class Case {

    final Dialect dialect;
    final String sql;
    private StatementType type;
    private ObjectKind objectKind;
    private Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
    private boolean unbounded;
    private boolean unparseable;
    private int statements = 1;
    private int at;
    private Set<String> written;
    private Set<String> read;
    private Set<String> updated;
    private Set<String> functions;
    private List<Object> parameters;

    private Case(Dialect dialect, String sql) {
        this.dialect = dialect;
        this.sql = sql;
    }

    static Case h2(String sql) {
        return new Case(Dialect.H2, sql);
    }

    static Case pg(String sql) {
        return new Case(Dialect.POSTGRESQL, sql);
    }

    static Case my(String sql) {
        return new Case(Dialect.MYSQL, sql);
    }

    static Case any(String sql) {
        return new Case(Dialect.GENERIC, sql);
    }

    Case type(StatementType t) {
        this.type = t;
        return this;
    }

    Case kind(ObjectKind k) {
        this.objectKind = k;
        return this;
    }

    Case hazards(Hazard... h) {
        this.hazards = h.length == 0 ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(Arrays.asList(h));
        return this;
    }

    Case unbounded() {
        this.unbounded = true;
        return this;
    }

    Case unparseable() {
        this.unparseable = true;
        return this;
    }

    Case statements(int n) {
        this.statements = n;
        return this;
    }

    Case at(int index) {
        this.at = index;
        return this;
    }

    Case written(String... keys) {
        this.written = new TreeSet<>(Arrays.asList(keys));
        return this;
    }

    Case read(String... keys) {
        this.read = new TreeSet<>(Arrays.asList(keys));
        return this;
    }

    Case updated(String... keys) {
        this.updated = new TreeSet<>(Arrays.asList(keys));
        return this;
    }

    Case functions(String... names) {
        this.functions = new TreeSet<>(Arrays.asList(names));
        return this;
    }

    Case bind(Object... values) {
        this.parameters = new ArrayList<>(Arrays.asList(values));
        return this;
    }

    void check(SqlAnalyzer analyzer) {
        Analysis analysis = analyzer.analyze(sql, dialect);
        if (parameters != null) {
            analysis = analysis.bind(parameters);
        }
        String where = dialect + ": " + sql + " -> " + analysis.normalizedSql() + " " + describe(analysis);
        assertEquals(statements, analysis.statements().size(), "statement count of " + where);
        StatementFacts f = analysis.statements().get(at);
        assertEquals(type, f.type(), "type of " + where);
        if (objectKind != null) {
            assertEquals(objectKind, f.objectKind(), "object kind of " + where);
        }
        assertEquals(hazards, f.hazards().isEmpty() ? EnumSet.noneOf(Hazard.class) : EnumSet.copyOf(f.hazards()),
                "hazards of " + where);
        assertEquals(unbounded, f.unboundedChange(), "unbounded change of " + where);
        assertEquals(unparseable, f.unparseable(), "unparseable of " + where);
        assertEquals(unparseable || anyUnparseable(analysis), analysis.unparseable(), "analysis unparseable of " + where);
        if (written != null) {
            assertEquals(written, keys(f.tablesWritten()), "tables written of " + where);
        }
        if (read != null) {
            assertEquals(read, keys(f.tablesRead()), "tables read of " + where);
        }
        if (updated != null) {
            assertEquals(updated, f.updatedColumns().stream().map(ColumnName::key).collect(Collectors.toCollection(TreeSet::new)),
                    "updated columns of " + where);
        }
        if (functions != null) {
            assertEquals(functions, new TreeSet<>(f.functions()), "functions of " + where);
        }
    }

    private static boolean anyUnparseable(Analysis a) {
        return a.statements().stream().anyMatch(StatementFacts::unparseable);
    }

    private static Set<String> keys(Set<TableName> tables) {
        return tables.stream().map(TableName::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(Analysis a) {
        StringBuilder b = new StringBuilder();
        for (StatementFacts f : a.statements()) {
            b.append("[").append(f.type()).append(" W=").append(f.tablesWritten()).append(" R=").append(f.tablesRead())
                    .append(" H=").append(f.hazards()).append(" unbounded=").append(f.unboundedChange())
                    .append(f.unparseable() ? " unparseable" : "").append("]");
        }
        if (a.parseProblem() != null) {
            b.append(" problem=").append(a.parseProblem());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return dialect + ": " + sql;
    }
}
