package dev.governance.jdbc.gate;

import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.StatementFacts;
import dev.governance.jdbc.sql.TableName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An analysis whose statements carry the views they read or write and what is behind each (nested views followed up
 * to {@value #MAX_DEPTH} deep), for access lists: a view read is a read of the tables behind it.
 */
final class WithViewReads {
    static final int MAX_DEPTH = 8;

    /**
     * The analysis with view reads added (the same object when it touches no view).
     *
     * @param settled false when a catalog look-up failed and the answer stands for this statement only (an aborted
     *                transaction): a decision made on it must not be remembered
     */
    record Widened(Analysis analysis, boolean settled) {
    }

    private boolean settled = true;

    private WithViewReads() {
    }

    /**
     * The analysis with view reads added. {@code behind} gives what a view's definition reads (empty: not a view),
     * or throws {@link CatalogUnavailable}.
     */
    static Widened of(Analysis analysis, Function<TableName, Optional<Set<TableName>>> behind) {
        WithViewReads reads = new WithViewReads();
        List<StatementFacts> statements = analysis.statements();
        List<StatementFacts> widened = null;
        for (int i = 0; i < statements.size(); i++) {
            StatementFacts facts = statements.get(i);
            Map<TableName, Set<TableName>> views = reads.views(facts, behind);
            if (!views.isEmpty()) {
                if (widened == null) {
                    widened = new ArrayList<>(statements);
                }
                widened.set(i, new WidenedFacts(facts, facts.tablesRead(), facts.columns(), Map.copyOf(views)));
            }
        }
        return new Widened(widened == null ? analysis : new WidenedFacts.Of(analysis, List.copyOf(widened)),
                reads.settled);
    }

    private record Reached(TableName table, int depth) {
    }

    private Map<TableName, Set<TableName>> views(StatementFacts facts,
                                                        Function<TableName, Optional<Set<TableName>>> behind) {
        Map<TableName, Set<TableName>> views = null;
        Deque<Reached> queue = new ArrayDeque<>();
        for (TableName t : facts.tablesRead()) {
            queue.add(new Reached(t, 0));
        }
        if (facts.changesRows()) { // a write through a view writes the tables behind it
            for (TableName t : facts.tablesWritten()) {
                queue.add(new Reached(t, 0));
            }
        }
        while (!queue.isEmpty()) {
            Reached next = queue.poll();
            TableName t = next.table();
            if (views != null && views.containsKey(t)) {
                continue;
            }
            Set<TableName> reads;
            try {
                Optional<Set<TableName>> view = behind.apply(t);
                if (view.isEmpty()) {
                    continue;
                }
                reads = next.depth() >= MAX_DEPTH ? Set.of(TableName.unreadableView(t)) : view.get();
            } catch (CatalogUnavailable e) {
                reads = Set.of(TableName.unreadableView(t)); // whether it is a view can't be told: fail closed
                settled = false;
            }
            if (views == null) {
                views = new HashMap<>();
            }
            views.put(t, reads);
            for (TableName read : reads) {
                queue.add(new Reached(read, next.depth() + 1));
            }
        }
        return views == null ? Map.of() : views;
    }
}
