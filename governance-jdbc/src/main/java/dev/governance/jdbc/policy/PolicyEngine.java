package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.StatementType;
import dev.governance.jdbc.sql.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns (identity, environment, analysis) into a {@link Decision} under one {@link Policy} (contract 4.1, 4.2).
 * Pure and thread-safe: all state is the immutable policy and what the constructor precomputes.
 *
 * <p>Every rule whose {@code when} matches a statement and whose {@code unless} does not contributes its action;
 * the strictest wins (deny &gt; approve &gt; allow); among equally strict ones the first contributor decides the
 * reason. The engine adds its own contributions: {@code access} (a table outside the access lists: deny),
 * {@code unparseable} and {@code multi-statement} (the policy's defaults). A multi-statement text is decided as
 * the strictest over its statements.
 */
public final class PolicyEngine {
    private static final StatementType[] TYPES = StatementType.values();

    private final Policy policy;
    /** Per statement type (by ordinal): the rules whose {@code when} can match it, in document order. */
    private final Rule[][] candidates;
    /** True when some rule looks at columns: only then must a statement's columns be traced. */
    private final boolean matchesColumns;
    /** The answer when nothing applies, by masking (index 1: masked): most statements, so built once. */
    private final Decision[] nothingApplies;

    public PolicyEngine(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.candidates = new Rule[TYPES.length][];
        for (StatementType type : TYPES) {
            List<Rule> list = new ArrayList<>();
            for (Rule r : policy.rules()) {
                if (r.when().statements().isEmpty() || r.when().statements().contains(type)) {
                    list.add(r);
                }
            }
            candidates[type.ordinal()] = list.toArray(new Rule[0]);
        }
        boolean columns = false;
        for (Rule r : policy.rules()) {
            columns |= !r.when().columns().isEmpty() || r.unless() != null && !r.unless().columns().isEmpty()
                    || r.autoApprove() != null && !r.autoApprove().columns().isEmpty();
        }
        this.matchesColumns = columns;
        Mode mode = policy.defaults().mode();
        this.nothingApplies = new Decision[] {
            new Decision(Action.ALLOW, List.of(), null, "no rule applies", mode, null, null, List.of(), false, false, List.of()),
            new Decision(Action.ALLOW, List.of(), null, "no rule applies", mode, null, null, List.of(), false, true, List.of())
        };
    }

    public Policy policy() {
        return policy;
    }

    /**
     * True when a rule of this policy matches on {@code columns}: the caller then hands the engine every column each
     * statement reads or writes ({@code *}, whole rows and views expanded), not only those it names.
     */
    public boolean matchesColumns() {
        return matchesColumns;
    }

    public Decision decide(Identity identity, String environment, Analysis analysis) {
        return decide(identity, environment, analysis, PrimaryKeys.NONE);
    }

    public Decision decide(Identity identity, String environment, Analysis analysis, PrimaryKeys primaryKeys) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(analysis, "analysis");
        PrimaryKeys keys = primaryKeys == null ? PrimaryKeys.NONE : primaryKeys;
        Tally tally = new Tally();
        Defaults defaults = policy.defaults();
        if (analysis.unparseable()) {
            String problem = analysis.parseProblem();
            tally.add("unparseable", defaults.unparseable(), "the SQL could not be read reliably"
                    + (problem == null || problem.isBlank() ? "" : " (" + problem + ")"), 0, List.of(), false);
        }
        if (analysis.multiStatement()) {
            tally.add("multi-statement", defaults.multiStatement(), "the SQL text holds "
                    + analysis.statements().size() + " statements", 0, List.of(), false);
        }
        List<AccessEntry> access = accessFor(identity, environment);
        List<StatementFacts> statements = analysis.statements();
        if (statements.isEmpty() && analysis.unparseable()) {
            // Nothing could be read at all: rules still see the text (as OTHER, touching nothing), so that
            // `unparseable: true` rules and statement-independent rules apply.
            statements = List.of(UNREADABLE);
        }
        for (StatementFacts facts : statements) {
            for (Rule rule : candidates(facts)) {
                if (!rule.when().matches(identity, environment, analysis, facts, keys)) {
                    continue;
                }
                if (rule.unless() != null && rule.unless().matches(identity, environment, analysis, facts, keys)) {
                    continue;
                }
                boolean auto = rule.autoApprove() != null
                        && rule.autoApprove().matches(identity, environment, analysis, facts, keys);
                String reason = rule.message() != null ? rule.message() : describe(rule, facts, environment, keys);
                tally.add(rule.id(), rule.action(), reason, rule.maxRows(), rule.approvers(), auto);
                tally.resultLimit(rule.id(), rule.maxResultRows());
            }
            if (access != null) {
                checkAccess(access, facts, tally);
            }
        }
        boolean masking = policy.masking().appliesTo(identity);
        return tally.isEmpty() ? nothingApplies[masking ? 1 : 0] : tally.decision(defaults.mode(), masking);
    }

    /** The rules whose {@code when} can match a statement of these kinds, in document order. */
    private Rule[] candidates(StatementFacts facts) {
        Set<StatementType> kinds = facts.kinds();
        if (kinds.size() <= 1) {
            return candidates[facts.type().ordinal()];
        }
        List<Rule> list = new ArrayList<>();
        for (Rule r : policy.rules()) {
            if (r.when().statements().isEmpty() || Match.anyKind(r.when().statements(), facts)) {
                list.add(r);
            }
        }
        return list.toArray(new Rule[0]);
    }

    /** Whether results for {@code identity} need masking under this policy. */
    public boolean masks(Identity identity) {
        return policy.masking().appliesTo(identity);
    }

    /**
     * True when access entries apply to this identity and environment: only then are the views a statement touches
     * looked up (access lists count a view as the tables behind it).
     */
    public boolean limitsAccess(Identity identity, String environment) {
        for (AccessEntry e : policy.access()) {
            if (e.appliesTo(identity, environment)) {
                return true;
            }
        }
        return false;
    }

    /** The access entries for this identity and environment, or null when none applies (no limit). */
    private List<AccessEntry> accessFor(Identity identity, String environment) {
        List<AccessEntry> out = null;
        for (AccessEntry e : policy.access()) {
            if (e.appliesTo(identity, environment)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(e);
            }
        }
        return out;
    }

    private static void checkAccess(List<AccessEntry> entries, StatementFacts facts, Tally tally) {
        String why = AccessCheck.refusal(entries, facts);
        if (why != null) {
            tally.add("access", Action.DENY, why, 0, List.of(), false);
        }
    }

    /** A reason for a rule without a message, from what made it match: "UPDATE without a restricting WHERE". */
    static String describe(Rule rule, StatementFacts facts, String environment, PrimaryKeys keys) {
        Match when = rule.when();
        String what = statementName(facts);
        String text;
        if (when.whereAbsent()) {
            text = facts.type() + " without a restricting WHERE";
        } else if (Boolean.TRUE.equals(when.primaryKey())) {
            ColumnName c = Match.updatedPrimaryKey(facts, keys);
            text = what + " changes primary key column " + (c == null ? "?" : c.key());
        } else if (!when.hazards().isEmpty() && !facts.hazards().isEmpty()) {
            text = what + " does something dangerous (" + hazardNames(facts.hazards()) + ")";
        } else if (!when.tablesWritten().isEmpty()) {
            text = what + " writes " + firstMatching(when.tablesWritten(), facts.tablesWritten());
        } else if (!when.tablesRead().isEmpty()) {
            text = what + " reads " + firstMatching(when.tablesRead(), facts.tablesRead());
        } else if (!when.columns().isEmpty()) {
            text = what + " " + columnUse(when.columns(), facts);
        } else if (!when.functions().isEmpty()) {
            text = what + " calls " + firstFunction(when.functions(), facts.functions()) + "()";
        } else if (Boolean.TRUE.equals(when.unparseable())) {
            text = "SQL that could not be read reliably";
        } else if (Boolean.TRUE.equals(when.multiStatement())) {
            text = "several statements in one SQL text";
        } else {
            text = what;
        }
        if (!when.environments().isEmpty() && environment != null) {
            text += " in " + environment;
        }
        return switch (rule.action()) {
            case DENY -> text + " is not allowed";
            case APPROVE -> text + " needs approval";
            case ALLOW -> rule.hasMaxRows() ? text + " may change at most " + rule.maxRows() + " rows"
                    : rule.hasMaxResultRows() ? text + " may read at most " + rule.maxResultRows() + " rows per result"
                    : text;
        };
    }

    private static String statementName(StatementFacts facts) {
        ObjectKind kind = facts.objectKind();
        String name = kind == null || kind == ObjectKind.NONE ? facts.type().name() : facts.type() + " " + kind;
        if (facts.kinds().size() > 1) {
            StringBuilder also = new StringBuilder();
            for (StatementType t : TYPES) {
                if (t != facts.type() && facts.kinds().contains(t)) {
                    also.append(also.length() == 0 ? "" : ", ").append(t.name());
                }
            }
            name += " (also " + also + ")";
        }
        return name;
    }

    /** "reads or writes column crm.customers.ssn": the first column that made a {@code columns} rule match. */
    private static String columnUse(List<NameGlob> globs, StatementFacts facts) {
        ColumnName c = Match.firstColumnMatch(globs, facts.columns());
        if (c == null) {
            c = Match.firstColumnMatch(globs, facts.updatedColumns());
        }
        if (c == null) {
            return "uses a matching column";
        }
        return c.column().equals("*") ? "reads or writes every column of " + (c.table() == null ? "a table" : c.table().key())
                : "reads or writes column " + c.key();
    }

    private static String hazardNames(Set<Hazard> hazards) {
        StringBuilder b = new StringBuilder();
        for (Hazard h : hazards) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(h.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return b.toString();
    }

    private static String firstMatching(List<NameGlob> globs, Set<TableName> tables) {
        for (TableName t : tables) {
            if (Match.firstTableMatch(globs, t) != null) {
                return t.key();
            }
        }
        return "a matching table";
    }

    private static String firstFunction(List<Glob> globs, Set<String> functions) {
        for (String f : functions) {
            if (Match.anyGlob(globs, f)) {
                return f;
            }
        }
        return "a matching function";
    }

    /** Accumulates contributions for one decision; lives on one thread for one call. */
    private static final class Tally {
        private Action action = Action.ALLOW;
        private String decidingRule;
        private String reason;
        private List<String> ruleIds;
        private List<Decision.Contribution> contributions;
        private long maxRows;
        private String maxRowsRule;
        private long maxResultRows;
        private String maxResultRowsRule;
        private List<String> approvers;
        private boolean anyApprove;
        private boolean allAuto = true;

        void add(String id, Action contributed, String why, long limit, List<String> groups, boolean auto) {
            if (ruleIds == null) {
                ruleIds = new ArrayList<>(4);
                contributions = new ArrayList<>(4);
            }
            if (!ruleIds.contains(id)) {
                ruleIds.add(id);
                contributions.add(new Decision.Contribution(id, contributed, why));
            }
            if (decidingRule == null || contributed.stricterThan(action)) {
                action = contributed;
                decidingRule = id;
                reason = why;
            }
            if (limit > 0 && (maxRowsRule == null || limit < maxRows)) {
                maxRows = limit;
                maxRowsRule = id;
            }
            if (contributed == Action.APPROVE) {
                anyApprove = true;
                allAuto &= auto;
                if (approvers == null) {
                    approvers = new ArrayList<>(2);
                }
                for (String g : groups) {
                    if (!approvers.contains(g)) {
                        approvers.add(g);
                    }
                }
            }
        }

        /** A rule's {@code max-result-rows}: the smallest one applies. */
        void resultLimit(String id, long limit) {
            if (limit > 0 && (maxResultRowsRule == null || limit < maxResultRows)) {
                maxResultRows = limit;
                maxResultRowsRule = id;
            }
        }

        boolean isEmpty() {
            return decidingRule == null;
        }

        Decision decision(Mode mode, boolean masking) {
            return new Decision(action, ruleIds, decidingRule, reason, mode,
                    maxRowsRule == null ? null : new Decision.RowLimit(maxRows, maxRowsRule),
                    maxResultRowsRule == null ? null : new Decision.RowLimit(maxResultRows, maxResultRowsRule),
                    approvers == null ? List.of() : approvers,
                    action == Action.APPROVE && anyApprove && allAuto, masking, contributions);
        }
    }

    /** Stands in for a text of which not even one statement could be read. */
    private static final StatementFacts UNREADABLE = new StatementFacts() {
        @Override
        public StatementType type() {
            return StatementType.OTHER;
        }

        @Override
        public ObjectKind objectKind() {
            return ObjectKind.NONE;
        }

        @Override
        public Set<TableName> tablesRead() {
            return Set.of();
        }

        @Override
        public Set<TableName> tablesWritten() {
            return Set.of();
        }

        @Override
        public Set<ColumnName> columns() {
            return Set.of();
        }

        @Override
        public Set<ColumnName> updatedColumns() {
            return Set.of();
        }

        @Override
        public Set<String> functions() {
            return Set.of();
        }

        @Override
        public Set<Hazard> hazards() {
            return Set.of();
        }

        @Override
        public boolean unboundedChange() {
            return false;
        }

        @Override
        public boolean unparseable() {
            return true;
        }
    };
}
