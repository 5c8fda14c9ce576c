package dev.governance.jdbc.examples.flyway;

import dev.governance.jdbc.GovernedDataSource;
import dev.governance.jdbc.approval.ApprovalRequest;
import dev.governance.jdbc.approval.ApprovalStatus;
import dev.governance.jdbc.approval.Approvals;
import dev.governance.jdbc.examples.support.ExampleDatabase;
import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway run by an agent identity in production: each schema change waits for a dba's approval (wait mode), the
 * data migration runs at once, Flyway's own housekeeping passes. Flyway is given the governed DataSource (it
 * finds the database type from the connection), so no Flyway plugin is needed.
 *
 * <p>Run: {@code mvn -B -q -DskipTests -pl governance-jdbc-examples -am package exec:java
 * -Dexec.mainClass=dev.governance.jdbc.examples.flyway.FlywayExample}
 */
public final class FlywayExample {
    public static final String MIGRATIONS = "classpath:db/agent-migrations";

    private FlywayExample() {
    }

    /** The agent's governed DataSource: approvals in a shared store, so a reviewer elsewhere can decide. */
    public static GovernedDataSource agentDataSource(ExampleDatabase db, String approvalStore, String mode,
                                                     String auditSinks) {
        GovernedDataSource ds = new GovernedDataSource(db.governedUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        ds.setIdentitySubject("migration-agent");
        ds.setIdentityKind("agent");
        ds.setIdentityAllowUnverified("true");
        ds.setEnvironment("production");
        ds.setApprovalStore(approvalStore);
        ds.setApprovalMode(mode);
        ds.setApprovalTimeout("PT60S");
        ds.setAuditSinks(auditSinks);
        return ds;
    }

    public static MigrateResult migrate(GovernedDataSource agent) {
        return flyway(agent).migrate();
    }

    /**
     * A refused migration (fail mode) ran nothing, but on databases without transactional DDL (MariaDB, MySQL,
     * H2) Flyway records it as failed; once approved, {@code repair} clears that record and {@code migrate} goes on.
     * On PostgreSQL the failed migration rolled back and leaves no record: migrate again.
     */
    public static MigrateResult retryAfterApproval(GovernedDataSource agent) {
        Flyway flyway = flyway(agent);
        flyway.repair();
        return flyway.migrate();
    }

    private static Flyway flyway(GovernedDataSource agent) {
        return Flyway.configure().dataSource(agent).locations(MIGRATIONS).load();
    }

    /** A reviewer in the dba group approving every pending request in the store (what {@code approvals approve} does). */
    public static List<ApprovalRequest> approvePending(String approvalStore, String reviewer)
            throws SQLException, dev.governance.jdbc.approval.ReviewRefusedException {
        Approvals approvals = new Approvals(Approvals.openStore(approvalStore));
        Identity dba = new Identity(reviewer, IdentityKind.HUMAN, List.of("dba"), null, null, true, null);
        List<ApprovalRequest> approved = new java.util.ArrayList<>();
        for (ApprovalRequest r : approvals.list()) {
            if (r.status() == ApprovalStatus.PENDING) {
                approved.add(approvals.approve(r.id(), dba));
            }
        }
        return approved;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("flyway-example");
        String store = "jdbc:h2:file:" + dir.resolve("approvals") + ";AUTO_SERVER=TRUE";
        try (ExampleDatabase db = ExampleDatabase.create(args.length > 0 ? args[0] : "h2")) {
            Thread reviewer = new Thread(() -> {
                try {
                    for (int i = 0; i < 600; i++) {
                        for (ApprovalRequest r : approvePending(store, "dana")) {
                            System.out.println("dba dana approves: " + r.fullSql());
                        }
                        Thread.sleep(100);
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                } catch (SQLException | dev.governance.jdbc.approval.ReviewRefusedException e) {
                    throw new IllegalStateException(e);
                }
            }, "reviewer");
            reviewer.setDaemon(true);
            reviewer.start();
            MigrateResult result = migrate(agentDataSource(db, store, "wait", "otel"));
            reviewer.interrupt();
            System.out.println("migrations executed: " + result.migrationsExecuted);
        }
    }
}
