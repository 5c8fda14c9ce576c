package dev.governance.jdbc.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiteralScrubberTest {
    @Test
    void replacesLiteralsKeepsIdentifiersAndParameters() {
        assertEquals("SELECT * FROM t1 WHERE email = ? AND ssn = ? AND n > ? AND x = ?",
                LiteralScrubber.sql("SELECT * FROM t1 WHERE email = 'alice@example.com' AND ssn = '123-45-6789'"
                        + " AND n > 42.5e3 AND x = E'a\\'b'"));
        assertEquals("SELECT \"col 1\", `c2`, [c3] FROM s1.t_2 WHERE a = $1 AND b = :p1 AND c = ?",
                LiteralScrubber.sql("SELECT \"col 1\", `c2`, [c3] FROM s1.t_2 WHERE a = $1 AND b = :p1 AND c = ?"));
        assertEquals("SELECT ? , ? FROM t WHERE a = ? ", LiteralScrubber.sql("SELECT $$x'y$$ , $q$z$q$ FROM t WHERE a = 0x1F -- 'c'"));
        assertEquals("INSERT INTO t VALUES (?, ?)", LiteralScrubber.sql("INSERT INTO t VALUES ('it''s', 7)"));
        assertEquals("SELECT ?", LiteralScrubber.sql("SELECT 'unterminated secret"));
        String normalized = "UPDATE orders SET status = ? WHERE id = ? LIMIT ?";
        assertEquals(normalized, LiteralScrubber.sql(normalized));
    }

    @Test
    void errorsKeepTheirFirstLineWithoutValues() {
        assertEquals("23505: duplicate key value violates unique constraint \"users_email_key\"",
                LiteralScrubber.error("23505: duplicate key value violates unique constraint \"users_email_key\"\n"
                        + "  Detail: Key (email)=(alice@example.com) already exists."));
        assertEquals("Unique index violation: \"PUBLIC.PK ON PUBLIC.T(ID) VALUES (   ? )\"; SQL statement:",
                LiteralScrubber.error("Unique index violation: \"PUBLIC.PK ON PUBLIC.T(ID) VALUES ( /* 1 */ 1 )\"; SQL statement:\n"
                        + "insert into t values (1, 'secret')"));
    }

    @Test
    void contractionsInOurOwnMessagesAreNotQuotesButLiteralsStillAre() {
        assertEquals("VG001: the store can't be used; it's down (x = ?)",
                LiteralScrubber.error("VG001: the store can't be used; it's down (x = 'secret')"));
        assertEquals("42000: near ? at line ?", LiteralScrubber.error("42000: near E'don''t tell' at line 1"));
        assertEquals("42000: near _binary?", LiteralScrubber.error("42000: near _binary't secret'"));
        assertEquals("42000: value ?", LiteralScrubber.error("42000: value N't secret'"));
        assertEquals("SELECT ??", LiteralScrubber.sql("SELECT 'can't'"), "SQL itself is scrubbed as before");
    }
}
