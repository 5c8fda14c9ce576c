package dev.governance.jdbc.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.governance.jdbc.GovernedDriver;

import java.util.List;
import java.util.Properties;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.database.GeneralDatabaseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The type as Flyway's own register finds it (ServiceLoader), next to Flyway's real PostgreSQL and MariaDB support. */
class GovernedDatabaseTypeTest {
    private final GovernedDatabaseType type = new GovernedDatabaseType();

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:governed:postgresql://db:5432/app", "jdbc:governed:mariadb://db/app",
            "jdbc:governed:h2:mem:x", "jdbc:governed:mysql://db/app?user=a"})
    void flywaysRegisterGivesAGovernedUrlToThisTypeAlone(String url) {
        List<GeneralDatabaseType> types = DatabaseTypeRegister.getDatabaseTypesForUrl(url, null);
        assertEquals(1, types.size(), types.toString());
        assertTrue(types.get(0) instanceof GovernedDatabaseType, types.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://db:5432/app", "jdbc:mariadb://db/app", "jdbc:h2:mem:x",
            "jdbc:governed:"})
    void otherUrlsAreNotClaimed(String url) {
        assertTrue(DatabaseTypeRegister.getDatabaseTypesForUrl(url, null).stream()
                .noneMatch(GovernedDatabaseType.class::isInstance));
    }

    @Test
    void namesTheDriverAndReadsUrlsAsTheDriverDoes() {
        assertEquals(GovernedDriver.class.getName(), type.getDriverClass("jdbc:governed:h2:mem:x", null));
        assertEquals(GovernedDriver.PREFIX, GovernedDatabaseType.PREFIX);
        for (String url : List.of("jdbc:governed:postgresql://db/app", "jdbc:governed:h2:mem:x;MODE=MySQL",
                "jdbc:governed:", "jdbc:postgresql://db/app")) {
            assertEquals(GovernedDriver.realUrl(url), GovernedDatabaseType.realUrl(url), url);
        }
        assertNull(GovernedDatabaseType.realUrl(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PostgreSQL", "MariaDB", "MySQL", "H2", "governance-jdbc"})
    void neverClaimsAConnection(String product) {
        assertFalse(type.handlesDatabaseProductNameAndVersion(product, "1.0", null));
    }

    /** What Flyway's own support sets for the real URL (its names differ between Flyway versions). */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql://db/app", "mariadb://db/app", "mysql://db/app"})
    void connectionPropertiesAreTheRealDatabaseSupportsOwn(String rest) {
        ClassLoader loader = getClass().getClassLoader();
        DatabaseType real = (DatabaseType) DatabaseTypeRegister.getDatabaseTypesForUrl("jdbc:" + rest, null).get(0);
        Properties expected = new Properties();
        real.setDefaultConnectionProps("jdbc:" + rest, expected, loader);
        assertFalse(expected.isEmpty(), real + " sets connection properties (the program's name)");

        Properties governed = new Properties();
        type.setDefaultConnectionProps("jdbc:governed:" + rest, governed, loader);
        assertEquals(expected, governed);
    }

    @Test
    void noFlywaySupportForTheRealUrlAddsNothing() {
        Properties none = new Properties();
        type.setDefaultConnectionProps("jdbc:governed:nosuchdb://db/app", none, getClass().getClassLoader());
        assertTrue(none.isEmpty(), none.toString());
        assertTrue(type.detectUserRequiredByUrl("jdbc:governed:nosuchdb://db/app"));
    }
}
