package dev.governance.jdbc.console;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * What the console's tests need from the machine: PostgreSQL (scripts/start-databases.sh) and Chromium with its
 * driver (scripts/install-chromium.sh). Missing on a developer machine: the test is skipped; in CI
 * ({@code CI=true} or {@code governance.it.require-databases=true}): it fails.
 */
final class Required {
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Required() {
    }

    static boolean strict() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || Boolean.getBoolean("governance.it.require-databases");
    }

    static void postgres() {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL)) {
            c.isValid(2);
        } catch (SQLException e) {
            missing("PostgreSQL at " + POSTGRES_URL + " (run scripts/start-databases.sh): " + e.getMessage());
        }
    }

    static void chromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            missing("chromium and chromedriver (run scripts/install-chromium.sh)");
        }
    }

    private static void missing(String what) {
        if (strict()) {
            Assertions.fail("required for this test: " + what);
        }
        Assumptions.abort("skipped, not available: " + what);
    }
}
