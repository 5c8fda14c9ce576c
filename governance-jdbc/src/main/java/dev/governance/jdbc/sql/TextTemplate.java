package dev.governance.jdbc.sql;

import java.util.List;

/** The cached analysis of one text shape: its statements' templates, normalized text and fingerprint. */
record TextTemplate(List<StatementTemplate> statements, String normalizedSql, String fingerprint, String problem,
        boolean cacheable) {

    boolean dependsOnParameters() {
        for (StatementTemplate s : statements) {
            if (s.dependsOnParameters()) {
                return true;
            }
        }
        return false;
    }
}
