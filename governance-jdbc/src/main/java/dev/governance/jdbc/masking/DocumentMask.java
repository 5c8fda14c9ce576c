package dev.governance.jdbc.masking;

import dev.governance.jdbc.sql.lineage.ValueShape;
import dev.governance.jdbc.sql.lineage.ValueShape.Format;

/**
 * Masks one result column that holds structured values — JSON documents, arrays, row values — part by part: the
 * email inside a {@code json_agg} document becomes its placeholder and the rest of the document is copied as the
 * database wrote it. A cell with nothing to mask is returned as the same instance, found without allocating. Where
 * the text can't be taken apart (it doesn't parse; an H2 array or row, whose text form doesn't delimit its elements),
 * the whole value is masked with {@code whole}: fail closed.
 *
 * @param root     what each part is
 * @param whole    the column's strictest strategy, for whatever can't be taken apart
 * @param postgres the text follows PostgreSQL's array and row syntax
 */
public record DocumentMask(DocumentPart root, MaskingStrategy whole, boolean postgres) {

    /** The text as a masked identity may see it; the same instance when nothing in it is masked. */
    String mask(String text, Masker masker) {
        try {
            if (!readable(root, postgres)) {
                return masker.maskString(text, whole);
            }
            boolean json = json(root);
            if (json ? !JsonText.needs(text, root) : !PgText.needs(text, root)) {
                return text;
            }
            String masked = maskText(text, root, postgres, masker);
            return masked == null ? masker.maskString(text, whole) : masked;
        } catch (RuntimeException e) {
            return masker.maskString(text, whole); // a shape the walk didn't expect: nothing of it is handed out
        }
    }

    /** True when some key is still a literal marker ({@link #bind} gives the keys as this text wrote them). */
    boolean unbound() {
        return unbound(root);
    }

    private static boolean unbound(DocumentPart part) {
        if (part instanceof DocumentPart.Fields f) {
            for (String name : f.names()) {
                if (ValueShape.literalKey(name) >= 0) {
                    return true;
                }
            }
            for (DocumentPart p : f.values()) {
                if (unbound(p)) {
                    return true;
                }
            }
            return false;
        }
        return part instanceof DocumentPart.Elements e && unbound(e.element());
    }

    /** The same mask with literal-marker keys replaced by this text's literals (a key not known stays unmatched). */
    DocumentMask bind(java.util.function.IntFunction<Object> literal) {
        return new DocumentMask(bind(root, literal), whole, postgres);
    }

    private static DocumentPart bind(DocumentPart part, java.util.function.IntFunction<Object> literal) {
        if (part instanceof DocumentPart.Fields f) {
            String[] names = f.names().clone();
            for (int k = 0; k < names.length; k++) {
                int marker = ValueShape.literalKey(names[k]);
                Object value = marker < 0 ? null : literal.apply(marker);
                if (value instanceof String key) {
                    names[k] = key;
                }
            }
            DocumentPart[] values = new DocumentPart[f.values().length];
            for (int k = 0; k < values.length; k++) {
                values[k] = bind(f.values()[k], literal);
            }
            return new DocumentPart.Fields(f.format(), names, values, f.unknown());
        }
        if (part instanceof DocumentPart.Elements e) {
            return new DocumentPart.Elements(e.format(), bind(e.element(), literal));
        }
        return part;
    }

    /** The strategy for each element of a driver's {@code java.sql.Array} of this column. */
    MaskingStrategy elementStrategy() {
        if (root instanceof DocumentPart.Elements e && e.element() instanceof DocumentPart.Value v) {
            return v.strategy();
        }
        return whole;
    }

    /** The strictest strategy in the document, for the audit record. */
    String policyName() {
        return whole.policyName();
    }

    /** {@code text} masked as {@code part} says, or null when it doesn't parse as that part's format. */
    static String maskText(String text, DocumentPart part, boolean postgres, Masker masker) {
        if (json(part)) {
            return JsonText.mask(text, part, masker);
        }
        return readable(part, postgres) ? PgText.mask(text, part, masker) : null;
    }

    private static boolean json(DocumentPart part) {
        return part instanceof DocumentPart.Fields f && f.format() == Format.JSON
                || part instanceof DocumentPart.Elements e && e.format() == Format.JSON;
    }

    private static boolean readable(DocumentPart part, boolean postgres) {
        return json(part) || postgres && (part instanceof DocumentPart.Fields || part instanceof DocumentPart.Elements);
    }
}
