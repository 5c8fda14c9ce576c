package dev.governance.jdbc.policy;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.SqlStates;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ObjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.governance.jdbc.policy.Fakes.agent;
import static dev.governance.jdbc.policy.Fakes.stmt;
import static dev.governance.jdbc.sql.StatementType.DROP;
import static dev.governance.jdbc.sql.StatementType.TRUNCATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyHolderTest {
    private static final Analysis DROP_TABLE = stmt(DROP).object(ObjectKind.TABLE).writes("t").analysis();
    private static final Analysis TRUNCATE_TABLE = stmt(TRUNCATE).object(ObjectKind.TABLE).writes("t").analysis();

    private static final String DENY_DROP = """
            version: 1
            rules:
              - id: no-drop
                when: { statement: DROP }
                action: deny
            """;
    private static final String DENY_TRUNCATE = """
            version: 1
            rules:
              - id: no-truncate
                when: { statement: TRUNCATE }
                action: deny
            """;

    @TempDir
    Path dir;

    /** Writes and moves the modification time forward, so that a fast rewrite is never missed by the test. */
    private static void write(Path file, String text, int secondsLater) throws Exception {
        FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + secondsLater * 1000L));
    }

    private static Action decide(PolicyHolder holder, Analysis a) {
        return holder.engine().decide(agent("a"), "dev", a).action();
    }

    @Test
    void newRulesApplyAfterTheFileChanges() throws Exception {
        Path file = dir.resolve("policy.yaml");
        write(file, DENY_DROP, 0);
        PolicyHolder holder = PolicyHolder.open(file.toString(), true, Duration.ZERO);
        List<Policy> loaded = new CopyOnWriteArrayList<>();
        holder.onLoaded(loaded::add);
        assertEquals(1, loaded.size(), "a listener hears the policy in force at once");
        assertEquals(Action.DENY, decide(holder, DROP_TABLE));
        assertEquals(Action.ALLOW, decide(holder, TRUNCATE_TABLE));

        write(file, DENY_TRUNCATE, 2);
        assertEquals(Action.ALLOW, decide(holder, DROP_TABLE), "the new version is in force");
        assertEquals(Action.DENY, decide(holder, TRUNCATE_TABLE));
        assertEquals(2, loaded.size());
        assertNotNull(loaded.get(1).rule("no-truncate"));
        assertNull(holder.lastReloadError());
    }

    @Test
    void aBadVersionKeepsTheLastGoodOneAndIsReported() throws Exception {
        Path file = dir.resolve("policy.yaml");
        write(file, DENY_DROP, 0);
        PolicyHolder holder = PolicyHolder.open(file.toString(), true, Duration.ZERO);
        List<String> errors = new ArrayList<>();
        List<Policy> loaded = new ArrayList<>();
        holder.onReloadError(errors::add);
        holder.onLoaded(loaded::add);
        Policy good = holder.current();

        write(file, "version: 1\nrules:\n  - id: x\n    when: { statement: DROPP }\n    action: deny\n", 2);
        assertEquals(Action.DENY, decide(holder, DROP_TABLE), "the last good policy stays in force");
        assertSame(good, holder.current());
        assertNotNull(holder.lastReloadError());
        assertTrue(holder.lastReloadError().startsWith("governance.policy=" + file + " line 4: rules[0].when.statement:"),
                holder.lastReloadError());
        assertTrue(holder.lastReloadError().endsWith("keeping the policy loaded before"));
        assertEquals(1, errors.size());
        decide(holder, DROP_TABLE);
        assertEquals(1, errors.size(), "the same problem is reported once");

        write(file, "{{{ not yaml", 2);
        assertEquals(Action.DENY, decide(holder, DROP_TABLE));
        assertEquals(2, errors.size());
        assertTrue(errors.get(1).contains("not valid YAML"), errors.get(1));

        Files.delete(file);
        assertEquals(Action.DENY, decide(holder, DROP_TABLE), "a missing file keeps the policy too");
        assertTrue(holder.lastReloadError().contains("missing"));

        write(file, DENY_TRUNCATE, 4);
        assertEquals(Action.DENY, decide(holder, TRUNCATE_TABLE), "a good version is taken again");
        assertNull(holder.lastReloadError());
        assertEquals(2, loaded.size());
    }

    @Test
    void checksAtMostOncePerInterval() throws Exception {
        Path file = dir.resolve("policy.yaml");
        write(file, DENY_DROP, 0);
        PolicyHolder holder = PolicyHolder.open(file.toString(), true, Duration.ofHours(1));
        write(file, DENY_TRUNCATE, 2);
        assertEquals(Action.DENY, decide(holder, DROP_TABLE), "not looked at yet");
        assertTrue(holder.check(), "an explicit check loads it");
        assertEquals(Action.ALLOW, decide(holder, DROP_TABLE));
        assertFalse(holder.check(), "nothing changed since");
    }

    @Test
    void touchedButUnchangedIsNotALoad() throws Exception {
        Path file = dir.resolve("policy.yaml");
        write(file, DENY_DROP, 0);
        PolicyHolder holder = PolicyHolder.open(file.toString(), true, Duration.ZERO);
        List<Policy> loaded = new ArrayList<>();
        holder.onLoaded(loaded::add);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertFalse(holder.check());
        assertEquals(1, loaded.size());
    }

    @Test
    void reloadOffNeverLooks() throws Exception {
        Path file = dir.resolve("policy.yaml");
        write(file, DENY_DROP, 0);
        PolicyHolder holder = PolicyHolder.open(file.toString(), false, Duration.ZERO);
        write(file, DENY_TRUNCATE, 2);
        assertEquals(Action.DENY, decide(holder, DROP_TABLE));
        assertFalse(holder.check());
    }

    @Test
    void noLocationMeansTheBaseline() throws Exception {
        PolicyHolder holder = PolicyHolder.open(null, true);
        assertEquals(PolicyLoader.BASELINE_LOCATION, holder.current().source());
        assertEquals(Action.DENY, decide(holder, DROP_TABLE));
        assertEquals(PolicyLoader.BASELINE_LOCATION, PolicyHolder.open("  ", true).current().source());
    }

    @Test
    void classpathLocationsLoad() throws Exception {
        PolicyHolder holder = PolicyHolder.open(PolicyLoader.BASELINE_LOCATION, true);
        assertNotNull(holder.current().rule("agent-no-drop"));
        assertFalse(holder.check(), "a classpath resource can't change");
    }

    @Test
    void aBadPolicyAtConnectFailsWithVg000NamingKeyValueAndLine() throws Exception {
        Path file = dir.resolve("bad.yaml");
        write(file, "version: 1\nrules:\n  - id: a\n    action: nope\n", 0);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> PolicyHolder.open(file.toString(), true));
        assertEquals(SqlStates.CONFIGURATION, e.getSQLState());
        assertTrue(e.getMessage().startsWith("governance.policy=" + file + " line 4: rules[0].action: unknown action 'nope'"),
                e.getMessage());

        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> PolicyHolder.open(dir.resolve("none.yaml").toString(), true));
        assertTrue(missing.getMessage().startsWith("governance.policy=" + dir.resolve("none.yaml") + ": can't be read"),
                missing.getMessage());

        ConfigurationException invalid = assertThrows(ConfigurationException.class, () -> PolicyHolder.open("bad\0path", true));
        assertEquals(SqlStates.CONFIGURATION, invalid.getSQLState());
        assertTrue(invalid.getMessage().startsWith("governance.policy=bad"), invalid.getMessage());
    }
}
