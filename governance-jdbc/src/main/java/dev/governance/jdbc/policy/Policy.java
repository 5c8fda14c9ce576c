package dev.governance.jdbc.policy;

import java.util.List;
import java.util.Map;

/**
 * A loaded, validated policy document. Immutable; globs are compiled.
 *
 * @param version    always 1
 * @param identities named selectors, in document order
 * @param access     access entries
 * @param rules      rules, in document order
 * @param masking    the masking section (defaults when absent)
 * @param defaults   the defaults section (defaults when absent)
 * @param source     where it was read from (a path, {@code classpath:...}, or a name given by the caller)
 * @param sha256     hex SHA-256 of the document's bytes, for the {@code policy-loaded} audit event
 */
public record Policy(int version, Map<String, IdentitySelector> identities, List<AccessEntry> access,
                     List<Rule> rules, MaskingPolicy masking, Defaults defaults, String source, String sha256) {

    public Policy {
        identities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(identities));
        access = List.copyOf(access);
        rules = List.copyOf(rules);
    }

    /** One line for {@code policy validate}: {@code policy.yaml: valid (3 identities, 1 access entry, 3 rules, enforce)}. */
    public String summary() {
        return source + ": valid (" + count(identities.size(), "identity", "identities") + ", "
                + count(access.size(), "access entry", "access entries") + ", " + count(rules.size(), "rule", "rules")
                + ", " + defaults.mode().label() + ")";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The rule with this id, or null. */
    public Rule rule(String id) {
        for (Rule r : rules) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
