package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL's errors as an agent gets them (identifiers, the "Perhaps you meant" hint and the position kept, data
 * values gone) and as every identity's audit record holds them (no data values, SQLState and shape kept).
 */
class PostgresErrorsIT {
    static final String T = TestDatabase.unique("err_");
    static final TestDatabase DB = TestDatabase.POSTGRES;
    static final String URL = DB.governedUrl();

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE " + T + " (id INT PRIMARY KEY, email TEXT, token TEXT)");
            st.execute("INSERT INTO " + T + " VALUES (1, 'alice@example.com', '" + ErrorFixture.TOKEN + "')");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + T);
        }
    }

    @Test
    void agentsKeepIdentifiersHintsAndPositions() throws Exception {
        ErrorFixture f = new ErrorFixture();
        try (Connection c = f.agent(URL, Databases.postgresUser())) {
            SQLException e = ErrorFixture.fails(c, "SELECT emial FROM " + T + " c");
            assertEquals("42703", e.getSQLState());
            ErrorFixture.assertContains(e, "column \"emial\" does not exist",
                    "Perhaps you meant to reference the column \"c.email\"", "Position: 8");

            e = ErrorFixture.fails(c, "SELECT id FROM nosuch_" + T);
            ErrorFixture.assertContains(e, "relation \"nosuch_" + T + "\" does not exist", "Position:");
        }
    }

    @Test
    void dataValuesLeaveNeitherTheAgentsErrorNorAnyTrail() throws Exception {
        ErrorFixture f = new ErrorFixture();
        String sql = "SELECT token::uuid FROM " + T;
        try (Connection c = f.agent(URL, Databases.postgresUser())) {
            SQLException e = ErrorFixture.fails(c, sql);
            assertEquals("22P02", e.getSQLState());
            ErrorFixture.assertContains(e, "invalid input syntax for type uuid: \"?\"");
            ErrorFixture.assertWithout(e, ErrorFixture.TOKEN);
        }
        f.assertTrailClean("::uuid", ErrorFixture.TOKEN);

        ErrorFixture forService = new ErrorFixture();
        try (Connection c = forService.service(URL, Databases.postgresUser())) {
            SQLException e = ErrorFixture.fails(c, sql);
            ErrorFixture.assertContains(e, ErrorFixture.TOKEN); // a service sees its data; its trail does not hold it
        }
        forService.assertTrailClean("::uuid", ErrorFixture.TOKEN);
    }
}
