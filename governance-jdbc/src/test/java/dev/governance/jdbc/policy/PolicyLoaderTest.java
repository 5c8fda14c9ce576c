package dev.governance.jdbc.policy;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.SqlStates;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.sql.Hazard;
import dev.governance.jdbc.sql.ObjectKind;
import dev.governance.jdbc.sql.StatementType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyLoaderTest {

    /** The example of contract section 4, verbatim. */
    static final String CONTRACT_EXAMPLE = """
            version: 1
            identities:                      # named selectors, used by rules and masking
              agents:   { kind: agent }
              dba:      { groups: [dba] }
              migrator: { subject: "spiffe://prod.example/ns/ci/sa/flyway" }
            access:                          # what data each identity may touch; no entry matching = no limit here
              - identity: agents
                environments: [production]
                read:  ["public.orders", "public.customers", "analytics.*"]
                write: ["public.agent_notes"]
            rules:
              - id: no-drop
                when:   { statement: [DROP, TRUNCATE] }
                action: deny
                message: "Dropping or truncating tables is never done by software here"
                unless: { identity: dba, environment: [dev, staging] }
              - id: prod-ddl-reviewed
                when:   { environment: [production], statement: [CREATE, ALTER] }
                action: approve
                approvers: { groups: [dba] }
                auto-approve: { identity: migrator, statement: [CREATE], object: [INDEX] }
              - id: small-blast-radius
                when:   { identity: agents, statement: [UPDATE, DELETE] }
                max-rows: 100
            masking:
              detect: auto                   # auto (names and values) | names | off
              unmasked-for: { groups: [pii-reader] }
              columns:
                - match: ["*.email", "crm.contacts.mail"]
                  strategy: email
                - match: ["*.ssn"]
                  strategy: partial          # keeps the last 4 characters
            defaults:
              unparseable: deny              # deny | approve | allow
              unknown-lineage: mask          # mask | deny
              multi-statement: deny          # deny | allow
              mode: enforce                  # enforce | dry-run (decide and record, never block)
            """;

    static final String CONTRACT_EXAMPLE_JSON = """
            {
              "version": 1,
              "identities": {
                "agents": {"kind": "agent"},
                "dba": {"groups": ["dba"]},
                "migrator": {"subject": "spiffe://prod.example/ns/ci/sa/flyway"}
              },
              "access": [
                {"identity": "agents", "environments": ["production"],
                 "read": ["public.orders", "public.customers", "analytics.*"], "write": ["public.agent_notes"]}
              ],
              "rules": [
                {"id": "no-drop", "when": {"statement": ["DROP", "TRUNCATE"]}, "action": "deny",
                 "message": "Dropping or truncating tables is never done by software here",
                 "unless": {"identity": "dba", "environment": ["dev", "staging"]}},
                {"id": "prod-ddl-reviewed", "when": {"environment": ["production"], "statement": ["CREATE", "ALTER"]},
                 "action": "approve", "approvers": {"groups": ["dba"]},
                 "auto-approve": {"identity": "migrator", "statement": ["CREATE"], "object": ["INDEX"]}},
                {"id": "small-blast-radius", "when": {"identity": "agents", "statement": ["UPDATE", "DELETE"]},
                 "max-rows": 100}
              ],
              "masking": {
                "detect": "auto",
                "unmasked-for": {"groups": ["pii-reader"]},
                "columns": [
                  {"match": ["*.email", "crm.contacts.mail"], "strategy": "email"},
                  {"match": ["*.ssn"], "strategy": "partial"}
                ]
              },
              "defaults": {"unparseable": "deny", "unknown-lineage": "mask", "multi-statement": "deny", "mode": "enforce"}
            }
            """;

    @Test
    void loadsTheContractExampleFromYaml() throws Exception {
        Policy p = PolicyLoader.parse("policy.yaml", CONTRACT_EXAMPLE);
        assertContractExample(p);
        assertEquals("policy.yaml", p.source());
        assertEquals("policy.yaml: valid (3 identities, 1 access entry, 3 rules, enforce)", p.summary());
        assertEquals(64, p.sha256().length());
    }

    @Test
    void loadsTheContractExampleFromJson() throws Exception {
        assertContractExample(PolicyLoader.parse("policy.json", CONTRACT_EXAMPLE_JSON));
        // No extension: sniffed from the opening brace.
        assertContractExample(PolicyLoader.parse("inline", CONTRACT_EXAMPLE_JSON));
    }

    private static void assertContractExample(Policy p) {
        assertEquals(List.of("agents", "dba", "migrator"), List.copyOf(p.identities().keySet()));
        assertEquals(Set.of(IdentityKind.AGENT), p.identities().get("agents").kinds());
        assertEquals(List.of("dba"), p.identities().get("dba").groups());
        assertEquals(1, p.access().size());
        assertEquals(3, p.access().get(0).read().size());
        assertEquals(3, p.rules().size());

        Rule noDrop = p.rule("no-drop");
        assertEquals(Action.DENY, noDrop.action());
        assertEquals(Set.of(StatementType.DROP, StatementType.TRUNCATE), noDrop.when().statements());
        assertNotNull(noDrop.unless());
        assertEquals("dba", noDrop.unless().identity().get(0).name());
        assertEquals("Dropping or truncating tables is never done by software here", noDrop.message());

        Rule ddl = p.rule("prod-ddl-reviewed");
        assertEquals(Action.APPROVE, ddl.action());
        assertEquals(List.of("dba"), ddl.approvers());
        assertEquals(Set.of(ObjectKind.INDEX), ddl.autoApprove().objects());

        Rule small = p.rule("small-blast-radius");
        assertEquals(Action.ALLOW, small.action(), "max-rows without action is allow plus a limit");
        assertEquals(100, small.maxRows());

        assertEquals(MaskingPolicy.Detect.AUTO, p.masking().detect());
        assertEquals(2, p.masking().columns().size());
        assertEquals(MaskingPolicy.Strategy.EMAIL, p.masking().strategyFor(Fakes.column("crm.contacts.mail")));
        assertEquals(MaskingPolicy.Strategy.PARTIAL, p.masking().strategyFor(Fakes.column("hr.people.ssn")));
        assertNull(p.masking().strategyFor(Fakes.column("hr.people.name")));
        assertEquals(Defaults.DEFAULT, p.defaults());
    }

    @Test
    void defaultsWhenSectionsAreMissing() throws Exception {
        Policy p = PolicyLoader.parse("p.yaml", "version: 1\n");
        assertTrue(p.rules().isEmpty());
        assertEquals(Defaults.DEFAULT, p.defaults());
        assertEquals(MaskingPolicy.DEFAULT, p.masking());
    }

    @Test
    void yamlOneOneBooleansKeepTheirTextWhereTextIsExpected() throws Exception {
        // YAML 1.1 reads off/on/yes/no as booleans: a field that wants a word still gets the word.
        Policy p = PolicyLoader.parse("p.yaml", "version: 1\nmasking: { detect: off }\nidentities:\n  x: { verified: true, groups: [on] }\n");
        assertEquals(MaskingPolicy.Detect.OFF, p.masking().detect());
        assertEquals(List.of("on"), p.identities().get("x").groups());
        assertEquals(Boolean.TRUE, p.identities().get("x").verified());
        assertError("version: 1\nidentities:\n  x: { verified: \"true\" }\n", "verified",
                "identities.x.verified: expected true or false, got 'true'");
    }

    @Test
    void extensionsLoad() throws Exception {
        Policy p = PolicyLoader.parse("p.yaml", """
                version: 1
                rules:
                  - id: x
                    when:
                      identity: [{ kind: [agent, service] }, { subject: "bot-*", verified: false }]
                      hazards: [server_file, NETWORK-LINK]
                      tables-written: ["*secret*"]
                      tables-read: ["public.*"]
                      primary-key: true
                      unparseable: false
                      multi-statement: true
                      where: absent
                      functions: ["pg_*"]
                      columns: ["*.email"]
                    action: deny
                  - id: y
                    when: { hazards: any }
                    action: deny
                """);
        Match m = p.rule("x").when();
        assertEquals(2, m.identity().size());
        assertEquals(Set.of(IdentityKind.AGENT, IdentityKind.SERVICE), m.identity().get(0).kinds());
        assertEquals(Boolean.FALSE, m.identity().get(1).verified());
        assertEquals(Set.of(Hazard.SERVER_FILE, Hazard.NETWORK_LINK), m.hazards());
        assertEquals(Boolean.TRUE, m.primaryKey());
        assertEquals(Boolean.FALSE, m.unparseable());
        assertEquals(Boolean.TRUE, m.multiStatement());
        assertTrue(m.whereAbsent());
        assertEquals(Set.of(Hazard.values()), p.rule("y").when().hazards());
    }

    // ------------------------------------------------------------------ errors: field path and line

    @Test
    void unknownStatementTypeNamesFieldAndLine() {
        String doc = CONTRACT_EXAMPLE.replace("statement: [CREATE, ALTER]", "statement: [CREATE, DROPP]");
        ConfigurationException e = fails("policy.yaml", doc);
        assertEquals(SqlStates.CONFIGURATION, e.getSQLState());
        assertTrue(e.getMessage().startsWith("policy.yaml line " + lineOf(doc, "DROPP")
                + ": rules[1].when.statement[1]: unknown statement type 'DROPP' (expected one of SELECT, INSERT,"),
                e.getMessage());
    }

    @Test
    void unknownFieldsAreErrors() {
        String doc = CONTRACT_EXAMPLE.replace("    message: \"Dropping", "    mesage: \"Dropping");
        assertError(doc, "mesage", "rules[0].mesage: unknown field 'mesage' (expected one of id, when, unless,");

        String top = "version: 1\nrulez: []\n";
        assertError(top, "rulez", "rulez: unknown field 'rulez'");

        String inMatch = "version: 1\nrules:\n  - id: a\n    when: { statment: DROP }\n    action: deny\n";
        assertError(inMatch, "statment", "rules[0].when.statment: unknown field 'statment'");
    }

    @Test
    void duplicateKeysAreErrors() {
        String doc = "version: 1\nrules:\n  - id: a\n    action: deny\n    action: allow\n";
        ConfigurationException e = fails("p.yaml", doc);
        assertEquals("p.yaml line 5: rules[0].action: duplicate key 'action' (first at line 4)", e.getMessage());

        String json = "{\"version\": 1,\n \"version\": 1}";
        assertTrue(fails("p.json", json).getMessage().startsWith("p.json line 2: version: duplicate key"));
    }

    @Test
    void unknownIdentityReference() {
        String doc = CONTRACT_EXAMPLE.replace("unless: { identity: dba,", "unless: { identity: dbas,");
        assertError(doc, "dbas", "rules[0].unless.identity: unknown identity 'dbas' (defined under identities: agents, dba, migrator");
    }

    @Test
    void ruleIdsPresentUniqueAndNotReserved() {
        String dup = CONTRACT_EXAMPLE.replace("id: small-blast-radius", "id: no-drop");
        ConfigurationException e = fails("policy.yaml", dup);
        assertEquals("policy.yaml line " + lineOf(dup, "id: no-drop", 2)
                + ": rules[2].id: duplicate rule id 'no-drop' (first at line " + lineOf(dup, "id: no-drop") + ")", e.getMessage());

        String missing = "version: 1\nrules:\n  - action: deny\n    when: { statement: DROP }\n";
        assertEquals("p.yaml line 3: rules[0].id: required field missing", fails("p.yaml", missing).getMessage());

        String reserved = "version: 1\nrules:\n  - id: access\n    action: deny\n";
        assertTrue(fails("p.yaml", reserved).getMessage().startsWith("p.yaml line 3: rules[0].id: rule id 'access' is reserved"));
    }

    @Test
    void actionsAndMaxRowsAreChecked() {
        assertError("version: 1\nrules:\n  - id: a\n    action: block\n", "block",
                "rules[0].action: unknown action 'block' (expected one of allow, approve, deny)");
        assertError("version: 1\nrules:\n  - id: a\n    when: { statement: DROP }\n", "id: a",
                "rules[0].action: required field missing");
        assertError("version: 1\nrules:\n  - id: a\n    max-rows: 0\n", "max-rows",
                "rules[0].max-rows: expected a positive whole number, got 0");
        assertError("version: 1\nrules:\n  - id: a\n    max-rows: -5\n", "max-rows",
                "rules[0].max-rows: expected a positive whole number, got -5");
        assertError("version: 1\nrules:\n  - id: a\n    max-rows: \"100\"\n", "max-rows",
                "rules[0].max-rows: expected a positive whole number, got '100'");
        assertError("version: 1\nrules:\n  - id: a\n    action: deny\n    max-rows: 10\n", "max-rows",
                "rules[0].max-rows: max-rows has no effect on a deny rule");
        assertError("version: 1\nrules:\n  - id: a\n    action: deny\n    max-result-rows: 10\n", "max-result-rows",
                "rules[0].max-result-rows: max-result-rows has no effect on a deny rule");
        assertError("version: 1\nrules:\n  - id: a\n    max-result-rows: 0\n", "max-result-rows",
                "rules[0].max-result-rows: expected a positive whole number, got 0");
        assertError("version: 1\nrules:\n  - id: a\n    action: approve\n", "id: a",
                "rules[0].approvers: required field missing");
        assertError("version: 1\nrules:\n  - id: a\n    action: deny\n    approvers: { groups: [x] }\n", "approvers",
                "rules[0].approvers: approvers only apply to action approve");
    }

    @Test
    void enumNamesAreChecked() {
        assertError("version: 1\nrules:\n  - id: a\n    when: { object: [TABEL] }\n    action: deny\n", "TABEL",
                "rules[0].when.object[0]: unknown object kind 'TABEL' (expected one of TABLE, VIEW,");
        assertError("version: 1\nidentities:\n  x: { kind: robot }\n", "robot",
                "identities.x.kind: unknown identity kind 'robot' (expected one of human, agent, service)");
        assertError("version: 1\nrules:\n  - id: a\n    when: { hazards: [FIRE] }\n    action: deny\n", "FIRE",
                "rules[0].when.hazards[0]: unknown hazard 'FIRE'");
        assertError("version: 1\nrules:\n  - id: a\n    when: { where: missing }\n    action: deny\n", "missing",
                "rules[0].when.where: unknown where condition 'missing' (expected absent)");
        assertError("version: 1\ndefaults:\n  multi-statement: approve\n", "approve",
                "defaults.multi-statement: unknown value 'approve' (expected one of deny, allow)");
        assertError("version: 1\ndefaults:\n  mode: dryrun\n", "dryrun",
                "defaults.mode: unknown mode 'dryrun' (expected one of enforce, dry-run)");
        assertError("version: 1\nmasking:\n  columns:\n    - match: [\"*.x\"]\n      strategy: scramble\n", "scramble",
                "masking.columns[0].strategy: unknown strategy 'scramble'");
    }

    @Test
    void globsAreChecked() {
        assertError("version: 1\naccess:\n  - identity: { kind: agent }\n    read: [\"public..orders\"]\n", "public..orders",
                "access[0].read[0]: not a valid table glob 'public..orders'");
        assertError("version: 1\naccess:\n  - identity: { kind: agent }\n    read: [\"a.b.c\"]\n", "a.b.c",
                "access[0].read[0]: not a valid table glob 'a.b.c'");
        assertError("version: 1\nrules:\n  - id: a\n    when: { tables: ['\"Orders\"'] }\n    action: deny\n", "Orders",
                "rules[0].when.tables[0]: glob '\"Orders\"' holds a quote");
        assertError("version: 1\nrules:\n  - id: a\n    when: { tables: [\"t[0-9]\"] }\n    action: deny\n", "t[0-9]",
                "rules[0].when.tables[0]: glob 't[0-9]' uses '['");
        assertError("version: 1\nrules:\n  - id: a\n    when: { tables: [] }\n    action: deny\n", "tables",
                "rules[0].when.tables: empty list");
        assertError("version: 1\nrules:\n  - id: a\n    when: { columns: [\"a.b.c.d\"] }\n    action: deny\n", "a.b.c.d",
                "rules[0].when.columns[0]: not a valid column glob 'a.b.c.d'");
    }

    @Test
    void versionAndShapeAreChecked() {
        assertError("version: 2\n", "version", "version: unsupported version 2 (expected 1)");
        assertError("identities: {}\n", "identities", "version: required field missing");
        assertError("version: 1\nrules: { id: a }\n", "rules", "rules: expected a list, got a mapping");
        assertError("version: 1\nrules:\n  - id: a\n    action:\n", "action:", "rules[0].action: no value given");
        ConfigurationException multi = fails("p.yaml", "version: 1\n---\nversion: 1\n");
        assertTrue(multi.getMessage().contains("more than one document"), multi.getMessage());
        assertTrue(fails("p.yaml", "").getMessage().contains("empty"));
    }

    @Test
    void yamlAliasesAreRefusedNotReadAsNames() {
        // Jackson would hand "*x" over as the string "x": here that would silently be an identity name.
        assertError("version: 1\nidentities:\n  x: &x { kind: agent }\nrules:\n  - id: a\n    when: { identity: *x }\n    action: deny\n",
                "*x", "rules[0].when.identity: YAML aliases (*name) are not supported");
    }

    @Test
    void syntaxErrorsNameTheLine() {
        ConfigurationException yaml = fails("p.yaml", "version: 1\nrules:\n  - id: a\n   action: [deny\n");
        assertTrue(yaml.getMessage().matches("p\\.yaml line \\d+: not valid YAML: .*"), yaml.getMessage());
        ConfigurationException json = fails("p.json", "{\"version\": 1,\n\"rules\": [ }\n");
        assertTrue(json.getMessage().startsWith("p.json line 2: not valid JSON: "), json.getMessage());
    }

    @Test
    void jsonErrorsNameTheLineToo() {
        String doc = CONTRACT_EXAMPLE_JSON.replace("\"CREATE\", \"ALTER\"", "\"CREATE\", \"DROPP\"");
        ConfigurationException e = fails("policy.json", doc);
        assertTrue(e.getMessage().startsWith("policy.json line " + lineOf(doc, "DROPP")
                + ": rules[1].when.statement[1]: unknown statement type 'DROPP'"), e.getMessage());
    }

    @Test
    void missingFileFailsWithVg000() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PolicyLoader.load("/nonexistent/policy.yaml"));
        assertEquals(SqlStates.CONFIGURATION, e.getSQLState());
        assertTrue(e.getMessage().startsWith("/nonexistent/policy.yaml: can't be read"), e.getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> PolicyLoader.load("classpath:nope.yaml"))
                .getMessage().contains("no such classpath resource"));
    }

    @Test
    void baselineLoadsFromTheClasspath() {
        Policy b = PolicyLoader.baseline();
        assertEquals(PolicyLoader.BASELINE_LOCATION, b.source());
        assertFalse(b.rules().isEmpty());
        assertNotNull(b.rule("agent-no-drop"));
    }

    // ------------------------------------------------------------------ helpers

    static ConfigurationException fails(String source, String doc) {
        return assertThrows(ConfigurationException.class, () -> PolicyLoader.parse(source, doc));
    }

    /** Asserts the message is {@code p.yaml line <line of marker>: <expected...>}. */
    static void assertError(String doc, String marker, String expectedStart) {
        ConfigurationException e = fails("p.yaml", doc);
        assertEquals(SqlStates.CONFIGURATION, e.getSQLState());
        String prefix = "p.yaml line " + lineOf(doc, marker) + ": " + expectedStart;
        assertTrue(e.getMessage().startsWith(prefix), "expected\n  " + prefix + "\nbut got\n  " + e.getMessage());
    }

    static int lineOf(String doc, String marker) {
        return lineOf(doc, marker, 1);
    }

    /** 1-based line of the n-th occurrence of {@code marker}. */
    static int lineOf(String doc, String marker, int occurrence) {
        int at = -1;
        for (int i = 0; i < occurrence; i++) {
            at = doc.indexOf(marker, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException("marker not found: " + marker);
            }
        }
        return (int) doc.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
