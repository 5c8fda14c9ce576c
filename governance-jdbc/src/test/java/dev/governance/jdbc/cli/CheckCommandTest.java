package dev.governance.jdbc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void allowIsExitZero() {
        CliRun run = CliRun.of("check", "--kind", "agent", "SELECT id, status FROM orders WHERE id = 7");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("allow"), run.out());
    }

    @Test
    void denyIsExitThreeAndNamesTheRule() {
        CliRun run = CliRun.of("check", "--kind", "agent", "DROP TABLE orders");
        assertEquals(3, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("agent-no-drop"), run.out());
        CliRun unbounded = CliRun.of("check", "--kind", "agent", "DELETE FROM orders WHERE 1 = 1");
        assertEquals(3, unbounded.exit(), unbounded.out());
        assertTrue(unbounded.out().contains("agent-no-unbounded-change"), unbounded.out());
    }

    @Test
    void approveIsExitFour() {
        CliRun run = CliRun.of("check", "--kind", "human", "--env", "production", "DROP TABLE orders");
        assertEquals(4, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("human-prod-drop-reviewed"), run.out());
        CliRun dev = CliRun.of("check", "--kind", "human", "--env", "dev", "DROP TABLE orders");
        assertEquals(0, dev.exit(), dev.out());
    }

    @Test
    void dialectMatters() {
        // MariaDB runs executable comments; a generic reader would see only a comment.
        CliRun maria = CliRun.of("check", "--kind", "agent", "--dialect", "mariadb", "SELECT 1 /*! ; DROP TABLE orders */");
        assertEquals(3, maria.exit(), maria.out());
    }

    @Test
    void customPolicyAndGroups() throws IOException {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, """
                version: 1
                identities:
                  dba: { groups: [dba] }
                rules:
                  - id: no-drop
                    when: { statement: [DROP] }
                    action: deny
                    message: never
                    unless: { identity: dba }
                """);
        assertEquals(3, CliRun.of("check", "--policy", policy.toString(), "--kind", "human", "DROP TABLE t").exit());
        assertEquals(0, CliRun.of("check", "--policy", policy.toString(), "--kind", "human", "--groups", "ops,dba",
                "DROP TABLE t").exit());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, CliRun.of("check", "--kind", "robot", "SELECT 1").exit());
        assertEquals(2, CliRun.of("check", "--dialect", "oracle9", "SELECT 1").exit());
        CliRun missing = CliRun.of("check", "--policy", dir.resolve("none.yaml").toString(), "SELECT 1");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("none.yaml"), missing.err());
    }

    @Test
    void policyValidateNamesFieldAndLine() throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "version: 1\nrules:\n  - id: r1\n    when: { statement: [DROP] }\n    action: deny\n");
        CliRun ok = CliRun.of("policy", "validate", good.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("valid"), ok.out());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nrules:\n  - id: r1\n    when: { statement: [DROPP] }\n    action: deny\n");
        CliRun failed = CliRun.of("policy", "validate", bad.toString());
        assertEquals(1, failed.exit());
        assertTrue(failed.err().contains("line 4"), failed.err());
        assertTrue(failed.err().contains("statement"), failed.err());
        assertTrue(failed.err().contains("DROPP"), failed.err());
    }
}
