package dev.governance.jdbc.dialects;

import dev.governance.jdbc.testing.Databases;
import dev.governance.jdbc.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MariaDB's errors as an agent gets them (names in apostrophes kept whole: {@code Table 'test.x' doesn't exist})
 * and as every identity's audit record holds them (the duplicated value gone).
 */
class MariaDbErrorsIT {
    static final String T = TestDatabase.unique("err_");
    static final TestDatabase DB = TestDatabase.MARIADB;
    static final String URL = DB.governedUrl();

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE " + T + " (id INT PRIMARY KEY, email VARCHAR(100), token VARCHAR(100))");
            st.execute("INSERT INTO " + T + " VALUES (1, 'alice@example.com', '" + ErrorFixture.TOKEN + "')");
            st.execute("CREATE TABLE " + T + "_u (k VARCHAR(100) PRIMARY KEY)");
            st.execute("INSERT INTO " + T + "_u VALUES ('" + ErrorFixture.TOKEN + "')");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        try (Connection raw = DB.openRaw(); Statement st = raw.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + T + ", " + T + "_u");
        }
    }

    @Test
    void agentsKeepNamesInApostrophes() throws Exception {
        ErrorFixture f = new ErrorFixture();
        try (Connection c = f.agent(URL, Databases.mariaDbUser())) {
            SQLException e = ErrorFixture.fails(c, "SELECT id FROM nosuch_" + T);
            ErrorFixture.assertContains(e, "Table 'test.nosuch_" + T + "' doesn't exist");
            e = ErrorFixture.fails(c, "SELECT emial FROM " + T);
            ErrorFixture.assertContains(e, "Unknown column 'emial' in '"); // MariaDB names the clause: 'SELECT', 'field list'
        }
    }

    @Test
    void aDuplicatedValueLeavesNoTrail() throws Exception {
        ErrorFixture f = new ErrorFixture();
        try (Connection c = f.service(URL, Databases.mariaDbUser())) {
            SQLException e = ErrorFixture.fails(c, "INSERT INTO " + T + "_u (k) SELECT token FROM " + T + " WHERE id = 1");
            ErrorFixture.assertContains(e, "Duplicate entry");
        }
        f.assertTrailClean("_u (k)", ErrorFixture.TOKEN);
    }
}
