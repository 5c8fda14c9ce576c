package dev.governance.jdbc.policy;

import dev.governance.jdbc.identity.Identity;
import org.junit.jupiter.api.Test;

import static dev.governance.jdbc.policy.Fakes.agent;
import static dev.governance.jdbc.policy.Fakes.stmt;
import static dev.governance.jdbc.sql.StatementType.DROP;
import static dev.governance.jdbc.sql.StatementType.SELECT;
import static dev.governance.jdbc.sql.StatementType.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access lists count a view as the tables behind it, unless an entry lists it under {@code views}. */
class AccessViewsTest {
    private static final Identity AGENT = agent("agent-7");
    private static final PolicyEngine ENGINE;

    static {
        try {
            ENGINE = new PolicyEngine(PolicyLoader.parse("views.yaml", """
                    version: 1
                    identities:
                      agents: { kind: agent }
                    access:
                      - identity: agents
                        read: ["public.orders", "rep.v_named"]
                        write: ["public.notes", "rep.v_boundary_w"]
                        views: ["rep.v_boundary*"]
                        functions: ["allowed_fn"]
                    """));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Decision decide(Fakes.Stmt s) {
        return ENGINE.decide(AGENT, "prod", s.analysis());
    }

    private static void denied(Fakes.Stmt s, String reason) {
        Decision d = decide(s);
        assertEquals(Action.DENY, d.action(), d.reason());
        assertEquals("access", d.decidingRule());
        assertEquals(reason, d.reason());
    }

    private static void allowed(Fakes.Stmt s) {
        Decision d = decide(s);
        assertEquals(Action.ALLOW, d.action(), d.reason());
    }

    @Test
    void aViewReadsTheTablesBehindIt() {
        allowed(stmt(SELECT).reads("rep.v").view("rep.v", "public.orders"));
        denied(stmt(SELECT).reads("rep.v").view("rep.v", "public.orders", "public.customers"),
                "reads public.customers through view rep.v, which is outside this identity's access list;"
                        + " list the view under views: to read it as itself");
        // named under read: but not views: the tables behind it still count
        denied(stmt(SELECT).reads("rep.v_named").view("rep.v_named", "public.customers"),
                "reads public.customers through view rep.v_named, which is outside this identity's access list;"
                        + " list the view under views: to read it as itself");
        // nested: the view the statement names is the one the message names
        denied(stmt(SELECT).reads("rep.v").view("rep.v", "rep.inner").view("rep.inner", "public.customers"),
                "reads public.customers through view rep.v, which is outside this identity's access list;"
                        + " list the view under views: to read it as itself");
        allowed(stmt(SELECT).reads("rep.v").view("rep.v", "rep.inner").view("rep.inner", "public.orders"));
    }

    @Test
    void aViewUnderViewsIsReadAsItself() {
        allowed(stmt(SELECT).reads("rep.v_boundary").view("rep.v_boundary", "public.customers"));
        allowed(stmt(SELECT).reads("rep.v_boundary").view("rep.v_boundary", "?"));
        // the boundary holds at any depth
        allowed(stmt(SELECT).reads("rep.v").view("rep.v", "rep.v_boundary").view("rep.v_boundary", "hr.salaries"));
        // a table matching a views: glob is no view: it is read under read: as always
        denied(stmt(SELECT).reads("rep.v_boundary_table"),
                "reads rep.v_boundary_table, which is outside this identity's access list");
    }

    @Test
    void unreadableDefinitionsAndOpaqueFunctionsBehindAViewAreUnknown() {
        Decision d = decide(stmt(SELECT).reads("rep.v").view("rep.v", "?"));
        assertEquals(Action.DENY, d.action());
        assertTrue(d.reason().startsWith("reads view rep.v, whose definition can't be read or followed"), d.reason());
        d = decide(stmt(SELECT).reads("rep.v").view("rep.v", "rep.inner").view("rep.inner", "?"));
        assertTrue(d.reason().startsWith("reads view rep.inner, whose definition can't be read or followed (what it reads is"
                + " unknown) behind view rep.v"), d.reason());
        d = decide(stmt(SELECT).reads("rep.v").view("rep.v", "fn:secret_fn"));
        assertTrue(d.reason().startsWith("calls function secret_fn through view rep.v"), d.reason());
        allowed(stmt(SELECT).reads("rep.v").view("rep.v", "fn:allowed_fn", "public.orders"));
    }

    @Test
    void writingThroughAViewWritesTheTablesBehindIt() {
        allowed(stmt(UPDATE).writes("rep.v").reads("rep.v").view("rep.v", "public.notes"));
        denied(stmt(UPDATE).writes("rep.v").view("rep.v", "public.orders"),
                "writes public.orders through view rep.v, which is outside this identity's access list;"
                        + " list the view under views: and write: to write it as itself");
        // under views: written as itself, so it must be under write:
        allowed(stmt(UPDATE).writes("rep.v_boundary_w").view("rep.v_boundary_w", "hr.salaries"));
        denied(stmt(UPDATE).writes("rep.v_boundary").view("rep.v_boundary", "public.notes"),
                "writes rep.v_boundary, which is outside this identity's access list");
        // DDL on a view writes the view, not what is behind it
        denied(stmt(DROP).writes("rep.v").view("rep.v", "public.notes"),
                "writes rep.v, which is outside this identity's access list");
    }

    @Test
    void theLoaderChecksViewsLikeFunctions() throws Exception {
        String entry = """
                version: 1
                access:
                  - identity: { kind: agent }
                    read: ["public.orders"]
                    views: %s
                """;
        Policy p = PolicyLoader.parse("p.yaml", entry.formatted("[\"rep.v_*\", \"summary\"]"));
        assertEquals(2, p.access().get(0).views().size());
        assertEquals(1, PolicyLoader.parse("p.yaml", entry.formatted("rep.v")).access().get(0).views().size());
        for (String bad : new String[] {"{ a: b }", "[]", "[\"a.b.c\"]", "[\"'quoted'\"]", "[[x]]"}) {
            dev.governance.jdbc.ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.governance.jdbc.ConfigurationException.class,
                    () -> PolicyLoader.parse("p.yaml", entry.formatted(bad)), bad);
            assertEquals("VG000", e.getSQLState(), bad);
            assertTrue(e.getMessage().startsWith("p.yaml line 5: access[0].views"), bad + ": " + e.getMessage());
        }
    }
}
