package dev.governance.jdbc.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * For machines with Docker and no local test servers (a laptop): starts PostgreSQL 15 or MariaDB 10.11 in a
 * container, once per JVM (Testcontainers' reaper removes it at exit). Where neither a server nor Docker is there,
 * {@link Databases} skips the test with a message — or fails it in CI.
 */
final class ContainerFallback {
    private ContainerFallback() {
    }

    /** True when a container now serves {@code target}; false when Docker isn't available or the start failed. */
    static synchronized boolean start(Databases.Target target) {
        if (!dockerAvailable()) {
            return false;
        }
        try {
            JdbcDatabaseContainer<?> container = target.dialect == Databases.Dialect.POSTGRES
                    ? new PostgreSQLContainer<>("postgres:15").withDatabaseName("test").withUsername("postgres")
                    .withPassword("postgres")
                    : new MariaDBContainer<>("mariadb:10.11").withDatabaseName("test").withUsername("root")
                    .withPassword("");
            container.start();
            target.switchTo(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            return true;
        } catch (RuntimeException e) {
            System.err.println("[databases] could not start a " + target.name + " container: " + e);
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
