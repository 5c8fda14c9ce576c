package dev.governance.jdbc.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.governance.jdbc.rules.ErrorScenarios.CARD;
import static dev.governance.jdbc.rules.ErrorScenarios.EMAIL;
import static dev.governance.jdbc.rules.ErrorScenarios.SSN;
import static dev.governance.jdbc.rules.ErrorScenarios.TOKEN;

/** PostgreSQL and MariaDB: errors quoting data values reach neither a masked agent nor any trail with the value. */
class ErrorScrubbingIT {
    @TempDir
    Path dir;

    @Test
    void postgresErrorsAreScrubbedOfDataValues() throws Exception {
        try (ErrorScenarios s = new ErrorScenarios(RuleTarget.postgres(), dir)) {
            String t = s.t;
            s.scrubbed(TOKEN, "SELECT token::uuid FROM " + t);
            s.scrubbed(TOKEN, "SELECT token::int FROM " + t);
            s.scrubbed(TOKEN, "SELECT token::timestamp FROM " + t);
            s.scrubbed(TOKEN, "SELECT token::inet FROM " + t);
            s.scrubbed(EMAIL, "SELECT email::date FROM " + t);
            s.scrubbed(SSN, "SELECT ssn::numeric FROM " + t);
            s.scrubbed(CARD, "SELECT card::boolean FROM " + t);
            s.scrubbed(TOKEN, "INSERT INTO " + s.keys + " SELECT token FROM " + t);
            s.scrubbed(EMAIL, "UPDATE " + s.keys + " SET k = (SELECT email FROM " + t + ") WHERE k = 'other'");
            s.scrubbed(SSN, "INSERT INTO " + s.child + " SELECT id, ssn FROM " + t);
            s.scrubbed(TOKEN, "SELECT ?::uuid", TOKEN);
            s.scrubbed(CARD, "INSERT INTO " + s.narrow + " (d) VALUES ('" + CARD + "')");

            s.whole("SELECT emial FROM " + t + " c", "column \"emial\" does not exist", "c.email");
            s.whole("SELECT id FROM nosuch_" + t, "nosuch_" + t);
        }
    }

    @Test
    void mariaDbErrorsAreScrubbedOfDataValues() throws Exception {
        try (ErrorScenarios s = new ErrorScenarios(RuleTarget.mariaDb(), dir)) {
            String t = s.t;
            s.scrubbed(TOKEN, "INSERT INTO " + s.keys + " SELECT token FROM " + t);
            s.scrubbed(EMAIL, "INSERT INTO " + s.keys + " (k) SELECT email FROM " + t + " WHERE id = 1");
            s.scrubbed(EMAIL, "UPDATE " + s.keys + " SET k = (SELECT email FROM " + t + ") WHERE k = 'other'");
            s.scrubbed(TOKEN, "INSERT INTO " + s.keys + " (k) VALUES (?)", TOKEN);
            s.scrubbed(TOKEN, "INSERT INTO " + s.narrow + " (n) SELECT token FROM " + t);
            s.scrubbed(EMAIL, "INSERT INTO " + s.narrow + " (d) SELECT email FROM " + t);
            s.scrubbed(SSN, "INSERT INTO " + s.narrow + " (d) SELECT ssn FROM " + t);
            s.scrubbed(TOKEN, "INSERT INTO " + s.narrow + " (n) VALUES (?)", TOKEN);
            s.scrubbed(CARD, "INSERT INTO " + s.narrow + " (d) VALUES ('" + CARD + "')");
            s.scrubbed(TOKEN, "UPDATE " + s.narrow + " SET n = (SELECT token FROM " + t + ")");
            s.scrubbed(TOKEN, "REPLACE INTO " + s.narrow + " (n) SELECT token FROM " + t);

            s.whole("SELECT id FROM nosuch_" + t, "nosuch_" + t + "' doesn't exist");
            s.whole("SELECT emial FROM " + t, "Unknown column 'emial'");
        }
    }
}
