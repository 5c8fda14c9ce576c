package dev.governance.jdbc.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What {@link Databases} does when a database is missing; needs no database (it probes a closed port). */
class DatabasesTest {

    @Test
    void unreachableDatabaseFailsWhenRequired() throws IOException {
        Databases.Target target = closedPostgres();
        AssertionError error = assertThrows(AssertionError.class, () -> Databases.require(target, true));
        assertTrue(error.getMessage().startsWith("PostgreSQL on " + target.address
                + " is required in CI; run scripts/start-databases.sh"), error.getMessage());
        assertTrue(error.getCause() instanceof SQLException, () -> "cause: " + error.getCause());
    }

    @Test
    void unreachableDatabaseAbortsWhenNotRequired() throws IOException {
        Databases.Target target = closedMariaDb();
        TestAbortedException aborted =
                assertThrows(TestAbortedException.class, () -> Databases.require(target, false));
        assertTrue(aborted.getMessage().contains("MariaDB on " + target.address + " is not reachable"),
                aborted.getMessage());
        assertTrue(aborted.getMessage().contains("scripts/start-databases.sh"), aborted.getMessage());
    }

    @Test
    void probeIsCached() throws IOException {
        Databases.Target target = closedPostgres();
        SQLException first = target.probe();
        assertSame(first, target.probe());
    }

    @Test
    void probeGivesUpWithinTheTimeout() throws IOException {
        Databases.Target target = closedMariaDb();
        long start = System.nanoTime();
        assertDoesNotThrow(target::probe);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, () -> "probe took " + millis + " ms");
    }

    private static Databases.Target closedPostgres() throws IOException {
        int port = closedPort();
        return new Databases.Target("PostgreSQL", "127.0.0.1:" + port, "jdbc:postgresql://127.0.0.1:" + port + "/test",
                "postgres", "", Databases.Dialect.POSTGRES);
    }

    private static Databases.Target closedMariaDb() throws IOException {
        int port = closedPort();
        return new Databases.Target("MariaDB", "127.0.0.1:" + port, "jdbc:mariadb://127.0.0.1:" + port + "/test",
                "root", "", Databases.Dialect.MARIADB);
    }

    /** A port nothing listens on (a moment ago the OS handed it out as free). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
