package dev.governance.jdbc.sql;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every kind of statement one statement may be (a statement counts as each): an upsert is an INSERT and an UPDATE,
 * {@code REPLACE} an INSERT and a DELETE, a {@code MERGE} a MERGE and each action it names. Read from the keywords,
 * so that it holds whether or not the parser could read the statement, and with the DML kinds the parser met
 * anywhere in it (writing CTEs and subqueries).
 */
final class StatementKinds {

    private StatementKinds() {
    }

    static Set<StatementType> of(StatementType type, KeywordView v, Set<StatementType> parsedWrites) {
        Set<StatementType> kinds = EnumSet.of(type);
        kinds.addAll(parsedWrites);
        String first = v.word(0);
        if (first.equals("REPLACE")) {
            // MySQL/MariaDB REPLACE: deletes the rows whose keys conflict, then inserts
            kinds.add(StatementType.INSERT);
            kinds.add(StatementType.DELETE);
        }
        if (first.equals("UPSERT")) {
            kinds.add(StatementType.INSERT);
            kinds.add(StatementType.UPDATE);
        }
        if (first.equals("INSERT") && v.containsSequence("OR", "REPLACE")) {
            kinds.add(StatementType.DELETE);
        }
        if (v.containsSequence("DUPLICATE", "KEY") || v.containsSequence("DO", "UPDATE")) {
            // INSERT … ON DUPLICATE KEY UPDATE (also inside /*! … */), INSERT … ON CONFLICT … DO UPDATE
            kinds.add(StatementType.INSERT);
            kinds.add(StatementType.UPDATE);
        }
        int merge = v.find("MERGE", 0);
        if (merge >= 0 && v.is(merge + 1, "INTO")) {
            kinds.add(StatementType.MERGE);
            if (v.find("USING", merge) < 0) {
                // H2 MERGE INTO t [KEY (…)] VALUES/SELECT: an upsert
                kinds.add(StatementType.INSERT);
                kinds.add(StatementType.UPDATE);
            }
            for (StatementType action : new StatementType[] {StatementType.INSERT, StatementType.UPDATE,
                    StatementType.DELETE}) {
                if (v.find(action.name(), merge + 2) >= 0) {
                    kinds.add(action);
                }
            }
        }
        return kinds;
    }
}
