package dev.governance.jdbc.policy;

import org.junit.jupiter.api.Test;

import static dev.governance.jdbc.policy.Fakes.column;
import static dev.governance.jdbc.policy.Fakes.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {

    @Test
    void starQuestionAndLiterals() {
        assertTrue(Glob.of("*").matches(""));
        assertTrue(Glob.of("*secret*").matches("user_secrets"));
        assertTrue(Glob.of("*secret*").matches("secret"));
        assertFalse(Glob.of("*secret*").matches("secrt"));
        assertTrue(Glob.of("a?c").matches("abc"));
        assertFalse(Glob.of("a?c").matches("ac"));
        assertTrue(Glob.of("prod*").matches("production"));
        assertFalse(Glob.of("prod").matches("production"));
        assertTrue(Glob.of("*.*").matches("a.b"));
        assertFalse(Glob.of("a*b").matches("a"));
        assertTrue(Glob.of("a**b").matches("ab"));
    }

    @Test
    void agreesWithARegexOnRandomInput() {
        java.util.Random random = new java.util.Random(42);
        String patternAlphabet = "ab*?";
        String textAlphabet = "abAB";
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomString(random, patternAlphabet, 6);
            String text = randomString(random, textAlphabet, 8);
            String regex = pattern.replace("?", ".").replace("*", ".*");
            boolean expected = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).matches();
            assertEquals(expected, Glob.of(pattern).matches(text), () -> pattern + " vs " + text);
            boolean exact = java.util.regex.Pattern.compile(regex).matcher(text).matches();
            assertEquals(exact, Glob.exact(pattern).matches(text), () -> "exact " + pattern + " vs " + text);
        }
    }

    private static String randomString(java.util.Random random, String alphabet, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void matchesARegionWithoutCopying() {
        assertTrue(Glob.of("or*s").matches("public.orders", 7, 13));
        assertFalse(Glob.of("or*s").matches("public.orders", 0, 13));
    }

    @Test
    void caseIsIgnoredExceptForExactGlobs() {
        assertTrue(Glob.of("Public.ORDERS").matches("public.orders"));
        assertTrue(Glob.of("orders").matches("ORDERS"));
        assertTrue(Glob.exact("agent-*").matches("agent-7"));
        assertFalse(Glob.exact("agent-*").matches("AGENT-7"));
    }

    @Test
    void pathologicalPatternsStayFast() {
        String text = "a".repeat(20_000);
        Glob g = Glob.of("*a*a*a*a*a*a*a*a*a*a*a*b");
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> assertFalse(g.matches(text)));
    }

    @Test
    void tableGlobsMatchPerPart() {
        NameGlob bare = NameGlob.table("*secret*");
        assertTrue(bare.matches(table("app.user_secrets")));
        assertTrue(bare.matches(table("user_secrets")));
        assertFalse(bare.matches(table("secret_schema.users")), "a bare glob looks at the table part only");

        NameGlob qualified = NameGlob.table("analytics.*");
        assertTrue(qualified.matches(table("ANALYTICS.Events")));
        assertFalse(qualified.matches(table("public.events")));
        assertFalse(qualified.matches(table("events")), "no schema given: 'analytics' can't match the empty schema");
        assertTrue(NameGlob.table("*.events").matches(table("events")));
        assertFalse(NameGlob.table("*").matches(table("x")) && !NameGlob.table("*").matches(table("a.x")));
    }

    @Test
    void columnGlobs() {
        assertTrue(NameGlob.column("*.email").matches(column("crm.contacts.email")));
        assertTrue(NameGlob.column("email").matches(column("crm.contacts.email")));
        assertTrue(NameGlob.column("contacts.email").matches(column("crm.contacts.email")));
        assertFalse(NameGlob.column("orders.email").matches(column("crm.contacts.email")));
        assertTrue(NameGlob.column("crm.contacts.mail").matches(column("CRM.Contacts.MAIL")));
        assertFalse(NameGlob.column("crm.contacts.mail").matches(column("mail")), "unknown table: only wildcards match it");
        assertTrue(NameGlob.column("*.mail").matches(column("mail")));
    }

    @Test
    void invalidGlobsAreRefused() {
        assertNull(NameGlob.parse("a..b", 2));
        assertNull(NameGlob.parse("a.b.c", 2));
        assertNull(NameGlob.parse(".a", 3));
        assertNull(NameGlob.parse("a.b.c.d", 3));
    }
}
