package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.AnalyzedStatement;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
import dev.governance.jdbc.sql.TableName;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test-only stand-ins for the analyzer's output and for identities. */
final class Fakes {
    private Fakes() {
    }

    record FakeFacts(StatementType type, ObjectKind objectKind, Set<TableName> tablesRead,
                     Set<TableName> tablesWritten, Set<ColumnName> columns, Set<ColumnName> updatedColumns,
                     Set<String> functions, Set<Hazard> hazards, boolean unboundedChange, boolean unparseable,
                     java.util.Map<TableName, Set<TableName>> viewReads)
            implements StatementFacts {
    }

    record FakeAnalysis(String sql, List<StatementFacts> statements, boolean unparseable, String parseProblem)
            implements Analysis {
        @Override
        public String normalizedSql() {
            return sql;
        }

        @Override
        public String fingerprint() {
            return "0";
        }

        @Override
        public boolean dependsOnParameters() {
            return false;
        }

        /** Facts made by hand have no parse trees. */
        @Override
        public List<AnalyzedStatement> analyzedStatements() {
            return List.of();
        }

        @Override
        public Analysis bind(List<Object> parameters) {
            return this;
        }
    }

    /** Builds one statement's facts. */
    static final class Stmt {
        private final StatementType type;
        private ObjectKind object = ObjectKind.NONE;
        private final Set<TableName> read = new LinkedHashSet<>();
        private final Set<TableName> written = new LinkedHashSet<>();
        private final Set<ColumnName> columns = new LinkedHashSet<>();
        private final Set<ColumnName> updated = new LinkedHashSet<>();
        private final Set<String> functions = new LinkedHashSet<>();
        private final Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
        private boolean unbounded;
        private boolean unparseable;
        private final java.util.Map<TableName, Set<TableName>> views = new java.util.LinkedHashMap<>();

        Stmt(StatementType type) {
            this.type = type;
        }

        Stmt object(ObjectKind kind) {
            object = kind;
            return this;
        }

        Stmt reads(String... tables) {
            for (String t : tables) {
                read.add(table(t));
            }
            return this;
        }

        Stmt writes(String... tables) {
            for (String t : tables) {
                written.add(table(t));
            }
            return this;
        }

        Stmt columns(String... keys) {
            for (String c : keys) {
                columns.add(column(c));
            }
            return this;
        }

        Stmt updates(String... keys) {
            for (String c : keys) {
                updated.add(column(c));
                columns.add(column(c));
            }
            return this;
        }

        Stmt calls(String... names) {
            functions.addAll(List.of(names));
            return this;
        }

        /** {@code view} is a view whose definition reads {@code behind} (as the driver looks it up). */
        Stmt view(String view, String... behind) {
            Set<TableName> reads = new LinkedHashSet<>();
            for (String t : behind) {
                reads.add(t.startsWith("fn:") ? TableName.opaqueFunction(t.substring(3))
                        : t.equals("?") ? TableName.unreadableView(table(view)) : table(t));
            }
            views.put(table(view), reads);
            return this;
        }

        Stmt hazard(Hazard... h) {
            hazards.addAll(List.of(h));
            return this;
        }

        Stmt unbounded() {
            unbounded = true;
            return this;
        }

        Stmt unparseable() {
            unparseable = true;
            return this;
        }

        StatementFacts facts() {
            return new FakeFacts(type, object, Set.copyOf(read), Set.copyOf(written), Set.copyOf(columns),
                    Set.copyOf(updated), Set.copyOf(functions), Set.copyOf(hazards), unbounded, unparseable, java.util.Map.copyOf(views));
        }

        Analysis analysis() {
            return Fakes.analysis(this);
        }
    }

    static Stmt stmt(StatementType type) {
        return new Stmt(type);
    }

    static Analysis analysis(Stmt... statements) {
        List<StatementFacts> facts = new java.util.ArrayList<>();
        boolean unparseable = false;
        for (Stmt s : statements) {
            StatementFacts f = s.facts();
            facts.add(f);
            unparseable |= f.unparseable();
        }
        return new FakeAnalysis("-- test", facts, unparseable, unparseable ? "test says so" : null);
    }

    /** A text of which nothing could be read. */
    static Analysis unreadable() {
        return new FakeAnalysis("COPY x FROM PROGRAM 'y'", List.of(), true, "syntax error");
    }

    /** {@code schema.table} or {@code table}. */
    static TableName table(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? new TableName(null, key) : new TableName(key.substring(0, dot), key.substring(dot + 1));
    }

    /** {@code column}, {@code table.column} or {@code schema.table.column}. */
    static ColumnName column(String key) {
        int last = key.lastIndexOf('.');
        return last < 0 ? new ColumnName(null, key) : new ColumnName(table(key.substring(0, last)), key.substring(last + 1));
    }

    static Identity identity(IdentityKind kind, String subject, boolean verified, String... groups) {
        return new Identity(subject, kind, List.of(groups), null, verified ? "https://issuer" : null, verified, null);
    }

    static Identity agent(String subject, String... groups) {
        return identity(IdentityKind.AGENT, subject, true, groups);
    }

    static Identity human(String subject, String... groups) {
        return identity(IdentityKind.HUMAN, subject, true, groups);
    }

    static Identity service(String subject, String... groups) {
        return identity(IdentityKind.SERVICE, subject, true, groups);
    }
}
