package dev.governance.jdbc.gate;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.governance.jdbc.identity.Identity;
import dev.governance.jdbc.identity.IdentityKind;
import dev.governance.jdbc.policy.Decision;
import dev.governance.jdbc.policy.PolicyEngine;
import dev.governance.jdbc.policy.PolicyLoader;
import dev.governance.jdbc.sql.Analysis;
import dev.governance.jdbc.sql.Dialect;
import dev.governance.jdbc.sql.SqlAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A decision is reused only on the very grounds it was made on: the same text shape without values of its own, the
 * same identity, policy, search path and catalog epoch, and only while fresh. Anything else decides again.
 */
class DecisionMemoTest {
    private final PolicyEngine engine = new PolicyEngine(PolicyLoader.baseline());
    private final Identity agent = new Identity("bot", IdentityKind.AGENT, List.of(), null, null, true, null);
    private final SqlAnalyzer analyzer = new SqlAnalyzer();
    private final Object names = new Object();

    private Decision decide(Analysis analysis) {
        return engine.decide(agent, "dev", analysis);
    }

    @Test
    void theSameGroundsGiveTheRememberedDecision() {
        DecisionMemo memo = new DecisionMemo();
        Analysis first = analyzer.analyze("SELECT id FROM orders WHERE id = ?", Dialect.H2);
        Decision decision = decide(first);
        memo.remember(first.reuseKey(), agent, engine, names, 3, decision);
        Analysis again = analyzer.analyze("SELECT id FROM orders WHERE id = ?", Dialect.H2);
        assertSame(first.reuseKey(), again.reuseKey(), "a text seen again has the same shape key");
        assertSame(decision, memo.find(again.reuseKey(), agent, engine, names, 3));
    }

    @Test
    void anythingElseDecidesAgain() {
        DecisionMemo memo = new DecisionMemo();
        Analysis analysis = analyzer.analyze("DELETE FROM orders WHERE id = ?", Dialect.H2);
        Object key = analysis.reuseKey();
        memo.remember(key, agent, engine, names, 3, decide(analysis));
        Identity sameNameOtherToken = new Identity("bot", IdentityKind.AGENT, List.of(), null, null, true, null);
        assertNull(memo.find(key, sameNameOtherToken, engine, names, 3), "another identity (a rotated token)");
        assertNull(memo.find(key, agent, new PolicyEngine(PolicyLoader.baseline()), names, 3), "a reloaded policy");
        assertNull(memo.find(key, agent, engine, new Object(), 3), "another search path");
        assertNull(memo.find(key, agent, engine, names, 4), "DDL since");
        Object otherShape = analyzer.analyze("DELETE FROM orders WHERE customer = ?", Dialect.H2).reuseKey();
        assertNull(memo.find(otherShape, agent, engine, names, 3), "another text");
    }

    @Test
    void textsWithValuesOfTheirOwnAreNeverKeyed() {
        assertNull(analyzer.analyze("DELETE FROM orders WHERE id = 1", Dialect.H2).reuseKey(), "a literal");
        assertNull(analyzer.analyze("DELETE FROM orders WHERE ? = ?", Dialect.H2).bind(List.of(1, 1)).reuseKey(),
                "bound parameters");
    }

    @Test
    void anEntryExpires() throws InterruptedException {
        DecisionMemo memo = new DecisionMemo(1_000_000L); // 1 ms
        Analysis analysis = analyzer.analyze("SELECT id FROM orders", Dialect.H2);
        memo.remember(analysis.reuseKey(), agent, engine, names, 0, decide(analysis));
        Thread.sleep(5);
        assertNull(memo.find(analysis.reuseKey(), agent, engine, names, 0));
    }
}
