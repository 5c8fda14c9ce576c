package dev.governance.jdbc.sql.lineage;

import dev.governance.jdbc.sql.ColumnName;

import java.util.List;
import java.util.Set;

/**
 * How a structured result value is built from table columns, so that it can be masked part by part: a JSON document
 * ({@code json_agg(c)}, {@code JSON_OBJECT('e', email)}), an array ({@code array_agg(email)}) or a row value
 * ({@code ROW(id, email)}, a whole-row reference). Only the shapes the statement spells out are described; anything
 * else is a {@link Leaf} with all its sources (masked whole when any is sensitive).
 */
public sealed interface ValueShape {

    /** How the database writes a structured value as text. */
    enum Format { JSON, ARRAY, ROW }

    /** Every table column this value (all of it) is computed from. */
    Set<ColumnName> allSources();

    /** A value not taken apart: computed from {@code sources}; {@code certain} false when they may be incomplete. */
    record Leaf(Set<ColumnName> sources, boolean certain) implements ValueShape {
        public Leaf {
            sources = Set.copyOf(sources);
        }

        @Override
        public Set<ColumnName> allSources() {
            return sources;
        }
    }

    /**
     * A name that is the k-th literal of the statement's text ({@code JSON_OBJECT('email': …)}): the parsed tree
     * holds literal markers, so the key is known once the text's literals are ({@link #literalKey}).
     */
    String LITERAL_KEY = "\u0000";

    /** The literal number of a field name that stands for a literal of the text, or -1. */
    static int literalKey(String name) {
        if (name == null || !name.startsWith(LITERAL_KEY)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(LITERAL_KEY.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * An object or row: named fields (JSON keys; a row's fields in order, named as the database names them in JSON).
     */
    record Fields(Format format, List<String> names, List<ValueShape> values) implements ValueShape {
        public Fields {
            names = List.copyOf(names);
            values = List.copyOf(values);
        }

        @Override
        public Set<ColumnName> allSources() {
            Set<ColumnName> out = new java.util.LinkedHashSet<>();
            for (ValueShape v : values) {
                out.addAll(v.allSources());
            }
            return out;
        }
    }

    /** A collection whose every element has the shape {@code element} (an aggregate, an array). */
    record Elements(Format format, ValueShape element) implements ValueShape {
        @Override
        public Set<ColumnName> allSources() {
            return element.allSources();
        }
    }
}
