package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.ColumnName;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.governance.jdbc.policy.Fakes.agent;
import static dev.governance.jdbc.policy.Fakes.analysis;
import static dev.governance.jdbc.policy.Fakes.human;
import static dev.governance.jdbc.policy.Fakes.identity;
import static dev.governance.jdbc.policy.Fakes.service;
import static dev.governance.jdbc.policy.Fakes.stmt;
import static dev.governance.jdbc.sql.StatementType.ALTER;
import static dev.governance.jdbc.sql.StatementType.CREATE;
import static dev.governance.jdbc.sql.StatementType.DELETE;
import static dev.governance.jdbc.sql.StatementType.DROP;
import static dev.governance.jdbc.sql.StatementType.INSERT;
import static dev.governance.jdbc.sql.StatementType.OTHER;
import static dev.governance.jdbc.sql.StatementType.SELECT;
import static dev.governance.jdbc.sql.StatementType.TRUNCATE;
import static dev.governance.jdbc.sql.StatementType.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyEngineTest {
    private static final Identity AGENT = agent("agent-7");
    private static final Identity DBA = human("alice", "dba");
    private static final Identity MIGRATOR = service("spiffe://prod.example/ns/ci/sa/flyway");

    private static PolicyEngine engine(String yaml) throws Exception {
        return new PolicyEngine(PolicyLoader.parse("test.yaml", yaml));
    }

    private static final PolicyEngine CONTRACT;

    static {
        try {
            CONTRACT = engine(PolicyLoaderTest.CONTRACT_EXAMPLE);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ------------------------------------------------------------------ the contract example

    @Test
    void denyRuleAndItsUnless() {
        Analysis drop = stmt(DROP).object(ObjectKind.TABLE).writes("public.orders").analysis();
        Decision d = CONTRACT.decide(AGENT, "production", drop);
        assertEquals(Action.DENY, d.action());
        assertEquals("no-drop", d.decidingRule());
        assertEquals("Dropping or truncating tables is never done by software here", d.reason());
        assertTrue(d.blocks());

        // unless: dba in dev or staging removes the rule.
        assertEquals(Action.ALLOW, CONTRACT.decide(DBA, "dev", drop).action());
        assertEquals(Action.ALLOW, CONTRACT.decide(DBA, "STAGING", drop).action(), "environments ignore case");
        // ... but only when every unless field holds.
        assertEquals(Action.DENY, CONTRACT.decide(DBA, "production", drop).action());
        assertEquals(Action.DENY, CONTRACT.decide(human("bob"), "dev", drop).action());
    }

    @Test
    void approveRuleWithApproversAndAutoApprove() {
        Analysis createTable = stmt(CREATE).object(ObjectKind.TABLE).writes("public.t").analysis();
        Decision d = CONTRACT.decide(DBA, "production", createTable);
        assertEquals(Action.APPROVE, d.action());
        assertEquals(List.of("dba"), d.approvers());
        assertFalse(d.autoApproved());
        assertTrue(d.needsApproval());
        assertEquals("CREATE TABLE in production needs approval", d.reason());

        Analysis createIndex = stmt(CREATE).object(ObjectKind.INDEX).writes("public.t").analysis();
        Decision auto = CONTRACT.decide(MIGRATOR, "production", createIndex);
        assertEquals(Action.APPROVE, auto.action());
        assertTrue(auto.autoApproved());
        assertFalse(auto.needsApproval());
        // The migrator's CREATE TABLE is not covered by auto-approve.
        assertFalse(CONTRACT.decide(MIGRATOR, "production", createTable).autoApproved());
        // Not production: the rule doesn't apply.
        assertEquals(Action.ALLOW, CONTRACT.decide(DBA, "dev", createTable).action());
    }

    @Test
    void maxRowsOnlyRule() {
        Analysis update = stmt(UPDATE).reads("public.orders").writes("public.agent_notes").analysis();
        Decision d = CONTRACT.decide(AGENT, "production", update);
        assertEquals(Action.ALLOW, d.action());
        assertEquals(new Decision.RowLimit(100, "small-blast-radius"), d.maxRows());
        assertEquals(List.of("small-blast-radius"), d.ruleIds());
        assertNull(CONTRACT.decide(DBA, "production", update).maxRows(), "the rule is for agents only");
    }

    @Test
    void accessLists() {
        // Inside the lists: allowed.
        assertEquals(Action.ALLOW, CONTRACT.decide(AGENT, "production",
                stmt(SELECT).reads("public.orders", "analytics.daily").analysis()).action());
        assertEquals(Action.ALLOW, CONTRACT.decide(AGENT, "production",
                stmt(INSERT).writes("public.agent_notes").analysis()).action());
        assertEquals(Action.ALLOW, CONTRACT.decide(AGENT, "production",
                stmt(SELECT).reads("PUBLIC.Orders").analysis()).action(), "names compare case-insensitively");
        // A table that may be written may also be read (UPDATE ... WHERE reads its target).
        assertEquals(Action.ALLOW, CONTRACT.decide(AGENT, "production",
                stmt(UPDATE).reads("public.agent_notes").writes("public.agent_notes").analysis()).action());

        Decision read = CONTRACT.decide(AGENT, "production", stmt(SELECT).reads("public.orders", "hr.salaries").analysis());
        assertEquals(Action.DENY, read.action());
        assertEquals("access", read.decidingRule());
        assertEquals("reads hr.salaries, which is outside this identity's access list", read.reason());

        Decision write = CONTRACT.decide(AGENT, "production", stmt(INSERT).writes("public.orders").analysis());
        assertEquals(Action.DENY, write.action(), "orders may be read, not written");
        assertTrue(write.reason().startsWith("writes public.orders"));

        // No entry for this identity or environment: no limit.
        assertEquals(Action.ALLOW, CONTRACT.decide(DBA, "production", stmt(SELECT).reads("hr.salaries").analysis()).action());
        assertEquals(Action.ALLOW, CONTRACT.decide(AGENT, "dev", stmt(SELECT).reads("hr.salaries").analysis()).action());
    }

    @Test
    void unparseableAndMultiStatementDefaults() {
        Decision u = CONTRACT.decide(DBA, "dev", Fakes.unreadable());
        assertEquals(Action.DENY, u.action());
        assertEquals("unparseable", u.decidingRule());
        assertEquals("the SQL could not be read reliably (syntax error)", u.reason());

        Decision m = CONTRACT.decide(DBA, "dev", analysis(stmt(SELECT).reads("a"), stmt(SELECT).reads("b")));
        assertEquals(Action.DENY, m.action());
        assertEquals("multi-statement", m.decidingRule());
    }

    @Test
    void multiStatementAllowedIsTheStrictestOfItsStatements() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                rules:
                  - id: ddl
                    when: { statement: [CREATE] }
                    action: approve
                    approvers: { groups: [dba] }
                  - id: no-truncate
                    when: { statement: TRUNCATE }
                    action: deny
                defaults: { multi-statement: allow }
                """);
        Decision two = e.decide(AGENT, "dev", analysis(stmt(SELECT).reads("a"), stmt(CREATE).writes("b")));
        assertEquals(Action.APPROVE, two.action());
        assertEquals(List.of("multi-statement", "ddl"), two.ruleIds());
        assertEquals("ddl", two.decidingRule());

        Decision three = e.decide(AGENT, "dev",
                analysis(stmt(CREATE).writes("b"), stmt(SELECT).reads("a"), stmt(TRUNCATE).writes("c")));
        assertEquals(Action.DENY, three.action());
        assertEquals("no-truncate", three.decidingRule());
        assertEquals(List.of("multi-statement", "ddl", "no-truncate"), three.ruleIds());
    }

    @Test
    void unlessRemovesTheRuleOnlyForTheStatementsItMatches() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                rules:
                  - id: no-delete
                    when:   { statement: DELETE }
                    unless: { tables: ["scratch.*"] }
                    action: deny
                defaults: { multi-statement: allow }
                """);
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev", stmt(DELETE).writes("scratch.tmp").analysis()).action());
        assertEquals(Action.DENY, e.decide(AGENT, "dev", stmt(DELETE).writes("app.orders").analysis()).action());
        Decision mixed = e.decide(AGENT, "dev",
                analysis(stmt(DELETE).writes("scratch.tmp"), stmt(DELETE).writes("app.orders")));
        assertEquals(Action.DENY, mixed.action(), "the second statement is not exempt");
        assertEquals("no-delete", mixed.decidingRule());
    }

    // ------------------------------------------------------------------ precedence and aggregation

    @Test
    void strictestWinsWhateverTheOrder() throws Exception {
        String rules = """
                version: 1
                rules:
                  - id: a-allow
                    when: { statement: DELETE }
                    action: allow
                  - id: b-approve
                    when: { statement: DELETE }
                    action: approve
                    approvers: { groups: [ops] }
                  - id: c-deny
                    when: { statement: DELETE, tables: ["*audit*"] }
                    action: deny
                """;
        PolicyEngine e = engine(rules);
        Decision plain = e.decide(AGENT, "dev", stmt(DELETE).writes("app.orders").analysis());
        assertEquals(Action.APPROVE, plain.action());
        assertEquals("b-approve", plain.decidingRule());
        assertEquals(List.of("a-allow", "b-approve"), plain.ruleIds());

        Decision audit = e.decide(AGENT, "dev", stmt(DELETE).writes("app.audit_log").analysis());
        assertEquals(Action.DENY, audit.action());
        assertEquals("c-deny", audit.decidingRule());
        assertEquals(List.of("a-allow", "b-approve", "c-deny"), audit.ruleIds());
        assertFalse(audit.autoApproved());

        // Same rules, reversed order: same outcome.
        String reversed = """
                version: 1
                rules:
                  - id: c-deny
                    when: { statement: DELETE, tables: ["*audit*"] }
                    action: deny
                  - id: b-approve
                    when: { statement: DELETE }
                    action: approve
                    approvers: { groups: [ops] }
                  - id: a-allow
                    when: { statement: DELETE }
                    action: allow
                """;
        assertEquals("c-deny", engine(reversed).decide(AGENT, "dev", stmt(DELETE).writes("app.audit_log").analysis()).decidingRule());
        assertEquals(Action.APPROVE, engine(reversed).decide(AGENT, "dev", stmt(DELETE).writes("app.x").analysis()).action());
    }

    @Test
    void maxRowsTakesTheSmallestAndApproversAreUnited() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                rules:
                  - id: wide
                    when: { statement: [UPDATE, DELETE] }
                    max-rows: 1000
                  - id: narrow
                    when: { statement: UPDATE, tables: ["orders"] }
                    max-rows: 10
                  - id: review-a
                    when: { statement: UPDATE }
                    action: approve
                    approvers: { groups: [dba, ops] }
                    auto-approve: { identity: { kind: service } }
                  - id: review-b
                    when: { statement: UPDATE, tables: ["orders"] }
                    action: approve
                    approvers: { groups: [ops, finance] }
                    max-rows: 50
                """);
        Decision d = e.decide(AGENT, "dev", stmt(UPDATE).writes("shop.orders").analysis());
        assertEquals(Action.APPROVE, d.action());
        assertEquals(new Decision.RowLimit(10, "narrow"), d.maxRows());
        assertEquals(List.of("dba", "ops", "finance"), d.approvers());
        assertFalse(d.autoApproved());

        // Only review-a applies to other tables, and its auto-approve matches services: auto-approved.
        Decision svc = e.decide(service("billing"), "dev", stmt(UPDATE).writes("shop.items").analysis());
        assertTrue(svc.autoApproved());
        assertEquals(new Decision.RowLimit(1000, "wide"), svc.maxRows());
        // Both approve rules apply to orders but only one auto-approves: not auto-approved.
        assertFalse(e.decide(service("billing"), "dev", stmt(UPDATE).writes("shop.orders").analysis()).autoApproved());
        assertEquals(new Decision.RowLimit(1000, "wide"), e.decide(AGENT, "dev", stmt(DELETE).writes("x").analysis()).maxRows());
    }

    @Test
    void dryRunDecidesButNeverBlocks() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                rules:
                  - id: no-drop
                    when: { statement: DROP }
                    action: deny
                  - id: review
                    when: { statement: ALTER }
                    action: approve
                    approvers: { groups: [dba] }
                defaults: { mode: dry-run }
                """);
        Decision d = e.decide(AGENT, "production", stmt(DROP).object(ObjectKind.TABLE).writes("t").analysis());
        assertEquals(Action.DENY, d.action(), "the decision is still computed");
        assertEquals(Mode.DRY_RUN, d.mode());
        assertFalse(d.blocks());
        Decision a = e.decide(AGENT, "production", stmt(ALTER).writes("t").analysis());
        assertEquals(Action.APPROVE, a.action());
        assertFalse(a.needsApproval());
        assertTrue(d.summary().endsWith("[dry-run]"), d.summary());
    }

    // ------------------------------------------------------------------ match fields

    @Test
    void identitySelectors() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                identities:
                  bots:     { subject: ["bot-*", "svc-?"] }
                  agents:   { kind: agent }
                  ops:      { groups: [ops, sre] }
                  unsigned: { verified: false }
                  ops-agents: { kind: agent, groups: [ops] }
                rules:
                  - { id: r-bots, when: { identity: bots, statement: DROP }, action: deny }
                  - { id: r-agents, when: { identity: agents, statement: TRUNCATE }, action: deny }
                  - { id: r-ops, when: { identity: ops, statement: GRANT }, action: deny }
                  - { id: r-unsigned, when: { identity: unsigned, statement: ALTER }, action: deny }
                  - { id: r-both, when: { identity: ops-agents, statement: REVOKE }, action: deny }
                  - { id: r-inline, when: { identity: [{ kind: service }, bots], statement: CALL }, action: deny }
                """);
        Analysis drop = stmt(DROP).analysis();
        assertEquals(Action.DENY, e.decide(human("bot-1"), "dev", drop).action());
        assertEquals(Action.DENY, e.decide(human("svc-x"), "dev", drop).action());
        assertEquals(Action.ALLOW, e.decide(human("svc-xy"), "dev", drop).action(), "? is one character");
        assertEquals(Action.ALLOW, e.decide(human("BOT-1"), "dev", drop).action(), "subjects compare exactly");
        assertEquals(Action.ALLOW, e.decide(human("robot-1"), "dev", drop).action());

        Analysis truncate = stmt(TRUNCATE).analysis();
        assertEquals(Action.DENY, e.decide(agent("a"), "dev", truncate).action());
        assertEquals(Action.ALLOW, e.decide(human("a"), "dev", truncate).action());

        Analysis grant = stmt(dev.governance.jdbc.sql.StatementType.GRANT).analysis();
        assertEquals(Action.DENY, e.decide(human("a", "x", "sre"), "dev", grant).action(), "groups are any-of");
        assertEquals(Action.ALLOW, e.decide(human("a", "dev"), "dev", grant).action());
        assertEquals(Action.ALLOW, e.decide(human("a"), "dev", grant).action());

        Analysis alter = stmt(ALTER).analysis();
        assertEquals(Action.DENY, e.decide(identity(IdentityKind.HUMAN, "a", false), "dev", alter).action());
        assertEquals(Action.ALLOW, e.decide(identity(IdentityKind.HUMAN, "a", true), "dev", alter).action());

        Analysis revoke = stmt(dev.governance.jdbc.sql.StatementType.REVOKE).analysis();
        assertEquals(Action.DENY, e.decide(agent("a", "ops"), "dev", revoke).action());
        assertEquals(Action.ALLOW, e.decide(agent("a"), "dev", revoke).action(), "every selector field must hold");
        assertEquals(Action.ALLOW, e.decide(human("a", "ops"), "dev", revoke).action());

        Analysis call = stmt(dev.governance.jdbc.sql.StatementType.CALL).analysis();
        assertEquals(Action.DENY, e.decide(service("x"), "dev", call).action());
        assertEquals(Action.DENY, e.decide(agent("bot-9"), "dev", call).action());
        assertEquals(Action.ALLOW, e.decide(agent("x"), "dev", call).action());
    }

    @Test
    void objectTablesColumnsFunctionsWhere() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                rules:
                  - { id: no-drop-view, when: { statement: DROP, object: [VIEW] }, action: deny }
                  - { id: orders, when: { tables: ["shop.orders"] }, action: deny }
                  - { id: bare, when: { tables: ["*_archive"] }, action: deny }
                  - { id: email, when: { columns: ["*.email"] }, action: deny }
                  - { id: sleep, when: { functions: ["pg_sleep*"] }, action: deny }
                  - { id: no-where, when: { statement: [UPDATE, DELETE], where: absent }, action: deny }
                """);
        assertEquals("no-drop-view", e.decide(AGENT, "dev", stmt(DROP).object(ObjectKind.VIEW).analysis()).decidingRule());
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev", stmt(DROP).object(ObjectKind.INDEX).analysis()).action());
        assertEquals("orders", e.decide(AGENT, "dev", stmt(SELECT).reads("SHOP.ORDERS").analysis()).decidingRule());
        assertEquals("orders", e.decide(AGENT, "dev", stmt(INSERT).writes("shop.orders").analysis()).decidingRule());
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev", stmt(SELECT).reads("other.orders").analysis()).action());
        assertEquals("bare", e.decide(AGENT, "dev", stmt(SELECT).reads("x.events_archive").analysis()).decidingRule());
        assertEquals("email", e.decide(AGENT, "dev", stmt(SELECT).columns("crm.people.EMAIL").analysis()).decidingRule());
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev", stmt(SELECT).columns("crm.people.emails").analysis()).action());
        assertEquals("sleep", e.decide(AGENT, "dev", stmt(SELECT).calls("pg_sleep_for").analysis()).decidingRule());

        Decision unbounded = e.decide(AGENT, "dev", stmt(UPDATE).writes("t").unbounded().analysis());
        assertEquals("no-where", unbounded.decidingRule());
        assertEquals("UPDATE without a restricting WHERE is not allowed", unbounded.reason());
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev", stmt(UPDATE).writes("t").analysis()).action());
    }

    @Test
    void extensionFields() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                rules:
                  - { id: pk, when: { primary-key: true }, action: deny }
                  - { id: secrets, when: { tables-written: ["*secret*"] }, action: deny }
                  - { id: files, when: { hazards: [SERVER_FILE] }, action: deny }
                  - { id: any-hazard, when: { hazards: any }, action: approve, approvers: { groups: [dba] } }
                  - { id: raw, when: { unparseable: true }, action: approve, approvers: { groups: [dba] } }
                """);
        PrimaryKeys keys = t -> t.key().equals("shop.orders") ? Set.of(new ColumnName(t, "id")) : Set.of();
        Decision pk = e.decide(AGENT, "dev", stmt(UPDATE).writes("shop.orders").updates("shop.orders.ID").analysis(), keys);
        assertEquals("pk", pk.decidingRule());
        assertEquals("UPDATE changes primary key column shop.orders.id is not allowed", pk.reason());
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev",
                stmt(UPDATE).writes("shop.orders").updates("shop.orders.status").analysis(), keys).action());
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev",
                stmt(UPDATE).writes("shop.orders").updates("shop.orders.id").analysis()).action(), "no key info: no match");
        // A column the analyzer could not attribute is checked against the written tables' keys.
        assertEquals("pk", e.decide(AGENT, "dev", stmt(UPDATE).writes("shop.orders").updates("id").analysis(), keys).decidingRule());

        assertEquals("secrets", e.decide(AGENT, "dev", stmt(INSERT).writes("app.client_secrets").analysis()).decidingRule());
        assertEquals(Action.ALLOW, e.decide(AGENT, "dev", stmt(SELECT).reads("app.client_secrets").analysis()).action(),
                "tables-written ignores reads");

        Decision file = e.decide(AGENT, "dev", stmt(OTHER).hazard(Hazard.SERVER_FILE).analysis());
        assertEquals(Action.DENY, file.action());
        assertEquals(List.of("files", "any-hazard"), file.ruleIds());
        Decision net = e.decide(AGENT, "dev", stmt(OTHER).hazard(Hazard.NETWORK_LINK).analysis());
        assertEquals(Action.APPROVE, net.action());
        assertEquals("any-hazard", net.decidingRule());

        // unparseable: true matches also when nothing at all could be read; the default (deny) still applies.
        Decision raw = e.decide(AGENT, "dev", Fakes.unreadable());
        assertEquals(List.of("unparseable", "raw"), raw.ruleIds());
        assertEquals(Action.DENY, raw.action());
    }

    @Test
    void generatedReasonAndAllowWithoutRules() throws Exception {
        PolicyEngine e = engine("""
                version: 1
                rules:
                  - { id: ddl, when: { statement: [CREATE], environment: ["prod*"] }, action: deny }
                """);
        Decision d = e.decide(AGENT, "production", stmt(CREATE).object(ObjectKind.TABLE).analysis());
        assertEquals("CREATE TABLE in production is not allowed", d.reason());
        assertEquals("deny by rule ddl: CREATE TABLE in production is not allowed", d.summary());

        Decision none = e.decide(AGENT, "dev", stmt(CREATE).object(ObjectKind.TABLE).analysis());
        assertEquals(Action.ALLOW, none.action());
        assertTrue(none.ruleIds().isEmpty());
        assertNull(none.decidingRule());
        assertNull(none.maxRows());
        assertEquals(Action.ALLOW, e.decide(AGENT, null, stmt(CREATE).analysis()).action(), "no environment: no match");
    }

    @Test
    void explainAndExitCodes() {
        Decision deny = CONTRACT.decide(AGENT, "production", stmt(DROP).object(ObjectKind.TABLE).writes("hr.x").analysis());
        assertEquals(3, deny.exitCode());
        assertEquals(List.of(
                new Decision.Contribution("no-drop", Action.DENY, "Dropping or truncating tables is never done by software here"),
                new Decision.Contribution("access", Action.DENY, "writes hr.x, which is outside this identity's access list")),
                deny.contributions());
        String text = deny.explain();
        assertTrue(text.startsWith("deny by rule no-drop: Dropping"), text);
        assertTrue(text.contains("access: deny - writes hr.x"), text);
        assertTrue(text.contains("masked"), text);
        assertEquals(4, CONTRACT.decide(DBA, "production", stmt(ALTER).analysis()).exitCode());
        assertEquals(0, CONTRACT.decide(DBA, "production", stmt(SELECT).analysis()).exitCode());
    }

    @Test
    void maskingFlag() throws Exception {
        assertTrue(CONTRACT.decide(AGENT, "dev", stmt(SELECT).analysis()).masking());
        assertFalse(CONTRACT.decide(human("p", "pii-reader"), "dev", stmt(SELECT).analysis()).masking());
        PolicyEngine off = engine("version: 1\nmasking: { detect: off }\n");
        assertFalse(off.decide(AGENT, "dev", stmt(SELECT).analysis()).masking());
        PolicyEngine offWithColumns = engine("version: 1\nmasking: { detect: off, columns: [{ match: [\"*.ssn\"] }] }\n");
        assertTrue(offWithColumns.masks(AGENT), "explicit column rules still mask");
        assertTrue(engine("version: 1\n").masks(service("s")), "no masking section: detect auto, nobody exempt");
    }

    @Test
    void engineIsSafeUnderConcurrentUse() throws Exception {
        Analysis drop = stmt(DROP).writes("t").analysis();
        Analysis select = stmt(SELECT).reads("public.orders").analysis();
        Runnable work = () -> {
            for (int i = 0; i < 20_000; i++) {
                if (CONTRACT.decide(AGENT, "production", drop).action() != Action.DENY
                        || CONTRACT.decide(AGENT, "production", select).action() != Action.ALLOW) {
                    throw new AssertionError("inconsistent decision");
                }
            }
        };
        Thread[] threads = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(work);
            threads[i].setUncaughtExceptionHandler((t, ex) -> failure[0] = ex);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(failure[0]);
    }
}
