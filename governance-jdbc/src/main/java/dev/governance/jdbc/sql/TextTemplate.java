package dev.governance.jdbc.sql;

import java.util.List;

/** The cached analysis of one text shape: its statements' templates, normalized text and fingerprint. */
record TextTemplate(List<StatementTemplate> statements, String normalizedSql, String fingerprint, String problem,
        boolean cacheable) {

    boolean dependsOnParameters() {
        for (int i = 0; i < statements.size(); i++) { // asked on every execution: no iterator
            if (statements.get(i).dependsOnParameters()) {
                return true;
            }
        }
        return false;
    }
}
