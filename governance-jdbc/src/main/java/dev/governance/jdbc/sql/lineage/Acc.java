package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;

import java.util.LinkedHashSet;
import java.util.Set;

/** Accumulates the sources of one value while an expression is walked. Not thread-safe; one per value. */
final class Acc {
    private final Set<ColumnName> sources = new LinkedHashSet<>();
    private boolean certain = true;
    private boolean direct;

    void add(ColumnName source) {
        sources.add(source);
    }

    void addAll(Set<ColumnName> more) {
        sources.addAll(more);
    }

    void add(Col col) {
        sources.addAll(col.sources());
        certain &= col.certain();
    }

    void add(Acc other) {
        sources.addAll(other.sources);
        certain &= other.certain;
    }

    void uncertain() {
        certain = false;
    }

    void direct(boolean value) {
        direct = value;
    }

    Set<ColumnName> sources() {
        return sources;
    }

    boolean certain() {
        return certain;
    }

    boolean direct() {
        return direct;
    }
}
