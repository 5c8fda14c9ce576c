package dev.governance.jdbc.sql.lineage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackstopTest {

    @Test
    void identifiersSkipStringLiteralsAndNumbers() {
        Set<String> ids = Backstop.identifiers("concat('email''s', \"SSN\", `Name`, x1.col_2, 12.5e3)");
        assertEquals(List.of("concat", "ssn", "name", "x1", "col_2"), List.copyOf(ids));
        assertFalse(ids.contains("email"));
    }

    @Test
    void unterminatedLiteralDoesNotLoop() {
        assertTrue(Backstop.identifiers("'abc").isEmpty());
        assertEquals(Set.of("a", "b"), Backstop.identifiers("a \"b")); // the rest is taken as a name: harmless
    }
}
