package dev.governance.jdbc.masking;

import dev.governance.jdbc.sql.lineage.ValueShape.Format;

/**
 * One part of a structured result value (a JSON document, an array, a row) and what a masked identity sees of it,
 * decided once per result from the statement's {@link dev.governance.jdbc.sql.lineage.ValueShape}.
 */
sealed interface DocumentPart {

    /** A value not taken apart: masked whole with {@code strategy}, or (null) as it is, value-scanned. */
    record Value(MaskingStrategy strategy) implements DocumentPart {
        static final Value INNOCENT = new Value(null);

        boolean sensitive() {
            return strategy != null;
        }
    }

    /**
     * An object or row: the part under each name (JSON keys; a row's fields by position), and {@code unknown} for a
     * key or field the statement doesn't account for.
     */
    record Fields(Format format, String[] names, DocumentPart[] values, Value unknown) implements DocumentPart {

        /**
         * The part under the key {@code text[from, to)} as written in the document. A key no name accounts for, and a
         * key that two names with different parts could mean ({@code json_build_object('id', id, 'id', email)}, or
         * names differing only in case), fail closed: {@code unknown}.
         */
        DocumentPart field(String text, int from, int to) {
            DocumentPart found = null;
            for (int k = 0; k < names.length; k++) {
                String name = names[k];
                if (name.length() == to - from && text.regionMatches(true, from, name, 0, name.length())) {
                    if (found != null && found != values[k]) {
                        return unknown;
                    }
                    found = values[k];
                }
            }
            return found == null ? unknown : found;
        }

        DocumentPart at(int position) {
            return position < values.length ? values[position] : unknown;
        }
    }

    /** A collection whose every element is {@code element}. */
    record Elements(Format format, DocumentPart element) implements DocumentPart {
    }
}
