package dev.governance.jdbc.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * Statements are every kind they may be: upserts are INSERTs and UPDATEs, REPLACE is an INSERT and a DELETE, a
 * MERGE is each action it names — under rules naming statement kinds, access lists, primary-key checks and
 * max-rows. Each dialect gives its own spellings; each refused one changes nothing (raw driver), and ordinary
 * statements of the same shapes still run.
 */
final class UpsertScenarios implements AutoCloseable {
    static final String NO_UPDATE = "agent-no-update";
    static final String NO_DELETE = "agent-no-delete";
    static final String NO_INSERT = "agent-no-insert";
    static final String READ_ONLY = "agent-read-only";
    static final String KEYS = "agent-keys";
    static final String ONE_ROW = "agent-one-row";
    static final String BOUNDED = "agent-bounded";

    final RuleHarness db;
    /** The customers table: id (primary key), tier; rows 1, 2, 3. */
    final String c;
    /** Another table the upserts read from: id, tier; rows 1, 2, 3. */
    final String src;
    /** A sequence (not cached: its state shows every advance), watched by every snapshot. */
    final String seq;

    UpsertScenarios(RuleTarget target, Path dir) throws Exception {
        c = RuleTarget.unique("up_customers");
        src = RuleTarget.unique("up_source");
        seq = RuleTarget.unique("up_seq");
        db = new RuleHarness(target, dir, policy(c, seq), List.of(c, src));
        db.raw("CREATE TABLE " + c + " (id INT PRIMARY KEY, tier VARCHAR(20))",
                "INSERT INTO " + c + " VALUES (1, 'basic'), (2, 'basic'), (3, 'basic')",
                "CREATE TABLE " + src + " (id INT PRIMARY KEY, tier VARCHAR(20))",
                "INSERT INTO " + src + " VALUES (1, 'gold'), (2, 'gold'), (3, 'gold')");
        if (target.isPostgres()) {
            db.raw("CREATE SEQUENCE " + seq + " START WITH 100");
            db.watch("SELECT last_value, is_called FROM " + seq);
        } else if (target.isMariaDb()) {
            db.raw("CREATE SEQUENCE " + seq + " START WITH 100 NOCACHE");
            db.watch("SELECT next_not_cached_value FROM " + seq);
        } else {
            db.raw("CREATE SEQUENCE " + seq + " START WITH 100 NO CACHE");
            db.watch("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = '"
                    + seq.toUpperCase(java.util.Locale.ROOT) + "'");
        }
    }

    private static String policy(String c, String seq) {
        return """
                version: 1
                identities:
                  no-update: { subject: "%s" }
                  no-delete: { subject: "%s" }
                  no-insert: { subject: "%s" }
                  read-only: { subject: "%s" }
                  keys:      { subject: "%s" }
                  one-row:   { subject: "%s" }
                  bounded:   { subject: "%s" }
                access:
                  - identity: read-only
                    read:  ["*"]
                    write: ["nothing_writable"]
                rules:
                  - id: customers-never-updated
                    when: { identity: no-update, statement: [UPDATE], tables: ["%s", "%s"] }
                    action: deny
                  - id: customers-never-deleted
                    when: { identity: no-delete, statement: [DELETE], tables: ["%s"] }
                    action: deny
                  - id: customers-never-inserted
                    when: { identity: no-insert, statement: [INSERT], tables: ["%s"] }
                    action: deny
                  - id: keys-never-change
                    when: { identity: keys, primary-key: true }
                    action: deny
                  - id: one-row-at-a-time
                    when: { identity: one-row, statement: [UPDATE, DELETE] }
                    max-rows: 1
                  - id: changes-need-a-where
                    when: { identity: bounded, statement: [UPDATE, DELETE], where: absent }
                    action: deny
                defaults:
                  unparseable: allow   # what H2's parser can't read must still be caught by its kinds
                """.formatted(NO_UPDATE, NO_DELETE, NO_INSERT, READ_ONLY, KEYS, ONE_ROW, BOUNDED, c, seq, c, c);
    }

    void updateRefused(String sql, Object... parameters) throws Exception {
        db.refused(NO_UPDATE, sql, "42501", "customers-never-updated", parameters);
    }

    void deleteRefused(String sql) throws Exception {
        db.refused(NO_DELETE, sql, "42501", "customers-never-deleted");
    }

    void insertRefused(String sql) throws Exception {
        db.refused(NO_INSERT, sql, "42501", "customers-never-inserted");
    }

    void writeRefused(String sql) throws Exception {
        db.refused(READ_ONLY, sql, "42501", "access");
    }

    void keyChangeRefused(String sql) throws Exception {
        db.refused(KEYS, sql, "42501", "keys-never-change");
    }

    void tooManyRows(String sql) throws Exception {
        db.refused(ONE_ROW, sql, "VG020", "one-row-at-a-time");
    }

    void unboundedRefused(String sql) throws Exception {
        db.refused(BOUNDED, sql, "42501", "changes-need-a-where");
    }

    void allowed(String subject, String sql, Object... parameters) throws Exception {
        db.allowed(subject, sql, parameters);
    }

    @Override
    public void close() throws Exception {
        try {
            db.raw("DROP SEQUENCE IF EXISTS " + seq);
        } finally {
            db.close();
        }
    }
}
