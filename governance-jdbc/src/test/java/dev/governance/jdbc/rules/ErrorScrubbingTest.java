package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.governance.jdbc.rules.ErrorScenarios.CARD;
import static dev.governance.jdbc.rules.ErrorScenarios.EMAIL;
import static dev.governance.jdbc.rules.ErrorScenarios.SSN;
import static dev.governance.jdbc.rules.ErrorScenarios.TOKEN;

/** H2: errors quoting data values reach neither a masked agent nor any trail with the value. */
class ErrorScrubbingTest {
    @TempDir
    Path dir;

    @Test
    void h2ErrorsAreScrubbedOfDataValues() throws Exception {
        try (ErrorScenarios s = new ErrorScenarios(RuleTarget.h2(), dir)) {
            String t = s.t;
            s.scrubbed(TOKEN, "SELECT CAST(token AS INT) FROM " + t);
            s.scrubbed(TOKEN, "SELECT CAST(token AS UUID) FROM " + t);
            s.scrubbed(TOKEN, "SELECT CAST(token AS TIMESTAMP) FROM " + t);
            s.scrubbed(EMAIL, "SELECT CAST(email AS DATE) FROM " + t);
            s.scrubbed(SSN, "SELECT CAST(ssn AS NUMERIC(10)) FROM " + t);
            s.scrubbed(CARD, "SELECT CAST(card AS DATE) FROM " + t);
            s.scrubbed(TOKEN, "INSERT INTO " + s.keys + " SELECT token FROM " + t);
            s.scrubbed(EMAIL, "UPDATE " + s.keys + " SET k = (SELECT email FROM " + t + ") WHERE k = 'other'");
            s.scrubbed(TOKEN, "INSERT INTO " + s.narrow + " (k) SELECT token FROM " + t);
            s.scrubbed(SSN, "INSERT INTO " + s.child + " SELECT id, ssn FROM " + t);
            s.scrubbed(TOKEN, "SELECT CAST(? AS INT)", TOKEN);
            s.scrubbed(CARD, "INSERT INTO " + s.narrow + " (d) VALUES ('" + CARD + "')");

            s.whole("SELECT emial FROM " + t, "EMIAL");
            s.whole("SELECT id FROM nosuch_" + t, ("nosuch_" + t).toUpperCase());
        }
    }
}
