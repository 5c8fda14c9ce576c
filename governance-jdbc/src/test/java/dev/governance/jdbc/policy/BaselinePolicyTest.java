package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static dev.governance.jdbc.policy.Fakes.agent;
import static dev.governance.jdbc.policy.Fakes.analysis;
import static dev.governance.jdbc.policy.Fakes.human;
import static dev.governance.jdbc.policy.Fakes.service;
import static dev.governance.jdbc.policy.Fakes.stmt;
import static dev.governance.jdbc.sql.StatementType.ALTER;
import static dev.governance.jdbc.sql.StatementType.CREATE;
import static dev.governance.jdbc.sql.StatementType.DELETE;
import static dev.governance.jdbc.sql.StatementType.DROP;
import static dev.governance.jdbc.sql.StatementType.GRANT;
import static dev.governance.jdbc.sql.StatementType.INSERT;
import static dev.governance.jdbc.sql.StatementType.MERGE;
import static dev.governance.jdbc.sql.StatementType.OTHER;
import static dev.governance.jdbc.sql.StatementType.REVOKE;
import static dev.governance.jdbc.sql.StatementType.SELECT;
import static dev.governance.jdbc.sql.StatementType.SET;
import static dev.governance.jdbc.sql.StatementType.TRUNCATE;
import static dev.governance.jdbc.sql.StatementType.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in baseline (contract 4.5), decision by decision. */
class BaselinePolicyTest {
    private static final PolicyEngine BASELINE = new PolicyEngine(PolicyLoader.baseline());
    private static final Identity AGENT = agent("agent-7");
    private static final Identity HUMAN = human("alice");
    private static final Identity SERVICE = service("billing");
    private static final PrimaryKeys KEYS = t -> Set.of(new ColumnName(t, "id"));

    private static Decision decide(Identity who, String env, Analysis a) {
        return BASELINE.decide(who, env, a, KEYS);
    }

    private static void denied(Identity who, String env, Analysis a, String rule) {
        Decision d = decide(who, env, a);
        assertEquals(Action.DENY, d.action(), () -> "expected deny by " + rule + ", got " + d.summary());
        assertEquals(rule, d.decidingRule(), d::summary);
        assertEquals(Mode.ENFORCE, d.mode());
    }

    private static void allowed(Identity who, String env, Analysis a) {
        Decision d = decide(who, env, a);
        assertEquals(Action.ALLOW, d.action(), d::summary);
    }

    // ------------------------------------------------------------------ agents

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging", "dev"})
    void agentsMayNotDropOrTruncateAnywhere(String env) {
        denied(AGENT, env, stmt(DROP).object(ObjectKind.TABLE).writes("public.orders").analysis(), "agent-no-drop");
        denied(AGENT, env, stmt(TRUNCATE).object(ObjectKind.TABLE).writes("public.orders").analysis(), "agent-no-drop");
    }

    @Test
    void agentsMayNotChangePrivilegesOrUsers() {
        denied(AGENT, "dev", stmt(GRANT).object(ObjectKind.TABLE).analysis(), "agent-no-privilege-change");
        denied(AGENT, "dev", stmt(REVOKE).analysis(), "agent-no-privilege-change");
        denied(AGENT, "dev", stmt(CREATE).object(ObjectKind.USER).analysis(), "agent-no-user-management");
        denied(AGENT, "dev", stmt(ALTER).object(ObjectKind.ROLE).analysis(), "agent-no-user-management");
        denied(AGENT, "dev", stmt(OTHER).hazard(Hazard.USER_MANAGEMENT).analysis(), "agent-no-user-management-command");
        denied(AGENT, "dev", stmt(SET).hazard(Hazard.IDENTITY_SWITCH).analysis(), "agent-no-user-management-command");
    }

    @ParameterizedTest
    @EnumSource(value = dev.governance.jdbc.sql.StatementType.class, names = {"UPDATE", "DELETE", "MERGE"})
    void agentsMayNotChangeWithoutWhere(dev.governance.jdbc.sql.StatementType type) {
        denied(AGENT, "dev", stmt(type).writes("public.orders").unbounded().analysis(), "agent-no-unbounded-change");
        allowed(AGENT, "dev", stmt(type).writes("public.orders").analysis());
    }

    @Test
    void agentsMayNotUpdatePrimaryKeys() {
        denied(AGENT, "dev", stmt(UPDATE).writes("public.orders").updates("public.orders.id").analysis(),
                "agent-no-primary-key-update");
        denied(AGENT, "dev", stmt(INSERT).writes("public.orders").updates("public.orders.id").analysis(),
                "agent-no-primary-key-update"); // INSERT ... ON CONFLICT DO UPDATE SET id = ...
        allowed(AGENT, "dev", stmt(UPDATE).writes("public.orders").updates("public.orders.status").analysis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.client_secrets", "api_keys", "public.user_credentials", "auth.refresh_tokens",
            "public.APIKEYS", "SECRET"})
    void agentsMayNotWriteSecretTables(String table) {
        denied(AGENT, "dev", stmt(INSERT).writes(table).analysis(), "agent-no-secret-tables");
        denied(AGENT, "dev", stmt(UPDATE).writes(table).analysis(), "agent-no-secret-tables");
    }

    @Test
    void agentsMayReadTablesNamedLikeSecrets() {
        allowed(AGENT, "dev", stmt(SELECT).reads("app.client_secrets").analysis());
    }

