package dev.governance.jdbc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.governance.jdbc.ConfigurationException;
import dev.governance.jdbc.policy.PolicyLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated policies: the baseline document mutated line by line (lines dropped, repeated, swapped, cut, garbage
 * spliced in). The loader either gives a policy or refuses with a configuration error (VG000) — nothing else.
 */
class PolicyFuzzProperties {

    private static final String BASELINE = baseline();

    private static String baseline() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream("/dev/governance/jdbc/policy/baseline.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<String> GARBAGE = List.of("", " ", "\t", ":", "- ", "{", "}", "[", "]", "\"", "'", "#",
            "&a", "*a", "!!binary", "~", "null", "- id: x", "action: allow", "action: maybe", "max-rows: -1",
            "max-rows: 99999999999999999999", "when: {}", "unless: []", "statement: [SELEKT]", "\u0000", "\ufeff",
            "version: 2", "identities: 5", "<<: *a", "%YAML 1.1", "---", "...");

    @Provide
    Arbitrary<String> policies() {
        String[] lines = BASELINE.split("\n", -1);
        Arbitrary<Integer> line = Arbitraries.integers().between(0, lines.length - 1);
        Arbitrary<Edit> edit = Arbitraries.oneOf(
                line.map(i -> (Edit) ls -> remove(ls, i)),
                line.map(i -> (Edit) ls -> ls.isEmpty() ? ls : insert(ls, i, ls.get(Math.min(i, ls.size() - 1)))),
                Combinators.combine(line, Arbitraries.of(GARBAGE)).as((i, g) -> (Edit) ls -> insert(ls, i, g)),
                Combinators.combine(line, Arbitraries.of(GARBAGE), Arbitraries.integers().between(0, 40))
                        .as((i, g, at) -> (Edit) ls -> splice(ls, i, at, g)),
                line.map(i -> (Edit) ls -> ls.subList(0, Math.min(i, ls.size()))));
        return edit.list().ofMinSize(1).ofMaxSize(5).map(edits -> {
            List<String> ls = List.of(lines);
            for (Edit e : edits) {
                ls = e.apply(ls);
            }
            return String.join("\n", ls);
        });
    }

    interface Edit {
        List<String> apply(List<String> lines);
    }

    private static List<String> remove(List<String> ls, int i) {
        if (ls.isEmpty()) {
            return ls;
        }
        List<String> out = new java.util.ArrayList<>(ls);
        out.remove(Math.min(i, out.size() - 1));
        return out;
    }

    private static List<String> insert(List<String> ls, int i, String line) {
        List<String> out = new java.util.ArrayList<>(ls);
        out.add(Math.min(i, out.size()), line);
        return out;
    }

    private static List<String> splice(List<String> ls, int i, int at, String piece) {
        if (ls.isEmpty()) {
            return ls;
        }
        List<String> out = new java.util.ArrayList<>(ls);
        int k = Math.min(i, out.size() - 1);
        String l = out.get(k);
        int p = Math.min(at, l.length());
        out.set(k, l.substring(0, p) + piece + l.substring(p));
        return out;
    }

    @Property(seed = "20261210")
    void aPolicyLoadsOrIsRefusedAsConfiguration(@ForAll("policies") String document) {
        try {
            assertNotNull(PolicyLoader.parse("fuzz.yaml", document));
        } catch (ConfigurationException refused) {
            assertEquals("VG000", refused.getSQLState(), refused::toString);
            assertNotNull(refused.getMessage());
        }
    }
}
