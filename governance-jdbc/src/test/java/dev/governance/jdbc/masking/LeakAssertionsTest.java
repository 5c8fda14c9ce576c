package dev.governance.jdbc.masking;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class LeakAssertionsTest {
    @Test
    void detectsWholeValueAndEverySixCharacterWindow() {
        String secret = "bob.smith@example.com";
        assertThrows(AssertionFailedError.class, () -> LeakAssertions.assertNoLeak("x " + secret, secret));
        assertThrows(AssertionFailedError.class, () -> LeakAssertions.assertNoLeak("...smith@...", secret));
        assertThrows(AssertionFailedError.class, () -> LeakAssertions.assertNoLeak("EXAMPLE.COM", secret));
        assertThrows(AssertionFailedError.class, () -> LeakAssertions.assertNoLeak("a", List.of("zz", "a")));
        assertEquals("le.com", LeakAssertions.findLeak("mail at le.com", secret));
    }

    @Test
    void passesWhenOnlyShortPiecesSurvive() {
        assertDoesNotThrow(() -> LeakAssertions.assertNoLeak("<email:1a2b3c4d> smith", "bob.smith@example.com"));
        assertDoesNotThrow(() -> LeakAssertions.assertNoLeak("************1111", "4111111111111111"));
        assertDoesNotThrow(() -> LeakAssertions.assertNoLeak(null, "secret"));
        assertNull(LeakAssertions.findLeak("anything", ""));
    }
}