    @ParameterizedTest
    @EnumSource(Hazard.class)
    void agentsMayNotDoAnythingDangerous(Hazard hazard) {
        Decision d = decide(AGENT, "dev", stmt(OTHER).hazard(hazard).analysis());
        assertEquals(Action.DENY, d.action(), d::summary);
        assertTrue(d.ruleIds().contains("agent-no-dangerous-commands"), d::summary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg_read_file", "FILE_READ", "csvwrite", "dblink_exec", "lo_export", "pg_terminate_backend",
            "load_file"})
    void agentsMayNotCallDangerousFunctionsEvenWithoutAHazard(String function) {
        denied(AGENT, "dev", stmt(SELECT).calls(function).analysis(), "agent-no-dangerous-functions");
    }

    @Test
    void agentsMayNotSendUnparseableOrMultiStatementSql() {
        denied(AGENT, "dev", Fakes.unreadable(), "agent-no-unparseable");
        denied(AGENT, "dev", stmt(SELECT).unparseable().analysis(), "agent-no-unparseable");
        denied(AGENT, "dev", analysis(stmt(SELECT).reads("a"), stmt(SELECT).reads("b")), "agent-no-multi-statement");
    }

    @Test
    void agentDdlInProductionNeedsApproval() {
        Decision d = decide(AGENT, "production", stmt(CREATE).object(ObjectKind.TABLE).writes("public.t").analysis());
        assertEquals(Action.APPROVE, d.action());
        assertEquals("agent-prod-ddl-reviewed", d.decidingRule());
        assertEquals(List.of("dba"), d.approvers());
        assertTrue(d.needsApproval());
        assertEquals(Action.APPROVE, decide(AGENT, "production", stmt(ALTER).object(ObjectKind.TABLE).analysis()).action());
        allowed(AGENT, "dev", stmt(CREATE).object(ObjectKind.TABLE).writes("public.t").analysis());
    }

    @Test
    void agentsMayDoOrdinaryWork() {
        allowed(AGENT, "production", stmt(SELECT).reads("public.orders", "public.customers").columns("public.orders.id").analysis());
        allowed(AGENT, "production", stmt(INSERT).writes("public.orders").analysis());
        allowed(AGENT, "production", stmt(UPDATE).reads("public.orders").writes("public.orders").updates("public.orders.status").analysis());
        allowed(AGENT, "production", stmt(DELETE).writes("public.orders").analysis());
        allowed(AGENT, "production", stmt(SELECT).calls("lower", "count", "now").analysis());
    }

    // ------------------------------------------------------------------ humans

    @Test
    void humanDropAndTruncateInProductionNeedApproval() {
        Decision d = decide(HUMAN, "production", stmt(DROP).object(ObjectKind.TABLE).writes("t").analysis());
        assertEquals(Action.APPROVE, d.action());
        assertEquals("human-prod-drop-reviewed", d.decidingRule());
        assertEquals(Action.APPROVE, decide(HUMAN, "production", stmt(TRUNCATE).writes("t").analysis()).action());
        allowed(HUMAN, "dev", stmt(DROP).object(ObjectKind.TABLE).writes("t").analysis());
    }

    @Test
    void humansMayNotChangeWithoutWhere() {
        denied(HUMAN, "dev", stmt(UPDATE).writes("t").unbounded().analysis(), "human-no-unbounded-change");
        denied(HUMAN, "production", stmt(DELETE).writes("t").unbounded().analysis(), "human-no-unbounded-change");
        allowed(HUMAN, "production", stmt(DELETE).writes("t").analysis());
    }

    @Test
    void humansHaveWhatTheBaselineDoesNotLimit() {
        allowed(HUMAN, "production", stmt(GRANT).analysis());
        allowed(HUMAN, "production", stmt(CREATE).object(ObjectKind.TABLE).analysis());
        allowed(HUMAN, "production", stmt(UPDATE).writes("t").updates("t.id").analysis());
        allowed(HUMAN, "production", analysis(stmt(SELECT).reads("a"), stmt(SELECT).reads("b")));
        // A multi-statement text is the strictest of its statements.
        Decision d = decide(HUMAN, "production", analysis(stmt(SELECT).reads("a"), stmt(DELETE).writes("b").unbounded()));
        assertEquals(Action.DENY, d.action());
    }

    @Test
    void humanUnparseableSqlInProductionNeedsApproval() {
        Decision d = decide(HUMAN, "production", Fakes.unreadable());
        assertEquals(Action.APPROVE, d.action());
        assertEquals("human-prod-unparseable-reviewed", d.decidingRule());
        allowed(HUMAN, "dev", Fakes.unreadable());
    }

    // ------------------------------------------------------------------ services and masking

    @Test
    void servicesAreNotLimited() {
        allowed(SERVICE, "production", stmt(DROP).object(ObjectKind.TABLE).writes("t").analysis());
        allowed(SERVICE, "production", stmt(UPDATE).writes("t").unbounded().analysis());
        allowed(SERVICE, "production", Fakes.unreadable());
    }

    @Test
    void masking() {
        Analysis select = stmt(SELECT).reads("crm.people").analysis();
        assertTrue(decide(AGENT, "production", select).masking());
        assertTrue(decide(HUMAN, "production", select).masking());
        assertFalse(decide(human("carol", "pii-reader"), "production", select).masking());
        assertFalse(decide(agent("reporting", "pii-reader"), "production", select).masking());
        assertFalse(decide(SERVICE, "production", select).masking());
        assertEquals(MaskingPolicy.Detect.AUTO, BASELINE.policy().masking().detect());
    }
}
