package dev.governance.jdbc.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;

/**
 * The sequences a statement advances or sets ({@code NEXT VALUE FOR s}, {@code nextval}, {@code setval}): a write of
 * each sequence, though of no table row. Named ones are known from the shape; PostgreSQL names its sequence in a
 * value ({@code nextval('s')}), read per use like the database reads a {@code regclass} text. A value that can't be
 * read (a parameter not yet bound, an expression) is an unknown sequence, written as
 * {@link DangerousOperations#UNKNOWN_TABLES}: outside every access list that doesn't allow writing everything.
 *
 * @param named     sequences named as identifiers
 * @param arguments the values naming the others (null entries: unreadable)
 * @param resolver  resolves the names read from values, as the statement's own names are
 */
record SequenceWrites(Set<TableName> named, List<Expression> arguments, Resolver resolver) {

    static final SequenceWrites NONE = new SequenceWrites(Set.of(), List.of(), null);

    static SequenceWrites of(Set<TableName> named, List<Expression> arguments, Resolver resolver) {
        return named.isEmpty() && arguments.isEmpty() ? NONE
                : new SequenceWrites(Set.copyOf(named), java.util.Collections.unmodifiableList(new ArrayList<>(arguments)),
                        resolver);
    }

    boolean isEmpty() {
        return named.isEmpty() && arguments.isEmpty();
    }

    /** Every sequence written, with the values of this use. */
    Set<TableName> resolve(ConditionEvaluator evaluator) {
        if (arguments.isEmpty()) {
            return named;
        }
        Set<TableName> out = new LinkedHashSet<>(named);
        for (Expression arg : arguments) {
            Object v = arg == null ? Values.UNKNOWN : evaluator.value(arg, 0);
            TableName name = v instanceof String text ? parse(text) : null;
            out.add(name == null ? DangerousOperations.UNKNOWN_TABLES : name);
        }
        return Set.copyOf(out);
    }

    /** {@code s}, {@code schema.s}, {@code "S"}, {@code db.schema.s}: the last two parts, quotes kept for folding. */
    private TableName parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                part.append(c);
            } else if (c == '.' && !quoted) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        if (quoted || parts.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        return resolver.table(schema, parts.get(parts.size() - 1));
    }
}
